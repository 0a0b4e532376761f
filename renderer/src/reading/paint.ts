import type { HighlightItem } from '../../../shared/domain';
import { overlapSegments, type Segment } from '../../../shared/text/segments';
import { actorColour } from '../actor-colours';
import type { TextIndex } from './text-index';

const MAX_DEPTH = 10;
/** Paragraphs this far outside the viewport are painted too, so scrolling shows no gaps. */
const MARGIN = '1200px 0px';

/** Removes every highlight this module painted (when leaving the reading view). */
function clearHighlights(): void {
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith('gs-')) CSS.highlights.delete(name);
}

/** The first segment index whose end is after `offset` (segments are sorted and disjoint). */
function firstEndingAfter(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Paints highlights over the article with the CSS Custom Highlight API, leaving the document
 * tree as Lexical built it. Overlaps are cut into flat segments; each is painted once, in the
 * colour of its innermost claim's actor, darker the more highlights overlap there. Only the
 * paragraphs near the viewport get ranges (an IntersectionObserver follows scrolling), so an
 * article with thousands of highlights opens and scrolls as fast as one with a few.
 */
export class HighlightPainter {
  private segments: Segment[] = [];
  private highlights: readonly HighlightItem[] = [];
  private activeId: string | null = null;
  private colours = -1;
  private readonly near = new Set<number>();
  private readonly observer: IntersectionObserver;
  private frame = 0;

  constructor(private readonly index: TextIndex) {
    const positions = new Map(index.elements.map((element, i) => [element, i]));
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const i = positions.get(entry.target as HTMLElement);
          if (i === undefined) continue;
          if (entry.isIntersecting) this.near.add(i);
          else this.near.delete(i);
        }
        this.schedule();
      },
      { rootMargin: MARGIN },
    );
    for (const element of index.elements) this.observer.observe(element);
  }

  /** `colours` changes when the actors' colours do (see useActorColours), which repaints. */
  update(highlights: readonly HighlightItem[], activeId: string | null, colours: number): void {
    if (highlights !== this.highlights || colours !== this.colours) {
      this.highlights = highlights;
      this.colours = colours;
      this.segments = overlapSegments(
        highlights.map((h) => ({ id: h.id, start: h.start, end: h.end, colour: actorColour(h.claim?.actor.id) })),
      );
    }
    this.activeId = activeId;
    this.schedule();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    clearHighlights();
  }

  private schedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.paint());
  }

  private paint(): void {
    const groups = new Map<string, Range[]>();
    for (const i of this.near) {
      const block = this.index.blocks[i]!;
      const from = block.startCp;
      const to = from + Array.from(block.text).length;
      for (let k = firstEndingAfter(this.segments, from); k < this.segments.length && this.segments[k]!.start < to; k++) {
        const segment = this.segments[k]!;
        const range = this.index.rangeFor(Math.max(segment.start, from), Math.min(segment.end, to));
        if (!range) continue;
        const name = `gs-${segment.top.colour}-d${Math.min(segment.depth, MAX_DEPTH)}`;
        let ranges = groups.get(name);
        if (!ranges) groups.set(name, (ranges = []));
        ranges.push(range);
      }
    }
    for (const name of [...CSS.highlights.keys()]) {
      if (name.startsWith('gs-') && name !== 'gs-flash' && !groups.has(name)) CSS.highlights.delete(name);
    }
    for (const [name, ranges] of groups) CSS.highlights.set(name, new Highlight(...ranges));
    const moved = this.highlights
      .filter((h) => h.status === 'moved')
      .map((h) => this.index.rangeFor(h.start, h.end))
      .filter((r): r is Range => r !== null);
    if (moved.length) CSS.highlights.set('gs-moved', Object.assign(new Highlight(...moved), { priority: 1 }));
    const active = this.highlights.find((h) => h.id === this.activeId);
    const activeRange = active && this.index.rangeFor(active.start, active.end);
    if (activeRange) CSS.highlights.set('gs-active', Object.assign(new Highlight(activeRange), { priority: 2 }));
  }
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Scrolls a span into view and flashes it briefly. */
export function revealSpan(index: TextIndex, start: number, end: number): void {
  const range = index.rangeFor(start, end);
  if (!range) return;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  CSS.highlights.set('gs-flash', Object.assign(new Highlight(range), { priority: 3 }));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => CSS.highlights.delete('gs-flash'), 1200);
}

/** Highlights covering a code point offset, innermost (shortest) first. */
export function highlightsAt(highlights: readonly HighlightItem[], offset: number): HighlightItem[] {
  return highlights
    .filter((h) => h.start <= offset && offset < h.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
}
