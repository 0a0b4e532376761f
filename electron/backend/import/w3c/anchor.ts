/**
 * Anchoring a W3C TextQuoteSelector / TextPositionSelector pair on a text (code points), after
 * Hypothesis's robust anchoring: the position when the quote is there; otherwise every exact
 * occurrence of the quote, scored by how much of its prefix and suffix the text around it
 * matches, the nearest to the given position winning a tie. No fuzzy matching of the quote itself:
 * a quote the text no longer has is reported, not guessed.
 */
export interface Selectors {
  exact: string | null;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
}

/** Characters two strings share at their ends (`fromEnd`) or starts. */
function shared(a: string[], b: string[], fromEnd: boolean): number {
  let n = 0;
  while (n < a.length && n < b.length && a[fromEnd ? a.length - 1 - n : n] === b[fromEnd ? b.length - 1 - n : n]) n++;
  return n;
}

/** The span [start, end) in code points, or null when the text has no such quote. */
export function anchor(points: string[], text: string, s: Selectors): [number, number] | null {
  const positioned = s.start !== null && s.end !== null && s.start < s.end && s.end <= points.length;
  if (positioned && (s.exact === null || points.slice(s.start!, s.end!).join('') === s.exact)) return [s.start!, s.end!];
  if (!s.exact) return null;
  const quoteLength = Array.from(s.exact).length;
  const [prefix, suffix] = [Array.from(s.prefix), Array.from(s.suffix)];
  let best: { start: number; score: number; distance: number } | null = null;
  // Occurrences found in UTF-16 units; the code point offset advances with the search.
  let unit = text.indexOf(s.exact);
  let point = 0;
  let counted = 0;
  while (unit !== -1) {
    point += Array.from(text.slice(counted, unit)).length;
    counted = unit;
    const score = shared(points.slice(Math.max(0, point - prefix.length), point), prefix, true) + shared(points.slice(point + quoteLength, point + quoteLength + suffix.length), suffix, false);
    const distance = s.start === null ? 0 : Math.abs(point - s.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: point, score, distance };
    unit = text.indexOf(s.exact, unit + 1);
  }
  return best ? [best.start, best.start + quoteLength] : null;
}
