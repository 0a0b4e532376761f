/**
 * brat standoff pieces. brat counts offsets in Unicode code points (Python string indexes) and
 * puts each annotation on one line, so a span that crosses a line break is written as fragments
 * ("start end;start end") that leave the line breaks out.
 */
import type { OffsetMap } from '../offsets';

/** The code point offsets of the line breaks in `text`, ascending. */
export function lineBreaks(text: OffsetMap): number[] {
  const breaks: number[] = [];
  for (let at = text.text.indexOf('\n'); at !== -1; at = text.text.indexOf('\n', at + 1)) breaks.push(text.toCodePoint(at));
  return breaks;
}

/** The index of the first line break at or after `offset`. */
function firstBreakFrom(breaks: number[], offset: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/** The text field of a T line: the fragments' text joined by spaces, as brat writes it. */
export function bratSpanText(text: OffsetMap, fragments: Array<[number, number]>): string {
  return fragments.map(([s, e]) => text.slice(s, e)).join(' ');
}

/** Note text on one line: tabs and line breaks become spaces. */
export function bratNote(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
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
