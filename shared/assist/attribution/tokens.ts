/**
 * Tokens, parts of speech, lemmas and sentences from wink-nlp with its English lite model (pure
 * JavaScript, bundled, nothing downloaded). Offsets here are UTF-16 indexes into the text; the
 * extractor converts to code points at the very end. wink reads a Latin-1 stand-in of the text
 * (see latin1-stand-in.ts); token values are the text's own.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { latin1StandIn } from './latin1-stand-in';

export interface Token {
  /** UTF-16 start and end in the text. */
  s: number;
  e: number;
  value: string;
  lower: string;
  lemma: string;
  /** Universal part-of-speech tag (PROPN, NOUN, VERB, PUNCT, ...). */
  pos: string;
}

/** A sentence as a run of token indexes [from, to), never crossing a line break. */
export interface Sentence {
  from: number;
  to: number;
}

export interface Analysis {
  tokens: Token[];
  sentences: Sentence[];
}

/** Sentences longer than this are cut, so the rules do bounded work per token whatever the input. */
export const MAX_SENTENCE_TOKENS = 160;

let nlp: WinkMethods | null = null;

function engine(): WinkMethods {
  // Loading the model takes ~60 ms; do it once, on first use. Only sentence boundaries and parts of
  // speech are run (entities, sentiment and negation are not needed and would cost time).
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

export function analyse(text: string): Analysis {
  const wink = engine();
  const its = wink.its;
  const standIn = latin1StandIn(text);
  const doc = wink.readDoc(standIn);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const poses = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  const tokens: Token[] = [];
  const lineBreakBefore: boolean[] = [];
  /** wink token index → our index (line-break tokens are dropped). */
  const index: number[] = [];
  let at = 0;
  let pendingBreak = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    at += spaces[i]!.length;
    index.push(tokens.length);
    if (types[i] === 'tabCRLF' || /^\s+$/.test(value)) {
      if (value.includes('\n')) pendingBreak = true;
      at += value.length;
      continue;
    }
    if (spaces[i]!.includes('\n')) pendingBreak = true;
    // wink keeps the text exactly (its tokens and preceding spaces rebuild it); if it ever did
    // not, find the token rather than trust a drifted offset.
    if (standIn.startsWith(value, at) === false) {
      const found = standIn.indexOf(value, at);
      if (found < 0) continue;
      at = found;
    }
    const written = text.slice(at, at + value.length);
    // A word with stand-in letters is a name or a foreign word: its lemma is itself.
    const lemma = written === value ? lemmas[i]! : written;
    tokens.push({ s: at, e: at + value.length, value: written, lower: written.toLowerCase(), lemma: lemma.toLowerCase(), pos: poses[i]! });
    lineBreakBefore.push(pendingBreak);
    pendingBreak = false;
    at += value.length;
  }
  index.push(tokens.length);

  const sentences: Sentence[] = [];
  const push = (from: number, to: number) => {
    for (let f = from; f < to; f += MAX_SENTENCE_TOKENS) sentences.push({ from: f, to: Math.min(to, f + MAX_SENTENCE_TOKENS) });
  };
  // wink ends a sentence after an abbreviation in parentheses ("Sen. Ana Berg (D-Vt.) said …"): a
  // sentence that starts with a lower-case word in the same paragraph continues the one before.
  const joined: [number, number][] = [];
  for (const [first, last] of spans) {
    const from = index[first]!;
    const previous = joined[joined.length - 1];
    if (previous && /^\p{Ll}/u.test(tokens[from]?.value ?? '') && !lineBreakBefore[from]) previous[1] = last;
    else joined.push([first, last]);
  }
  for (const [first, last] of joined) {
    const from = index[first]!;
    const to = index[last + 1] ?? tokens.length;
    let start = from;
    for (let t = from + 1; t < to; t++) {
      if (lineBreakBefore[t]) {
        push(start, t);
        start = t;
      }
    }
    if (start < to) push(start, to);
  }
  return { tokens, sentences };
}
