/** Word lists the attribution rules rely on. Lower case; verbs as lemmas. */

/** Verbs that report speech, writing or stance: the cue of an attribution. */
export const CUE_VERBS = new Set([
  'say', 'tell', 'call', 'add', 'write', 'note', 'announce', 'report', 'ask', 'argue', 'suggest', 'claim',
  'deny', 'warn', 'insist', 'explain', 'state', 'declare', 'confirm', 'acknowledge', 'admit',
  'accuse', 'tweet', 'respond', 'reply', 'recall', 'predict', 'promise', 'vow', 'pledge',
  'threaten', 'stress', 'emphasize', 'emphasise', 'maintain', 'contend', 'assert', 'allege',
  'complain', 'concede', 'conclude', 'believe', 'think', 'estimate', 'reveal', 'disclose', 'urge',
  'criticize', 'criticise', 'cite', 'quote', 'observe', 'remark', 'repeat', 'reiterate', 'agree',
  'predict', 'hint', 'caution', 'testify', 'boast', 'joke', 'counter', 'retort', 'lament',
  'propose', 'demand', 'question', 'charge', 'describe', 'signal', 'indicate', 'blame',
  'recount', 'speculate', 'concur', 'affirm', 'reckon', 'fear', 'hope',
  'expect', 'know', 'learn', 'find', 'show', 'declare', 'proclaim', 'dismiss', 'reject', 'mention',
  'brag', 'wonder', 'announce', 'forecast', 'guarantee', 'assure', 'inform', 'advise', 'instruct',
  'explain', 'contend', 'doubt', 'feel', 'worry', 'recommend',
  'shout', 'yell', 'answer', 'exclaim', 'quip', 'muse', 'whisper', 'scoff', 'scream', 'grumble',
]);

/** Verbs that are cues only right after a quotation: "“…,” he continued.", "“…,” the sign reads." */
export const AFTER_QUOTE_CUES = new Set(['continue', 'read']);

/**
 * Verbs of stance, intention and evaluation, which annotators of attribution (PolNeAR among them)
 * also mark: "Sanders wants to …", "Polls show …", "Ryan endorsed Trump". Cues only with what follows.
 */
export const STANCE_VERBS = new Set([
  'want', 'support', 'endorse', 'oppose', 'seem', 'appear', 'plan', 'decline', 'refuse', 'seek',
  'praise', 'defend', 'attack', 'denounce', 'consider', 'decide', 'favor', 'favour', 'prefer',
  'see', 'view', 'intend', 'aim', 'vow', 'pledge', 'promise', 'threaten', 'offer', 'hail', 'tout',
  'label', 'dub', 'brand', 'slam', 'blast', 'mock', 'ridicule', 'decry', 'condemn', 'applaud',
  'welcome', 'retweet', 'chant', 'talk', 'refer', 'speak', 'push', 'advocate',
  'point', 'vote', 'discuss', 'express', 'like', 'recognize', 'recognise', 'highlight', 'portray', 'echo',
]);

/**
 * Verbs whose cue takes a particle, the content following it: "called for a ceasefire", "talked
 * about the talks", "warned of a ferocious battle".
 */
export const PHRASAL_CUES: Record<string, ReadonlySet<string>> = {
  call: new Set(['for', 'on']),
  talk: new Set(['about']),
  speak: new Set(['about', 'of']),
  refer: new Set(['to']),
  warn: new Set(['of', 'about', 'against']),
  complain: new Set(['about']),
  worry: new Set(['about']),
  push: new Set(['for']),
  argue: new Set(['for', 'against']),
  advocate: new Set(['for']),
  boast: new Set(['about', 'of']),
  joke: new Set(['about']),
  point: new Set(['to', 'out']),
  vote: new Set(['for', 'against']),
};

/** Cues that only count when a clause ("that …" or a quotation) follows, never before it. */
export const FORWARD_ONLY_CUES = new Set([
  ...STANCE_VERBS,
  'believe', 'think', 'fear', 'hope', 'expect', 'know', 'learn', 'find', 'show', 'feel', 'worry',
  'doubt', 'wonder', 'describe', 'blame', 'dismiss', 'reject', 'question',
  'demand', 'recommend', 'urge', 'propose', 'signal', 'indicate', 'mention', 'accuse',
  'criticize', 'criticise', 'charge', 'inform', 'advise', 'instruct', 'assure', 'guarantee',
]);
for (const verb of STANCE_VERBS) CUE_VERBS.add(verb);

