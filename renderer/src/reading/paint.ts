import type { Highlight } from '../../../shared/domain';
import { overlapSegments } from '../../../shared/text/segments';
import type { TextIndex } from './text-index';

const COLOURS = 10;
const MAX_DEPTH = 10;

/** Each actor keeps one of ten colours (by its id); highlights not yet claims are grey ('u'). */
export function actorColour(actorId: string | undefined | null): string {
  if (!actorId) return 'u';
  let hash = 0;
  for (let i = 0; i < actorId.length; i++) hash = (hash * 31 + actorId.charCodeAt(i)) >>> 0;
  return `c${hash % COLOURS}`;
}

/** Removes every highlight this module painted (when leaving the reading view). */
export function clearHighlights(): void {
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith('gs-')) CSS.highlights.delete(name);
}

/**
 * Paints every highlight over the article with the CSS Custom Highlight API: the document tree
 * stays as Lexical built it. Overlaps are cut into flat segments; each is painted once, in the
 * colour of its innermost claim's actor, darker the more highlights overlap there.
 */
export function paintHighlights(index: TextIndex, highlights: readonly Highlight[], activeId: string | null): void {
  clearHighlights();
  const groups = new Map<string, Range[]>();
  const segments = overlapSegments(
    highlights.map((h) => ({ id: h.id, start: h.start, end: h.end, colour: actorColour(h.claim?.actor.id) })),
  );
  for (const segment of segments) {
    const range = index.rangeFor(segment.start, segment.end);
    if (!range) continue;
    const name = `gs-${segment.top.colour}-d${Math.min(segment.depth, MAX_DEPTH)}`;
    let ranges = groups.get(name);
    if (!ranges) groups.set(name, (ranges = []));
    ranges.push(range);
  }
  for (const [name, ranges] of groups) CSS.highlights.set(name, new Highlight(...ranges));
  const moved = highlights.filter((h) => h.status === 'moved').map((h) => index.rangeFor(h.start, h.end)).filter((r): r is Range => r !== null);
  if (moved.length) CSS.highlights.set('gs-moved', Object.assign(new Highlight(...moved), { priority: 1 }));
  const active = highlights.find((h) => h.id === activeId);
  const activeRange = active && index.rangeFor(active.start, active.end);
  if (activeRange) CSS.highlights.set('gs-active', Object.assign(new Highlight(activeRange), { priority: 2 }));
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Scrolls a span into view and flashes it briefly. */
export function revealSpan(index: TextIndex, start: number, end: number): void {
  const range = index.rangeFor(start, end);
  if (!range) return;
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  CSS.highlights.set('gs-flash', Object.assign(new Highlight(range), { priority: 3 }));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => CSS.highlights.delete('gs-flash'), 1200);
}

/** Highlights covering a code point offset, innermost (shortest) first. */
export function highlightsAt(highlights: readonly Highlight[], offset: number): Highlight[] {
  return highlights
    .filter((h) => h.start <= offset && offset < h.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
}
