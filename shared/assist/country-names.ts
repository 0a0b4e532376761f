/**
 * Country names as they speak in the news ("Russia said", "Ukraine's foreign ministry"): an actor
 * so named is a country. Folded (lower case, no diacritics), common short forms included.
 * Plain data, for guessing a new actor's kind.
 */
export const COUNTRY_NAMES = new Set([
  'afghanistan', 'albania', 'algeria', 'andorra', 'angola', 'argentina', 'armenia', 'australia',
  'austria', 'azerbaijan', 'bahrain', 'bangladesh', 'belarus', 'belgium', 'benin', 'bhutan',
  'bolivia', 'bosnia', 'bosnia and herzegovina', 'botswana', 'brazil', 'brunei', 'bulgaria',
  'burkina faso', 'burundi', 'cambodia', 'cameroon', 'canada', 'chad', 'chile', 'china',
  'colombia', 'congo', 'costa rica', 'croatia', 'cuba', 'cyprus', 'czech republic', 'czechia',
  'denmark', 'djibouti', 'ecuador', 'egypt', 'el salvador', 'eritrea', 'estonia', 'eswatini',
  'ethiopia', 'fiji', 'finland', 'france', 'gabon', 'gambia', 'georgia', 'germany', 'ghana',
  'greece', 'guatemala', 'guinea', 'guyana', 'haiti', 'honduras', 'hungary', 'iceland', 'india',
  'indonesia', 'iran', 'iraq', 'ireland', 'israel', 'italy', 'ivory coast', 'jamaica', 'japan',
  'jordan', 'kazakhstan', 'kenya', 'kosovo', 'kuwait', 'kyrgyzstan', 'laos', 'latvia', 'lebanon',
  'lesotho', 'liberia', 'libya', 'liechtenstein', 'lithuania', 'luxembourg', 'madagascar',
  'malawi', 'malaysia', 'maldives', 'mali', 'malta', 'mauritania', 'mauritius', 'mexico',
  'moldova', 'monaco', 'mongolia', 'montenegro', 'morocco', 'mozambique', 'myanmar', 'namibia',
  'nepal', 'netherlands', 'new zealand', 'nicaragua', 'niger', 'nigeria', 'north korea',
  'north macedonia', 'norway', 'oman', 'pakistan', 'palestine', 'panama', 'papua new guinea',
  'paraguay', 'peru', 'philippines', 'poland', 'portugal', 'qatar', 'romania', 'russia',
  'rwanda', 'saudi arabia', 'senegal', 'serbia', 'sierra leone', 'singapore', 'slovakia',
  'slovenia', 'somalia', 'south africa', 'south korea', 'south sudan', 'spain', 'sri lanka',
  'sudan', 'suriname', 'sweden', 'switzerland', 'syria', 'taiwan', 'tajikistan', 'tanzania',
  'thailand', 'togo', 'tunisia', 'turkey', 'turkiye', 'turkmenistan', 'uganda', 'ukraine',
  'united arab emirates', 'uae', 'united kingdom', 'uk', 'britain', 'great britain',
  'united states', 'us', 'usa', 'america', 'uruguay', 'uzbekistan', 'venezuela', 'vietnam',
  'yemen', 'zambia', 'zimbabwe',
]);

/** Endings of a company's name ("Nordhafen Shipping GmbH"), lower case without the dot. */
export const COMPANY_ENDINGS = new Set(['ltd', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'inc', 'corp', 'co', 'oy', 'ab', 'nv', 'bv', 'spa', 'srl', 'oao', 'pjsc', 'jsc']);