/** Adjectives of stance with the word that introduces their content: "was critical of …", "is confident that …". */
export const ADJECTIVE_CUES: Record<string, ReadonlySet<string>> = {
  critical: new Set(['of']),
  skeptical: new Set(['of', 'about', 'that']),
  sceptical: new Set(['of', 'about', 'that']),
  concerned: new Set(['about', 'that']),
  worried: new Set(['about', 'that']),
  angry: new Set(['about', 'at', 'that']),
  supportive: new Set(['of']),
  opposed: new Set(['to']),
  committed: new Set(['to']),
  confident: new Set(['that', 'of']),
  sure: new Set(['that']),
  convinced: new Set(['that', 'of']),
  certain: new Set(['that']),
  aware: new Set(['of', 'that']),
  proud: new Set(['of', 'that']),
  upset: new Set(['about', 'with', 'that']),
  furious: new Set(['about', 'at', 'that']),
  optimistic: new Set(['about', 'that']),
  pessimistic: new Set(['about']),
  hopeful: new Set(['that', 'about']),
  adamant: new Set(['that']),
  frustrated: new Set(['with', 'by', 'that']),
  disappointed: new Set(['in', 'with', 'by', 'that']),
  eager: new Set(['to']),
  reluctant: new Set(['to']),
  willing: new Set(['to']),
  unwilling: new Set(['to']),
  determined: new Set(['to']),
};

/** Nouns that carry someone's statement: "Trump's claim that …", "her pledge to …". */
export const NOUN_CUES = new Set([
  'claim', 'statement', 'assertion', 'warning', 'promise', 'pledge', 'argument', 'view', 'belief',
  'suggestion', 'insistence', 'contention', 'allegation', 'accusation', 'vow', 'threat', 'call',
  'demand', 'hope', 'fear', 'prediction', 'announcement', 'admission', 'denial', 'charge', 'plan',
  'proposal', 'message', 'position', 'opinion', 'assessment', 'conclusion', 'estimate', 'comment',
  'remark', 'assurance', 'boast', 'complaint', 'concern', 'criticism', 'decision',
]);

/** Verbs whose object is the addressee, not the content ("told reporters that …"). */
export const ADDRESSEE_VERBS = new Set(['tell', 'inform', 'advise', 'assure', 'warn', 'remind', 'instruct', 'ask', 'urge']);

/** Subject pronouns that can be a source. */
export const SOURCE_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);

/** Object pronouns that stand for the speaker of "Tass cited him as saying", "Interfax quoted her as telling …". */
export const CITED_PRONOUNS = new Set(['him', 'her', 'them']);

/**
 * Titles and roles written before or instead of a name. Stripped to reach the name; a bare one
 * ("the spokesman") is resolved to the last person named nearby.
 */
export const TITLES = new Set([
  'president', 'vice', 'minister', 'prime', 'foreign', 'defence', 'defense', 'interior', 'finance',
  'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'press', 'senator', 'sen.', 'sen',
  'rep.', 'rep', 'representative', 'gov.', 'gov', 'governor', 'mr.', 'mr', 'mrs.', 'mrs', 'ms.',
  'ms', 'dr.', 'dr', 'gen.', 'general', 'lt.', 'col.', 'colonel', 'capt.', 'captain', 'sgt.',
  'adm.', 'admiral', 'major', 'ambassador', 'envoy', 'chairman', 'chairwoman', 'chair', 'director',
  'chief', 'deputy', 'commander', 'mayor', 'king', 'queen', 'prince', 'pope', 'judge', 'justice',
  'former', 'state', 'attorney', 'candidate', 'nominee', 'leader', 'head', 'official', 'officer',
  'adviser', 'advisor', 'aide', 'analyst', 'lawmaker', 'congressman', 'congresswoman', 'speaker',
  'chancellor', 'premier', 'sheikh', 'ayatollah', 'patriarch', 'metropolitan', 'archbishop',
  'bishop', 'father', 'rev.', 'prof.', 'professor', 'monitor', 'observer', 'negotiator', 'mediator',
  'coordinator', 'commissioner', 'presidential', 'republican', 'democratic', 'democrat', 'gop',
  'campaign', 'manager', 'chairperson', 'executive', 'ceo', 'founder', 'member', 'colleague',
  'mp', 'mep', 'lord', 'lady', 'sir', 'dame', 'senior', 'top', 'military', 'acting', 'interim',
  'general-secretary', 'secretary-general', 'emir', 'cardinal', 'mullah', 'field', 'marshal',
]);

/**
 * Title words that say how someone is addressed or how their role is qualified, not the role
 * itself: "Mr. Ilić" may yet be "the president", and "former Minister Ana Petrescu" is "the minister".
 */
