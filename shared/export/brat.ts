/**
 * brat standoff pieces. brat counts offsets in Unicode code points (Python string indexes) and
 * puts each annotation on one line, so a span that crosses a line break is written as fragments
 * ("start end;start end") that leave the line breaks out.
 */

/** The fragments of [start, end) in `points` (the text as code points) between line breaks. */
export function bratFragments(points: string[], start: number, end: number): Array<[number, number]> {
  const fragments: Array<[number, number]> = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || points[i] === '\n') {
      if (i > from) fragments.push([from, i]);
      from = i + 1;
    }
  }
  return fragments;
}

/** The text field of a T line: the fragments' text joined by spaces, as brat writes it. */
export function bratSpanText(points: string[], fragments: Array<[number, number]>): string {
  return fragments.map(([s, e]) => points.slice(s, e).join('')).join(' ');
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
