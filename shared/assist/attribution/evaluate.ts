/**
 * Scoring the extractor against brat standoff attributions laid out like PolNeAR (Source, Cue and
 * Content text-bound annotations joined by Attribution events; a Content may be discontinuous,
 * "s e;s e"). Pure: the caller reads the files.
 */
import type { Span, Suggestion } from './types';

export interface GoldAttribution {
  content: Span[];
  contentText: string;
  source: Span[] | null;
  cue: Span[] | null;
}

interface TextBound {
  type: string;
  spans: Span[];
  text: string;
}

/** Attributions in one brat .ann file. Lines that are not well-formed are skipped. */
export function parseBratAttributions(ann: string): GoldAttribution[] {
  const bounds = new Map<string, TextBound>();
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    const [id, body, text] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const space = body.indexOf(' ');
      const type = body.slice(0, space);
      const spans = body
        .slice(space + 1)
        .split(';')
        .map((part) => part.trim().split(/\s+/).map(Number))
        .filter((pair) => pair.length === 2 && pair.every(Number.isInteger))
        .map(([start, end]) => ({ start: start!, end: end! }));
      if (spans.length > 0) bounds.set(id, { type, spans, text: text ?? '' });
    } else if (id.startsWith('E')) {
      events.push(body.trim().split(/\s+/));
    }
  }
  const gold: GoldAttribution[] = [];
  for (const args of events) {
    const roles = new Map<string, TextBound>();
    for (const arg of args) {
      const [role, ref] = arg.split(':');
      const bound = ref ? bounds.get(ref) : undefined;
      if (role && bound) roles.set(role.replace(/\d+$/, ''), bound);
    }
    const content = roles.get('Content');
    if (!content) continue;
    gold.push({
      content: content.spans,
      contentText: content.text,
      source: roles.get('Source')?.spans ?? null,
      cue: roles.get('Cue')?.spans ?? null,
    });
  }
  return gold;
}

function length(spans: readonly Span[]): number {
  return spans.reduce((n, s) => n + Math.max(0, s.end - s.start), 0);
}

function intersection(a: readonly Span[], b: readonly Span[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

/** Shared code points over the longer of the two (so 1 means the same code points). */
export function overlap(a: readonly Span[], b: readonly Span[]): number {
  const longer = Math.max(length(a), length(b));
  return longer === 0 ? 0 : intersection(a, b) / longer;
}

/** One-to-one matches between predicted and gold span sets, best overlap first, at or above `threshold`. */
export function match(predicted: readonly Span[][], gold: readonly Span[][], threshold: number): [number, number][] {
  const pairs: [number, number, number][] = [];
  predicted.forEach((p, i) => gold.forEach((g, j) => {
    const o = overlap(p, g);
    if (o >= threshold && o > 0) pairs.push([o, i, j]);
  }));
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const takenP = new Set<number>();
  const takenG = new Set<number>();
  const matches: [number, number][] = [];
  for (const [, i, j] of pairs) {
    if (takenP.has(i) || takenG.has(j)) continue;
    takenP.add(i);
    takenG.add(j);
    matches.push([i, j]);
  }
  return matches;
}

export interface Counts {
  predicted: number;
  gold: number;
  matched: number;
}

export interface Scores {
  content: Counts;
  contentExact: Counts;
  direct: Counts;
  cue: Counts;
  /** Matched contents whose gold has a source, and how many of those got the source right. */
  source: { judged: number; right: number };
}

export function emptyScores(): Scores {
  const counts = (): Counts => ({ predicted: 0, gold: 0, matched: 0 });
  return { content: counts(), contentExact: counts(), direct: counts(), cue: counts(), source: { judged: 0, right: 0 } };
}

const QUOTATION_MARK = /[“”"«»„]/;

/** Adds one article's figures to `scores`. */
export function scoreArticle(scores: Scores, suggestions: readonly Suggestion[], gold: readonly GoldAttribution[], text: string): void {
  const chars = Array.from(text);
  const spanText = (spans: readonly Span[]) => spans.map((s) => chars.slice(s.start, s.end).join('')).join(' ');
  const predicted = suggestions.map((s) => s.fragments);
  const goldContents = gold.map((g) => g.content);

  const add = (counts: Counts, p: Span[][], g: Span[][], threshold: number) => {
    const matches = match(p, g, threshold);
    counts.predicted += p.length;
    counts.gold += g.length;
    counts.matched += matches.length;
    return matches;
  };
  const matches = add(scores.content, predicted, goldContents, 0.5);
  add(scores.contentExact, predicted, goldContents, 1);

  const directP = predicted.filter((p) => QUOTATION_MARK.test(spanText(p)));
  const directG = goldContents.filter((g) => QUOTATION_MARK.test(spanText(g)));
  add(scores.direct, directP, directG, 0.5);

  add(
    scores.cue,
    suggestions.flatMap((s) => (s.cue ? [[s.cue]] : [])),
    gold.flatMap((g) => (g.cue ? [g.cue] : [])),
    0.5,
  );

  for (const [i, j] of matches) {
    const goldSource = gold[j]!.source;
    if (!goldSource) continue;
    scores.source.judged++;
    const span = suggestions[i]!.source.span;
    if (span && overlap([span], goldSource) >= 0.5) scores.source.right++;
  }
}

export function precision(c: Counts): number {
  return c.predicted === 0 ? 0 : c.matched / c.predicted;
}

export function recall(c: Counts): number {
  return c.gold === 0 ? 0 : c.matched / c.gold;
}

export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