export const NOT_ROLES = new Set([
  'mr.', 'mr', 'mrs.', 'mrs', 'ms.', 'ms', 'dr.', 'dr', 'rev.', 'father', 'lord', 'lady', 'sir', 'dame',
  'vice', 'prime', 'foreign', 'defence', 'defense', 'interior', 'finance', 'press', 'state', 'former',
  'presidential', 'republican', 'democratic', 'democrat', 'gop', 'campaign', 'senior', 'top',
  'military', 'acting', 'interim', 'field',
]);

/** Other spellings of a role, to the one it is compared as ("Sen. Ana Petrescu" is "the senator"). */
export const ROLE_SPELLINGS: Readonly<Record<string, string>> = {
  'sen.': 'senator', sen: 'senator', 'gov.': 'governor', gov: 'governor', 'rep.': 'representative',
  rep: 'representative', congressman: 'representative', congresswoman: 'representative',
  'gen.': 'general', 'col.': 'colonel', 'capt.': 'captain', 'adm.': 'admiral', 'prof.': 'professor',
  spokeswoman: 'spokesman', spokesperson: 'spokesman', chairman: 'chair', chairwoman: 'chair',
  chairperson: 'chair', advisor: 'adviser',
};

/** Words naming a person's role, used to guess that a source is a person. */
export const PERSON_NOUNS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'official', 'officer',
  'senator', 'governor', 'ambassador', 'envoy', 'diplomat', 'commander', 'general', 'adviser',
  'advisor', 'aide', 'analyst', 'expert', 'lawmaker', 'source', 'witness', 'resident', 'mayor',
  'chairman', 'chairwoman', 'director', 'secretary', 'leader', 'candidate', 'nominee', 'monitor',
  'observer', 'negotiator', 'mediator', 'man', 'woman', 'professor', 'congressman', 'congresswoman',
  'chief', 'head', 'deputy', 'judge', 'lawyer', 'attorney', 'doctor', 'economist', 'strategist',
  'activist', 'soldier', 'voter', 'supporter', 'critic', 'pollster', 'campaign',
]);

/** Words that mark a news outlet or agency: the channel of an attribution. */
export const OUTLET_WORDS = new Set([
  'agency', 'news', 'newspaper', 'daily', 'tv', 'television', 'radio', 'channel', 'broadcaster',
  'times', 'post', 'journal', 'press', 'gazette', 'herald', 'tribune', 'magazine', 'reuters', 'ap',
  'afp', 'tass', 'interfax', 'ria', 'novosti', 'xinhua', 'bbc', 'cnn', 'fox', 'msnbc', 'nbc', 'abc',
  'cbs', 'npr', 'politico', 'bloomberg', 'anadolu', 'irna', 'kyodo', 'yonhap', 'ukrinform', 'unian',
  'dpa', 'efe', 'ansa', 'wire', 'outlet', 'network', 'website', 'telegraph', 'guardian', 'breitbart',
  'axios', 'izvestia', 'kommersant', 'vedomosti', 'pravda', 'sputnik', 'rt', 'al', 'jazeera',
]);

/** Words that mark a government body. */
export const GOVERNMENT_WORDS = new Set([
  'ministry', 'government', 'kremlin', 'cabinet', 'parliament', 'duma', 'congress', 'senate',
  'administration', 'department', 'pentagon', 'embassy', 'council', 'white', 'house', 'office',
  'army', 'military', 'police', 'court', 'state', 'authorities', 'presidency', 'military',
  'command', 'forces', 'navy', 'foreign', 'interior', 'defence', 'defense',
]);

/** Words that mark an organisation. */
export const ORGANISATION_WORDS = new Set([
  'mission', 'organisation', 'organization', 'committee', 'group', 'party', 'union', 'association',
  'company', 'corporation', 'inc.', 'corp.', 'foundation', 'institute', 'center', 'centre',
  'university', 'bank', 'fund', 'commission', 'campaign', 'coalition', 'movement', 'alliance',
  'nato', 'un', 'osce', 'eu', 'red', 'cross', 'team', 'board', 'agency', 'poll', 'survey', 'study',
  'report', 'federation', 'society', 'watch', 'amnesty', 'network', 'league',
]);

/** Common English function words: a text with too few of them is not treated as English. */
export const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'on', 'was', 'with', 'he', 'as',
  'by', 'at', 'be', 'this', 'are', 'from', 'his', 'an', 'have', 'not', 'but', 'has', 'they', 'said',
  'were', 'had', 'she', 'her', 'their', 'would', 'will', 'we', 'who', 'which', 'been', 'its',
]);
