/**
 * Reads one claim's quote into what the scorer compares: subject terms (stems, lexicon concepts,
 * numbers, tags), negation and denial cues, universal quantifiers, modal phrases and counted
 * quantities. Pure and deterministic; English rules, but any script folds and tokenises.
 */
import { fold } from '../../fold';
import { nameSkeleton } from '../../transliteration';
import { ANTONYMS, BROADER, MODALS, NEGATIONS, NEGATION_PHRASES, NUMBER_WORDS, STOPWORDS, SYNONYMS, UNIVERSALS } from './lexicon';
import type { CandidateClaim } from './types';

/** The longest word kept whole; longer tokens (unsegmented CJK, URLs) are cut, not dropped. */
const MAX_TOKEN = 40;
/** Terms kept per claim: a claim of a thousand words still costs what one of sixty costs. */
const MAX_TERMS = 60;
/** Words after a negation cue that it denies: "not on the agenda", "no deal on foreign troops". */
const NEGATION_SCOPE = 5;
/** Past this, a quote is read only in part (an analyst's claim is a sentence or two). */
const MAX_QUOTE = 2_000;

/**
 * A crude English stemmer: common suffixes off, then cut to seven letters, so that deployed and
 * deployment, Velmora and Velmoran, peacekeepers and peacekeeping meet. Words it cannot join go in
 * the lexicon.
 */
export function stem(word: string): string {
  let known = STEMS.get(word);
  if (known === undefined) {
    known = stemWord(word);
    // A project's vocabulary is some tens of thousands of words; the cap only guards odd input.
    if (STEMS.size < 200_000) STEMS.set(word, known);
  }
  return known;
}

const STEMS = new Map<string, string>();

function stemWord(word: string): string {
  let w = word;
  if (w.length > 4) {
    const before = w;
    w = w
      .replace(/(ments?|ings?)$/, '')
      .replace(/(ied|ies)$/, 'y')
      .replace(/ed$/, '')
      .replace(/(?<=(s|x|ch|sh))es$/, '')
      .replace(/(?<![su])s$/, '');
    if (w.length < 3) w = before;
    else if (w !== before && /([^aeioulsz])\1$/.test(w)) w = w.slice(0, -1);
    if (w.length > 4) w = w.replace(/e$/, '');
  }
  return w.slice(0, 7);
}

