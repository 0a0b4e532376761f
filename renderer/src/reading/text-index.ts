import type { TextBlock } from '../../../shared/text/blocks';
import type { OffsetMap } from '../../../shared/offsets';

interface Entry {
  node: Text;
  block: TextBlock;
  /** UTF-16 offset of this DOM text node inside its block (a block may render as several nodes). */
  within: number;
  /** Code point offset in the stored text where this node starts. */
  startCp: number;
}

/**
 * Maps between DOM positions in the reading view and code point offsets in the stored text.
 * Built once after the article renders: every DOM text node with its start, sorted, so a point
 * is found by a Map lookup and an offset by binary search (as Lexical's playground does for
 * find-and-replace). Code points and UTF-16 positions convert through the one OffsetMap of the
 * stored text, so no lookup walks the text.
 */
export class TextIndex {
  private readonly byNode = new Map<Node, number>();

  private constructor(
    /** The stored text, with its code point ↔ UTF-16 conversion. */
    readonly offsets: OffsetMap,
    private readonly entries: Entry[],
    /** The paragraphs, and the element each is rendered as. */
    readonly blocks: readonly TextBlock[],
    readonly elements: readonly HTMLElement[],
  ) {
    entries.forEach((entry, i) => this.byNode.set(entry.node, i));
  }

  /** `elements[i]` is the rendered paragraph of `blocks[i]`. */
  static build(offsets: OffsetMap, blocks: TextBlock[], elements: HTMLElement[]): TextIndex {
    const entries: Entry[] = [];
    blocks.forEach((block, i) => {
      const element = elements[i];
      if (!element) return;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let within = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const startCp = offsets.toCodePoint(block.start + within);
        entries.push({ node, block, within, startCp });
        within += node.data.length;
      }
    });
    return new TextIndex(offsets, entries, blocks, elements);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The code point offset of a DOM point, or null if it is not inside the article text. */
  offsetAt(node: Node, offset: number): number | null {
    let target: Node = node;
    let at = offset;
    if (target.nodeType !== Node.TEXT_NODE) {
      // An element point: the position before child `offset`, i.e. the start of the next text
      // node inside it, or the end of the last text node before it.
      const child = target.childNodes[offset];
      const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (child && (child === n || child.contains(n) || child.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING)) {
          target = n;
          at = 0;
          last = null;
          break;
        }
        last = n;
      }
      if (last) {
        target = last;
        at = last.data.length;
      }
      if (target.nodeType !== Node.TEXT_NODE) return null;
    }
    const index = this.byNode.get(target);
    if (index === undefined) return null;
    const entry = this.entries[index]!;
    return this.offsets.toCodePoint(entry.block.start + entry.within + Math.min(at, entry.node.data.length));
  }

  /** The DOM position of a code point offset (binary search over node starts). */
  pointAt(offset: number): { node: Text; offset: number } | null {
    let lo = 0;
    let hi = this.entries.length - 1;
    if (hi < 0) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.entries[mid]!.startCp <= offset) lo = mid;
      else hi = mid - 1;
    }
    const entry = this.entries[lo]!;
    const inBlock = this.offsets.toUtf16(offset) - entry.block.start;
    return { node: entry.node, offset: Math.max(0, Math.min(entry.node.data.length, inBlock - entry.within)) };
  }

  /** The stored text of code points [start, end). */
  slice(start: number, end: number): string {
    return this.offsets.slice(start, end);
  }

  /**
   * A StaticRange over code points [start, end), for painting. The article's DOM never changes,
   * so painting needs no live Range: the document updates every live Range on every DOM change
   * anywhere on the page, and an article with thousands of highlights and suggestions would keep
   * thousands of them.
   */
  spanFor(start: number, end: number): StaticRange | null {
    const from = this.pointAt(start);
    const to = this.pointAt(end);
    if (!from || !to) return null;
    return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset });
  }

  /** A live DOM Range over code points [start, end), for selecting them. */
  rangeFor(start: number, end: number): Range | null {
    const span = this.spanFor(start, end);
    if (!span) return null;
    const range = document.createRange();
    range.setStart(span.startContainer, span.startOffset);
    range.setEnd(span.endContainer, span.endOffset);
    return range;
  }
}
