import { elementScroll, observeElementOffset, type Rect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * Virtualised lists that learn their sizes without forcing a layout.
 *
 * The size of a virtualised list's scroller, learnt from a ResizeObserver only. The virtualiser's
 * own observer also reads `clientHeight` when the list mounts, in the middle of React's commit,
 * which forces a layout of the whole page (in the reading view, of the whole article) before the
 * page has finished changing. A ResizeObserver reports after the browser's own layout, in the
 * same frame; until it does, the list assumes `INITIAL_RECT`.
 */
function observeRectAfterLayout(instance: Virtualizer<HTMLDivElement, Element>, report: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  // Inside the observer's callback the layout is fresh, so these reads cost nothing.
  const observer = new ResizeObserver(() => report({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * A row's height, from the ResizeObserver's report only. The virtualiser's own reads
 * `offsetHeight` as each row mounts, forcing a layout per commit; here a new row counts as its
 * last known (or estimated) height until the observer, after the browser's layout, reports it.
 */
function measureAfterLayout(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, Element>): number {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}

/** Scrollers that have been away from the top (a scroll event said so, or a list scrolled them). */
const leftTheTop = new WeakSet<Element>();

/** The virtualiser's own offset reports, noting which scrollers have left the top. */
function observeOffsetNotingMoves(instance: Virtualizer<HTMLDivElement, Element>, report: (offset: number, isScrolling: boolean) => void): (() => void) | undefined {
  return observeElementOffset(instance, (offset, isScrolling) => {
    if (offset !== 0 && instance.scrollElement) leftTheTop.add(instance.scrollElement);
    report(offset, isScrolling);
  });
}

/**
 * Scrolls the list, except to the top of a scroller that has never left it. The virtualiser
 * scrolls its element to its offset as it mounts, and a list scrolls to its first row when it
 * opens; `scrollTo` forces a layout of the whole page (in the reading view, of the whole article)
 * in the middle of React's commit, for a scroller that is at the top already.
 */
function scrollUnlessThere(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<HTMLDivElement, Element>): void {
  const element = instance.scrollElement;
  const target = offset + (options.adjustments ?? 0);
  if (!element || (target === 0 && !leftTheTop.has(element))) return;
  if (target !== 0) leftTheTop.add(element);
  elementScroll(offset, options, instance);
}

/** What a list assumes before its first size report: as tall as the window, so rows show at once. */
const INITIAL_RECT: Rect = { width: 0, height: window.innerHeight };

/** The options that make a list learn its sizes and place without forcing a layout. */
export const AFTER_LAYOUT = {
  observeElementRect: observeRectAfterLayout,
  observeElementOffset: observeOffsetNotingMoves,
  scrollToFn: scrollUnlessThere,
  initialRect: INITIAL_RECT,
  measureElement: measureAfterLayout,
};