/** Folded word tokens: apostrophes kept inside words, "n't" read as a separate "not". */
export function tokenise(text: string): string[] {
  const folded = fold(text.slice(0, MAX_QUOTE))
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
  const tokens: string[] = [];
  for (const raw of folded.split(/[^\p{L}\p{N}']+/u)) {
    let token = raw.replace(/^'+|'+$/g, '').replace(/'s$/, '');
    if (!token) continue;
    if (token.endsWith("n't")) {
      token = token === "won't" ? 'will' : token === "can't" ? 'can' : token.slice(0, -3);
      if (token) tokens.push(token.slice(0, MAX_TOKEN));
      tokens.push('not');
      continue;
    }
    tokens.push(token.replace(/'/g, '').slice(0, MAX_TOKEN));
  }
  return tokens;
}

interface PhraseTable {
  /** Stemmed phrase (words joined by spaces) → concepts. */
  concepts: Map<string, string[]>;
  /** The first stems of phrases of more than one word, so most tokens need one look-up. */
  starts: Set<string>;
  longest: number;
}

function stemPhrase(phrase: string): string {
  return tokenise(phrase).map(stem).join(' ');
}

function buildPhraseTable(): PhraseTable {
  const concepts = new Map<string, string[]>();
  const starts = new Set<string>();
  let longest = 1;
  for (const [concept, words] of Object.entries(SYNONYMS)) {
    for (const word of words) {
      const key = stemPhrase(word);
      const words = key.split(' ');
      longest = Math.max(longest, words.length);
      if (words.length > 1) starts.add(words[0]!);
      const expanded = [concept, ...(BROADER[concept] ?? [])];
      concepts.set(key, [...new Set([...(concepts.get(key) ?? []), ...expanded])]);
    }
  }
  return { concepts, starts, longest };
}

const PHRASES = buildPhraseTable();
const STOP = new Set(STOPWORDS);
const NEGATION_WORDS = new Set(NEGATIONS);
const NEGATION_SEQUENCES = NEGATION_PHRASES.map((phrase) => tokenise(phrase));
const NEGATION_STARTS = new Set([...NEGATIONS, ...NEGATION_SEQUENCES.map((sequence) => sequence[0]!)]);
const UNIVERSAL_WORDS = new Set(UNIVERSALS);
const MODAL_WORDS = new Set(MODALS);
const ANTONYM_CONCEPTS = new Set(ANTONYMS.flat());

/** A number and what it counts ("three civilians": 3, the terms of "civilians"). */
export interface Count {
  value: number;
  things: string[];
  /** As written, for reasons: "three civilians". */
  text: string;
}

export interface Analysis {
  /** Subject terms (stems `s:`, concepts `c:`, numbers `n:`, tags `t:`), each with the word to show for it. */
  terms: Map<string, string>;
  /** The first negation or denial, as written with a word or two after it; null if none. */
  negation: string | null;
  /** Terms within a few words after a negation: what is denied ("no agreement" denies agreement). */
  negated: Set<string>;
  universal: string | null;
  /** A modal phrase as written ("will be deployed"), for the reason on the affirming side. */
  modal: string | null;
  /** The quote's first words, folded: what the affirming side says when it has no modal phrase. */
  opening: string;
  counts: Count[];
  /** Lexicon concepts that have an antonym, with the word that named them. */
  polar: Map<string, string>;
  /** Transliteration skeletons of the actor's name and aliases, to tell one person under two records. */
  actorSkeletons: Set<string>;
  /** The folded quote, to tell identical quotes. */
  folded: string;
}

function numberOf(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  return NUMBER_WORDS[token] ?? null;
}

function phraseAt(stems: string[], i: number): { length: number; concepts: string[] } | null {
  const longest = PHRASES.starts.has(stems[i]!) ? Math.min(PHRASES.longest, stems.length - i) : 1;
  for (let length = longest; length >= 1; length--) {
    const concepts = PHRASES.concepts.get(stems.slice(i, i + length).join(' '));
    if (concepts) return { length, concepts };
  }
  return null;
}

function negationAt(tokens: string[], i: number): number {
  if (!NEGATION_STARTS.has(tokens[i]!)) return 0;
  for (const sequence of NEGATION_SEQUENCES) {
    if (sequence.every((word, k) => tokens[i + k] === word)) return sequence.length;
  }
  return NEGATION_WORDS.has(tokens[i]!) ? 1 : 0;
}

/** Up to `words` tokens from i, as folded text: enough to quote a cue in a reason. */
function snippet(tokens: string[], i: number, words: number): string {
  return tokens.slice(i, i + words).join(' ');
}

export function analyse(claim: CandidateClaim): Analysis {
  const tokens = tokenise(claim.quote);
  const stems = tokens.map(stem);
  const terms = new Map<string, string>();
  const polar = new Map<string, string>();
  const counts: Count[] = [];
  let negation: string | null = null;
  let universal: string | null = null;
  let modal: string | null = null;
  const negated = new Set<string>();
  let scopeEnd = -1;
  let position = 0;
  const add = (term: string, shown: string) => {
    if (terms.size < MAX_TERMS && !terms.has(term)) terms.set(term, shown);
    if (position < scopeEnd) negated.add(term);
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    position = i;
    const cue = negationAt(tokens, i);
    if (cue) {
      if (negation === null) negation = snippet(tokens, i, Math.max(cue + 1, 2));
      scopeEnd = Math.max(scopeEnd, i + cue + NEGATION_SCOPE);
    }
    if (UNIVERSAL_WORDS.has(token) && universal === null) universal = snippet(tokens, i, 2);
    if (MODAL_WORDS.has(token) && modal === null && tokens[i + 1] && !NEGATION_WORDS.has(tokens[i + 1]!)) modal = snippet(tokens, i, 3);
    const value = numberOf(token);
    if (value !== null) {
      add(`n:${value}`, token);
      const thing = countedThing(tokens, stems, i + 1);
      if (thing) counts.push({ value, things: thing.terms, text: `${token} ${thing.word}` });
      continue;
    }
    const phrase = phraseAt(stems, i);
    if (phrase) {
      const shown = tokens.slice(i, i + phrase.length).join(' ');
      for (const concept of phrase.concepts) {
        add(`c:${concept}`, concept);
        if (ANTONYM_CONCEPTS.has(concept) && !polar.has(concept)) polar.set(concept, shown);
      }
      // The word itself too: the same word on both sides says more than a synonym.
      if (phrase.length === 1 && !STOP.has(token)) add(`s:${stems[i]}`, token);
      i += phrase.length - 1;
      continue;
    }
    if (STOP.has(token) || NEGATION_WORDS.has(token) || token.length < 2) continue;
    add(`s:${stems[i]}`, token);
  }
  for (const tag of claim.tags) {
    const folded = fold(tag);
    if (folded) add(`t:${folded}`, `“${tag}”`);
  }
  const actorSkeletons = skeletonsOf(claim);
  return { terms, negation, negated, universal, modal, opening: tokens.slice(0, 5).join(' '), counts, polar, actorSkeletons, folded: tokens.join(' ') };
}

const SKELETONS = new Map<string, Set<string>>();

/** One actor's skeletons, computed once per set of names (an actor makes thousands of claims). */
function skeletonsOf(claim: CandidateClaim): Set<string> {
  const key = [claim.actorName, ...claim.actorAliases].join('\u0000');
  let skeletons = SKELETONS.get(key);
  if (!skeletons) {
    skeletons = new Set([claim.actorName, ...claim.actorAliases].map(nameSkeleton).filter(Boolean));
    if (SKELETONS.size < 100_000) SKELETONS.set(key, skeletons);
  }
  return skeletons;
}

/** The content word just after a number (skipping one adjective-like stopword), with its terms. */
function countedThing(tokens: string[], stems: string[], from: number): { word: string; terms: string[] } | null {
  for (let i = from; i < Math.min(tokens.length, from + 2); i++) {
    const token = tokens[i]!;
    if (STOP.has(token) || NEGATION_WORDS.has(token)) continue;
    if (numberOf(token) !== null) return null;
    const phrase = phraseAt(stems, i);
    const terms = [`s:${stems[i]}`, ...(phrase?.concepts.map((c) => `c:${c}`) ?? [])];
    return { word: token, terms };
  }
  return null;
}
