import { foldMapped } from '../fold';

/** One thing to look for: a word (matched as a prefix) or a quoted phrase (exact words in a row). */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
}

/** Characters that make up a word, as SQLite's unicode61 tokenizer sees them. */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

function wordsOf(text: string): string[] {
  return Array.from(foldMapped(text).folded.matchAll(WORD), (m) => m[0]);
}

/** What the user typed, as terms: "quoted phrases" and single words (matched as prefixes). */
export function parseSearch(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of input.normalize('NFC').matchAll(/"([^"]*)"?|([^\s"]+)/gu)) {
    if (match[1] !== undefined) {
      const words = wordsOf(match[1]);
      if (words.length) terms.push({ words, prefix: false });
    } else if (match[2]) {
      // "qu’aucune" is two words to the tokenizer: each is a term of its own.
      for (const word of wordsOf(match[2])) terms.push({ words: [word], prefix: true });
    }
  }
  return terms;
}

/** The FTS5 query for the terms: every term quoted, so user input is never FTS syntax. */
export function toFtsQuery(terms: SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`).join(' ');
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;

function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const unit = text.charCodeAt(index);
  if (unit < 128) return (unit >= 48 && unit <= 57) || (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90);
  // A surrogate pair is tested whole, from either half.
  const start = unit >= 0xdc00 && unit <= 0xdfff ? index - 1 : index;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** The end of the phrase `words` starting at `start` in folded text, or -1. */
function phraseEnd(folded: string, start: number, words: string[], prefix: boolean): number {
  let at = start;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (!folded.startsWith(word, at)) return -1;
    at += word.length;
    if (prefix && words.length === 1) {
      while (isWordAt(folded, at)) at++;
    } else if (isWordAt(folded, at)) return -1;
    if (k + 1 < words.length) {
      while (at < folded.length && !isWordAt(folded, at)) at++;
    }
  }
  return at;
}

/**
 * Where the terms occur in `text`, as sorted, merged [start, end) UTF-16 ranges, the way the
 * index matches them: whole words, a single word also as the start of a longer one, phrases as
 * consecutive words. Scans with indexOf on the folded text (fast on long articles), checks word
 * boundaries only where a candidate is found, and maps each match back to the original text.
 */
export function findMatches(text: string, terms: SearchTerm[]): Array<[number, number]> {
  const { folded, source } = foldMapped(text);
  const at0 = (i: number) => (source ? source[i]! : i);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const first = term.words[0]!;
    for (let at = folded.indexOf(first); at !== -1; at = folded.indexOf(first, at + 1)) {
      if (isWordAt(folded, at - 1)) continue;
      const end = phraseEnd(folded, at, term.words, term.prefix);
      if (end !== -1) ranges.push([at0(at), at0(end)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * Text as a search key for plain substring matching in SQL: its words folded as above, each
 * after one space, with a space at the end. Stored beside quotes and rationales so filters need
 * no full-text index (one that undo, which replays row changes, would have to keep in step).
 */
export function searchKey(text: string): string {
  const words = wordsOf(text);
  return words.length ? ` ${words.join(' ')} ` : '';
}

/** What a term looks for in a search key: `instr(key, needle) > 0` matches it at a word start. */
export function keyNeedle(term: SearchTerm): string {
  return ` ${term.words.join(' ')}${term.prefix ? '' : ' '}`;
}
