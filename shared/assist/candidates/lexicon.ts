/**
 * The editable word lists behind contradiction candidates: plain data, English only. Words are
 * written as they appear in news text; the scorer folds and stems them the same way it folds and
 * stems quotes, so inflected forms need not be listed twice unless the stemmer cannot join them
 * (agreed / agreement). Changing this file changes the scorer: bump SCORER_VERSION in types.ts.
 */

/**
 * Words that name the same thing in reporting. Each group is one concept (named by its first
 * word); a word may sit in several groups, and `BROADER` lets a concept also count as a wider one
 * (peacekeepers are troops when a spokesman says "no foreign troops").
 */
export const SYNONYMS: Record<string, string[]> = {
  troops: ['troops', 'soldiers', 'forces', 'force', 'army', 'military', 'units', 'servicemen', 'armour', 'armoured', 'tanks', 'battalion', 'brigade', 'contingent'],
  peacekeepers: ['peacekeepers', 'peacekeeping', 'blue helmets', 'monitors', 'observers'],
  agreement: ['agreement', 'agreed', 'agree', 'deal', 'accord', 'signed', 'sign', 'arrangements', 'treaty', 'pact', 'settlement'],
  killed: ['killed', 'kill', 'dead', 'died', 'deaths', 'bodies', 'body', 'fatalities', 'death toll'],
  wounded: ['wounded', 'injured', 'hurt'],
  civilians: ['civilians', 'civilian', 'residents', 'villagers', 'non-combatants'],
  shelling: ['shelled', 'shelling', 'shell', 'shells', 'artillery', 'fired', 'bombarded', 'bombardment', 'struck'],
  withdraw: ['withdraw', 'withdrawal', 'withdrawn', 'pull back', 'pulled back', 'pulling', 'pull out', 'left', 'leave', 'retreat', 'pullout'],
  deploy: ['deploy', 'deployed', 'deployment', 'send', 'sent', 'station', 'stationed'],
  arrive: ['arrive', 'arrived', 'arrival', 'come', 'reach', 'reached'],
  prisoners: ['prisoners', 'prisoner', 'detainees', 'captives', 'pows', 'hostages'],
  exchange: ['exchange', 'swap', 'release', 'released', 'freed'],
  ships: ['ships', 'vessels', 'boats', 'freighters', 'tankers'],
  corridor: ['corridor', 'route', 'passage'],
  open: ['open', 'opened', 'reopen', 'reopened', 'reopens'],
  closed: ['closed', 'close', 'closure', 'shut', 'blocked', 'suspended'],
  accept: ['accept', 'welcome', 'support', 'back', 'endorse', 'ready to accept'],
  reject: ['reject', 'refuse', 'oppose', 'rule out', 'rules out', 'ruled out'],
  present: ['present', 'inside', 'remain', 'remained', 'stay', 'dug in', 'stationed'],
  talks: ['talks', 'negotiations', 'discussed', 'discussion', 'discuss'],
  ceasefire: ['ceasefire', 'truce', 'armistice'],
  border: ['border', 'frontier', 'ceasefire line', 'front line'],
  casualties: ['casualties', 'victims', 'toll'],
};

/** Concepts that also count as a wider one. */
export const BROADER: Record<string, string[]> = {
  peacekeepers: ['troops'],
};

/** Pairs of concepts that cannot both hold of the same thing. */
export const ANTONYMS: Array<[string, string]> = [
  ['open', 'closed'],
  ['accept', 'reject'],
  ['present', 'withdraw'],
];

/**
 * Negation and denial: single words, and phrases (matched on folded, stemmed token sequences). One
 * side of a pair carrying one of these and the other not is the strongest sign of a contradiction.
 */
export const NEGATIONS = ['not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'cannot', 'without', 'deny', 'denied', 'denies', 'refute', 'refuted', 'dismissed', 'false', 'untrue', 'baseless'];
export const NEGATION_PHRASES = ['rules out', 'ruled out', 'rule out', 'not on the agenda', 'no such', 'wishful thinking', 'an invention', 'fake news', 'no longer'];

/** Quantifiers that clash with a negation on the other side ("all prisoners" vs "none"). */
export const UNIVERSALS = ['all', 'every', 'entire', 'whole', 'always'];

/** Modal verbs: "will be deployed" is a claim about the future, worth quoting in a reason. */
export const MODALS = ['will', 'would', 'shall', 'must', 'going'];

export const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12, dozens: 24, hundreds: 200, thousand: 1000, thousands: 2000,
};

/** Words too common in reporting to say anything about the subject of a claim. */
export const STOPWORDS = `a about above after again against ago all also am an and any anything are as at be because been
before being between both but by can could did do does doing down during each either else even ever few for from further
had has have having he her here hers him his how however i if in into is it its itself just last least less like made make
many may me might more most much my near next nor now of off on once one only or other our ours out over own per quite
rather really said same say saying says see she should since so some such than that the their theirs them then there
these they this those though through thus to told too under until up upon us very was we were what when where whether which
while who whom whose why will with would yet you your asked added according reported reports statement stated told tuesday
monday wednesday thursday friday saturday sunday week today yesterday tomorrow moment time day days
january february march april may june july august september october november december`.split(/\s+/);
