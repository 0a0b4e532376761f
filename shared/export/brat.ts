/**
 * brat standoff pieces. brat counts offsets in Unicode code points (Python string indexes) and
 * puts each annotation on one line, so a span that crosses a line break is written as fragments
 * ("start end;start end") that leave the line breaks out. brat reads its files with Python's
 * line splitting, which ends a line not only at \n and \r but also at \v, \f, \x1c–\x1e, NEL
 * (U+0085), U+2028 and U+2029: each of these splits a span too, and never appears in a line
 * Gainsay writes. Each fragment is trimmed to its first and last non-whitespace character, since
 * brat draws a span that starts or ends on a space (a non-breaking one too) with the wrong text.
 */
import { firstIndex } from '../first-index';
import type { OffsetMap } from '../offsets';

/** The characters that end a line for brat (Python's str.splitlines). */
export const BRAT_LINE_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
const BRAT_LINE_BREAKS = new RegExp(`${BRAT_LINE_BREAK.source}+`, 'g');
const BRAT_LINE_BREAKS_ONE_BY_ONE = new RegExp(BRAT_LINE_BREAK.source, 'g');
/** Whitespace brat trims or mis-draws at a span's edge: JavaScript's \s (Unicode White_Space, NBSP included). */
const WHITESPACE = /\s/u;

/**
 * The code point offsets of the line breaks in `text`, ascending. Found through the offset map:
 * an array of every character would cost more than the rest of the export.
 */
export function lineBreaks(text: OffsetMap): number[] {
  const breaks: number[] = [];
  for (const found of text.text.matchAll(BRAT_LINE_BREAKS_ONE_BY_ONE)) breaks.push(text.toCodePoint(found.index));
  return breaks;
}

/** The index of the first line break at or after `offset`. */
function firstBreakFrom(breaks: number[], offset: number): number {
  return firstIndex(breaks.length, (i) => breaks[i]! < offset);
}

/**
 * The fragments of [start, end) between the line breaks `breaks` (from `lineBreaks`). The work
 * is bounded by the breaks inside the span, never by the span's length: offsets come from a
 * file, and an end of 2^53 must not mean 2^53 steps. A span that is empty or inverted has none.
 */
export function bratFragments(breaks: number[], start: number, end: number): Array<[number, number]> {
  const fragments: Array<[number, number]> = [];
  if (!(start < end)) return fragments;
  let from = start;
  for (let i = firstBreakFrom(breaks, start); i < breaks.length && breaks[i]! < end; i++) {
    if (breaks[i]! > from) fragments.push([from, breaks[i]!]);
    from = breaks[i]! + 1;
  }
  if (end > from) fragments.push([from, end]);
  return fragments;
}

/**
 * `fragments` each trimmed to non-whitespace; fragments of whitespace only are dropped. The
 * trimmed span is what brat shows; the exact span travels in the export's records file.
 */
export function trimFragments(text: OffsetMap, fragments: Array<[number, number]>): Array<[number, number]> {
  const trimmed: Array<[number, number]> = [];
  for (let [s, e] of fragments) {
    while (s < e && WHITESPACE.test(text.slice(s, s + 1))) s++;
    while (e > s && WHITESPACE.test(text.slice(e - 1, e))) e--;
    if (e > s) trimmed.push([s, e]);
  }
  return trimmed;
}

/** The text field of a T line: the fragments' text joined by spaces, as brat writes it. */
export function bratSpanText(text: OffsetMap, fragments: Array<[number, number]>): string {
  return fragments.map(([s, e]) => text.slice(s, e)).join(' ');
}

/**
 * A T line's span, for a span that holds (`quote` is the text from `start` to `end`): its trimmed
 * fragments as brat writes them ("start end;start end") and their text; null when it is nothing
 * but whitespace. Most quotes lie on one line with no whitespace at either edge: their one
 * fragment is the span itself and its text the quote, known without a slice of the text.
 */
export function bratSpan(text: OffsetMap, breaks: number[], start: number, end: number, quote: string): { offsets: string; text: string } | null {
  // A code point is whitespace only if its first (and last) code unit is: \s holds no astral character.
  if (!BRAT_LINE_BREAK.test(quote) && !WHITESPACE.test(quote.charAt(0)) && !WHITESPACE.test(quote.charAt(quote.length - 1))) return { offsets: `${start} ${end}`, text: quote };
  const fragments = trimFragments(text, bratFragments(breaks, start, end));
  if (!fragments.length) return null;
  return { offsets: fragments.map(([s, e]) => `${s} ${e}`).join(';'), text: bratSpanText(text, fragments) };
}

/** A tab or anything brat takes for a line break (BRAT_LINE_BREAK). */
const NOTE_SPECIAL = new RegExp(`[\\t${BRAT_LINE_BREAK.source.slice(1)}`);

/** Note text on one line: tabs and anything brat takes for a line break become spaces. */
export function bratNote(text: string): string {
  // Most notes have neither: they are scanned once and kept as they are.
  if (!NOTE_SPECIAL.test(text)) return text;
  return text.replace(BRAT_LINE_BREAKS, ' ').replace(/\t+/g, ' ');
}

export const BRAT_ANNOTATION_CONF = `# Gainsay export: claims and the links between them.
[entities]
Claim

[relations]
Contradicts\tArg1:Claim, Arg2:Claim
Corroborates\tArg1:Claim, Arg2:Claim
<OVERLAP>\tArg1:Claim, Arg2:Claim, <OVL-TYPE>:<ANY>

[events]

[attributes]
`;
