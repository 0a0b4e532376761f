/**
 * Anchoring a W3C TextQuoteSelector / TextPositionSelector pair on a text (code points), after
 * Hypothesis's robust anchoring: the position when the quote is there; otherwise every exact
 * occurrence of the quote, scored by how much of its prefix and suffix the text around it
 * matches, the nearest to the given position winning a tie. No fuzzy matching of the quote itself:
 * a quote the text no longer has is reported, not guessed.
 *
 * A file is untrusted, so the searching is bounded: at most MAX_OCCURRENCES places are weighed
 * per quote, and one import searches at most its budget of text (a file of 200,000 annotations
 * whose positions all disagree with a 25 MB text would otherwise search for hours). What is left
 * when the budget is spent is reported as not anchored.
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

/** Places one quote is weighed at: a quote found more often than this is too common to anchor by. */
export const MAX_OCCURRENCES = 1000;

/** UTF-16 units of text one import may search when re-anchoring (a few seconds at most). */
export const SEARCH_BUDGET = 1_000_000_000;

/** What is left of an import's search budget; shared by every anchor() of the import. */
export interface SearchBudget {
  left: number;
}

/** Why a quote was not anchored: not in the text, in it too often, or the import's budget spent. */
export type Unanchored = 'absent' | 'too common' | 'over budget';

/** The span [start, end) in code points, or why there is none. */
export function anchor(points: string[], text: string, s: Selectors, budget: SearchBudget = { left: SEARCH_BUDGET }): [number, number] | Unanchored {
  const positioned = s.start !== null && s.end !== null && s.start < s.end && s.end <= points.length;
  if (positioned && (s.exact === null || points.slice(s.start!, s.end!).join('') === s.exact)) return [s.start!, s.end!];
  if (!s.exact) return 'absent';
  if (budget.left < text.length) return 'over budget';
  budget.left -= text.length;
  const quoteLength = Array.from(s.exact).length;
  const [prefix, suffix] = [Array.from(s.prefix), Array.from(s.suffix)];
  let best: { start: number; score: number; distance: number } | null = null;
  // Occurrences found in UTF-16 units; the code point offset advances with the search.
  let unit = text.indexOf(s.exact);
  let point = 0;
  let counted = 0;
  let occurrences = 0;
  while (unit !== -1) {
    if (++occurrences > MAX_OCCURRENCES) return 'too common';
    point += Array.from(text.slice(counted, unit)).length;
    counted = unit;
    const score = shared(points.slice(Math.max(0, point - prefix.length), point), prefix, true) + shared(points.slice(point + quoteLength, point + quoteLength + suffix.length), suffix, false);
    const distance = s.start === null ? 0 : Math.abs(point - s.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: point, score, distance };
    unit = text.indexOf(s.exact, unit + 1);
  }
  return best ? [best.start, best.start + quoteLength] : 'absent';
}
