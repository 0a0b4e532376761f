import type { HighlightItem } from '../../../shared/domain';
import { firstIndex } from '../../../shared/first-index';
import type { TextBlock } from '../../../shared/text/blocks';
import { changedExtents, type PaintSpan, type Segment } from '../../../shared/text/segments';
import { actorColour } from '../actor-colours';
import { resegmentedWithin } from './resegmented-within';
import type { TextIndex } from './text-index';

const MAX_DEPTH = 10;
/** The CSS highlight that outlines suggested claims (not "gs-": those are the claims' colours). */
export const OUTLINE = 'suggestion-outline';
/** Paragraphs this many pixels outside the viewport are painted too, so scrolling shows no gaps. */
const MARGIN = 1200;

/** Removes every highlight this module painted (when leaving the reading view). */
function clearHighlights(): void {
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith('gs-') || name === OUTLINE) CSS.highlights.delete(name);
}

/** The first block whose end is after `offset` (blocks are in text order). */
function firstBlockEndingAfter(blocks: readonly TextBlock[], offset: number): number {
  return firstIndex(blocks.length, (i) => blocks[i]!.endCp <= offset);
}

/** Spans cut at paragraph ends, by paragraph. */
function byParagraph(blocks: readonly TextBlock[], spans: ReadonlyArray<{ start: number; end: number }>): Map<number, Array<[number, number]>> {
  const parts = new Map<number, Array<[number, number]>>();
  for (const { start, end } of spans) {
    for (let i = firstBlockEndingAfter(blocks, start); i < blocks.length && blocks[i]!.startCp < end; i++) {
      const block = blocks[i]!;
      const list = parts.get(i) ?? [];
      list.push([Math.max(start, block.startCp), Math.min(end, block.endCp)]);
      parts.set(i, list);
    }
  }
  return parts;
}

/** The first segment index whose end is after `offset` (segments are sorted and disjoint). */
function firstEndingAfter(segments: readonly Segment[], offset: number): number {
  return firstIndex(segments.length, (i) => segments[i]!.end <= offset);
}

/**
 * The paragraphs on screen or within `margin` pixels of it, found by binary search over their
 * boxes (they are laid out top to bottom); one layout, then a few reads.
 */
function paragraphsNear(elements: readonly HTMLElement[], margin: number): number[] {
  const near: number[] = [];
  for (let i = firstIndex(elements.length, (k) => elements[k]!.getBoundingClientRect().bottom < -margin); i < elements.length && elements[i]!.getBoundingClientRect().top <= window.innerHeight + margin; i++) near.push(i);
  return near;
}

/**
 * Paints highlights over the article with the CSS Custom Highlight API, leaving the document
 * tree as Lexical built it. Overlaps are cut into flat segments; each is painted once, in the
 * colour of its innermost claim's actor, darker the more highlights overlap there. Only the
 * paragraphs near the viewport get ranges (an IntersectionObserver follows scrolling), so an
 * article with thousands of highlights opens and scrolls as fast as one with a few.
 *
 * Painting is by paragraph and at once: each painted paragraph keeps its ranges, so a change to
 * the highlights repaints only the paragraphs where the spans changed, and a paragraph scrolling
 * in or out adds or removes only its own ranges. Suggested claims are outlined the same way.
 */
export class HighlightPainter {
  private segments: Segment[] = [];
  private spans = new Map<string, PaintSpan>();
  /** Each listed highlight's span, kept while the actors' colours stay: the list keeps its unchanged items. */
  private spanOf = new WeakMap<HighlightItem, PaintSpan>();
  private highlights: readonly HighlightItem[] = [];
  private activeId: string | null = null;
  private colours = -1;
  /** The suggested claims' spans, cut by paragraph. */
  private outlines = new Map<number, Array<[number, number]>>();
  /** The outlines' ranges in each paragraph near the viewport. */
  private readonly outlined = new Map<number, StaticRange[]>();
  /** The ranges painted in each paragraph near the viewport, by the highlight they belong to. */
  private readonly painted = new Map<number, Array<[Highlight, StaticRange]>>();
  /** One CSS highlight per colour and depth, registered once and then changed in place. */
  private readonly layers = new Map<string, Highlight>();
  private readonly observer: IntersectionObserver;

  constructor(private readonly index: TextIndex) {
    const positions = new Map(index.elements.map((element, i) => [element, i]));
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const i = positions.get(entry.target as HTMLElement);
          if (i === undefined) continue;
          if (entry.isIntersecting && !this.painted.has(i)) {
            this.paintParagraph(i);
            this.outlineParagraph(i);
          } else if (!entry.isIntersecting) this.unpaintParagraph(i);
        }
      },
      { rootMargin: `${MARGIN}px 0px` },
    );
    for (const element of index.elements) this.observer.observe(element);
    // The observer first reports after the next frame; the paragraphs in view are painted now.
    for (const i of paragraphsNear(index.elements, MARGIN)) this.painted.set(i, []);
  }

  /** `colours` changes when the actors' colours do (see useActorColours): the spans whose colour changed are repainted. */
  update(highlights: readonly HighlightItem[], activeId: string | null, colours: number): void {
    const listChanged = highlights !== this.highlights;
    if (listChanged || colours !== this.colours) {
      if (colours !== this.colours) this.spanOf = new WeakMap();
      const spans = new Map(highlights.map((h) => [h.id, this.paintSpan(h)]));
      const changed = changedExtents(this.spans, spans);
      this.highlights = highlights;
      this.colours = colours;
      this.spans = spans;
      if (changed.length) {
        let from = Infinity;
        let to = -Infinity;
        for (const [start, end] of changed) {
          from = Math.min(from, start);
          to = Math.max(to, end);
        }
        this.segments = resegmentedWithin(this.segments, spans.values(), from, to);
        for (const i of this.painted.keys()) {
          const block = this.index.blocks[i]!;
          if (changed.some(([start, end]) => start < block.endCp && block.startCp < end)) this.paintParagraph(i);
        }
      }
      this.paintMoved();
    }
    if (listChanged || activeId !== this.activeId) {
      this.activeId = activeId;
      this.paintActive();
    }
  }

  /**
   * Outlines the suggested claims' spans, as the highlights are painted: only in the paragraphs
   * near the viewport (a long article has thousands of suggestions, and every range painted is
   * checked again by the browser whenever any highlight changes).
   */
  outline(spans: ReadonlyArray<{ start: number; end: number }>): void {
    this.outlines = byParagraph(this.index.blocks, spans);
    for (const i of this.painted.keys()) this.outlineParagraph(i);
  }

  dispose(): void {
    this.observer.disconnect();
    clearHighlights();
  }

  private paintSpan(h: HighlightItem): PaintSpan {
    let span = this.spanOf.get(h);
    if (!span) this.spanOf.set(h, (span = { id: h.id, start: h.start, end: h.end, colour: actorColour(h.claim?.actor.id) }));
    return span;
  }

  private layer(name: string): Highlight {
    let layer = this.layers.get(name);
    if (!layer) {
      this.layers.set(name, (layer = new Highlight()));
      CSS.highlights.set(name, layer);
    }
    return layer;
  }

  private removeRanges(i: number): void {
    for (const [layer, range] of this.painted.get(i) ?? []) layer.delete(range);
  }

  private unpaintParagraph(i: number): void {
    this.removeRanges(i);
    this.painted.delete(i);
    for (const range of this.outlined.get(i) ?? []) this.layer(OUTLINE).delete(range);
    this.outlined.delete(i);
  }

  /** (Re)outlines the suggestions in one paragraph. */
  private outlineParagraph(i: number): void {
    const layer = this.layer(OUTLINE);
    for (const range of this.outlined.get(i) ?? []) layer.delete(range);
    const ranges: StaticRange[] = [];
    for (const [start, end] of this.outlines.get(i) ?? []) {
      const range = this.index.spanFor(start, end);
      if (!range) continue;
      layer.add(range);
      ranges.push(range);
    }
    this.outlined.set(i, ranges);
  }

  /** (Re)paints one paragraph; its entry in `painted` keeps its place, so iterating it is safe. */
  private paintParagraph(i: number): void {
    this.removeRanges(i);
    const { startCp: from, endCp: to } = this.index.blocks[i]!;
    const ranges: Array<[Highlight, StaticRange]> = [];
    for (let k = firstEndingAfter(this.segments, from); k < this.segments.length && this.segments[k]!.start < to; k++) {
      const segment = this.segments[k]!;
      const range = this.index.spanFor(Math.max(segment.start, from), Math.min(segment.end, to));
      if (!range) continue;
      const layer = this.layer(`gs-${segment.top.colour}-d${Math.min(segment.depth, MAX_DEPTH)}`);
      layer.add(range);
      ranges.push([layer, range]);
    }
    this.painted.set(i, ranges);
  }

  private paintMoved(): void {
    const moved = this.highlights
      .filter((h) => h.status === 'moved')
      .map((h) => this.index.spanFor(h.start, h.end))
      .filter((r): r is StaticRange => r !== null);
    if (moved.length) CSS.highlights.set('gs-moved', Object.assign(new Highlight(...moved), { priority: 1 }));
    else CSS.highlights.delete('gs-moved');
  }

  private paintActive(): void {
    const active = this.highlights.find((h) => h.id === this.activeId);
    const activeRange = active && this.index.spanFor(active.start, active.end);
    if (activeRange) CSS.highlights.set('gs-active', Object.assign(new Highlight(activeRange), { priority: 2 }));
    else CSS.highlights.delete('gs-active');
  }
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Scrolls a span into view and flashes it briefly. */
export function revealSpan(index: TextIndex, start: number, end: number): void {
  const range = index.spanFor(start, end);
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
