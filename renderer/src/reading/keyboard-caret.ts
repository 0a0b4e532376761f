import { firstIndex } from '../../../shared/first-index';
import { afterNextFrame } from '../after-frame';

/**
 * The article text is read-only, so the browser gives it no caret: without a mouse, nothing in it
 * could be selected. These keys move a caret of the page's own through the text and, with Shift,
 * select from it, as in a text field; the selection they make is the one a mouse makes, so H and
 * C work on it alike. The browser's `Selection.modify` does the moving: it knows words, lines and
 * the text's layout in every script.
 */

type Granularity = 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary' | 'documentboundary';

export interface CaretMove {
  alter: 'move' | 'extend';
  /** Left and right as on screen (a right-to-left paragraph runs the other way); forward and backward in reading order. */
  direction: 'forward' | 'backward' | 'left' | 'right';
  granularity: Granularity;
}

export interface CaretKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * What a key does to the caret, as in a text field on this platform, or null for a key it
 * leaves alone. A word at a time is Ctrl+arrow (Option+arrow on a Mac); a paragraph is
 * Ctrl+↑/↓; Home/End go to the line's ends and, with Ctrl (⌘ on a Mac), to the text's.
 */
export function caretMove(event: CaretKey, mac: boolean): CaretMove | null {
  const { key, shiftKey, ctrlKey, metaKey, altKey } = event;
  const alter = shiftKey ? 'extend' : 'move';
  const byWord = mac ? altKey && !metaKey && !ctrlKey : ctrlKey && !altKey && !metaKey;
  const toEnds = mac ? metaKey && !altKey && !ctrlKey : ctrlKey && !altKey && !metaKey;
  const plain = !ctrlKey && !metaKey && !altKey;
  const forward = key === 'ArrowRight' || key === 'ArrowDown' || key === 'End';
  const direction = forward ? 'forward' : 'backward';
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const side = key === 'ArrowRight' ? 'right' : 'left';
      if (plain) return { alter, direction: side, granularity: 'character' };
      if (byWord) return { alter, direction: side, granularity: 'word' };
      if (mac && toEnds) return { alter, direction, granularity: 'lineboundary' };
      return null;
    }
    case 'ArrowUp':
    case 'ArrowDown':
      if (plain) return { alter, direction, granularity: 'line' };
      if (mac ? byWord : toEnds) return { alter, direction, granularity: 'paragraph' };
      if (mac && toEnds) return { alter, direction, granularity: 'documentboundary' };
      return null;
    case 'Home':
    case 'End':
      if (plain) return { alter, direction, granularity: 'lineboundary' };
      if (toEnds) return { alter, direction, granularity: 'documentboundary' };
      return null;
    default:
      return null;
  }
}

/** Whether this page runs on a Mac, where the word and line keys differ. */
export const onMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Moves the caret (or extends the selection) in `root`, the article text, for a key press; true
 * if the key was one of the caret's. With no caret in the text yet, it starts at the first
 * paragraph in view, where the analyst is reading.
 */
export function moveCaret(root: HTMLElement, event: CaretKey): boolean {
  const move = caretMove(event, onMac());
  const selection = document.getSelection();
  if (!move || !selection) return false;
  placeCaret(root);
  if (!selection.focusNode || !root.contains(selection.focusNode)) return false; // a text with no paragraphs
  const before = { node: selection.focusNode, offset: selection.focusOffset };
  layOutAround(root, before.node);
  // Outside an editable field the browser's "document" is the whole page: the text's ends are found here.
  if (move.granularity === 'documentboundary') moveTo(selection, move.alter, move.direction === 'forward' ? textEnd(root) : textStart(root));
  else selection.modify(move.alter, move.direction, move.granularity);
  // At the text's first or last line the browser would go on into the page around it: the caret stays.
  if (!root.contains(selection.focusNode)) moveTo(selection, move.alter, before);
  // Where it landed, ready for the next key (and for the caret to be drawn there).
  layOutAround(root, selection.focusNode!);
  revealCaret(selection);
  return true;
}

/** Puts the caret at the start of the first paragraph in view, unless it is in the text already. */
export function placeCaret(root: HTMLElement): void {
  const selection = document.getSelection();
  const paragraphs = root.children;
  if (!selection || (selection.rangeCount > 0 && root.contains(selection.focusNode)) || paragraphs.length === 0) return;
  // The first paragraph whose bottom is below the top of the window: paragraphs run down the page.
  const first = firstIndex(paragraphs.length, (i) => paragraphs[i]!.getBoundingClientRect().bottom <= 0);
  // In its text, where a caret has a place to be drawn.
  const start = textStart(paragraphs[Math.min(first, paragraphs.length - 1)] as HTMLElement);
  selection.collapse(start.node, start.offset);
}

/** The class that keeps a paragraph laid out while it is off screen (styles.css). */
const NEAR_CARET = 'near-caret';
/** Paragraphs kept laid out on each side of the caret's: more than one move can reach. */
const AROUND = 2;

/**
 * Paragraphs off screen are skipped (`content-visibility: auto`), and the browser moves a caret
 * past skipped ones as if they were not there: a paragraph down from the headline could land
 * twelve paragraphs on. So the caret's paragraph and those on each side are laid out first.
 */
function layOutAround(root: HTMLElement, node: Node): void {
  for (const element of root.querySelectorAll(`.${NEAR_CARET}`)) element.classList.remove(NEAR_CARET);
  let paragraph: Node | null = node;
  while (paragraph && paragraph.parentNode !== root) paragraph = paragraph.parentNode;
  if (!(paragraph instanceof HTMLElement)) return;
  paragraph.classList.add(NEAR_CARET);
  let before = paragraph.previousElementSibling;
  let after = paragraph.nextElementSibling;
  for (let i = 0; i < AROUND; i++) {
    before?.classList.add(NEAR_CARET);
    after?.classList.add(NEAR_CARET);
    before = before?.previousElementSibling ?? null;
    after = after?.nextElementSibling ?? null;
  }
}

type Point = { node: Node; offset: number };

function moveTo(selection: Selection, alter: CaretMove['alter'], point: Point): void {
  if (alter === 'extend') selection.extend(point.node, point.offset);
  else selection.collapse(point.node, point.offset);
}

function textStart(root: HTMLElement): Point {
  return { node: document.createTreeWalker(root, NodeFilter.SHOW_TEXT).nextNode() ?? root, offset: 0 };
}

function textEnd(root: HTMLElement): Point {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let last: Node | null = null;
  // The last text node: from the last paragraph, not by walking the whole text.
  const paragraph = root.lastElementChild;
  if (paragraph) {
    walker.currentNode = paragraph;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
  }
  return last ? { node: last, offset: last.textContent!.length } : { node: root, offset: root.childNodes.length };
}

/** Space kept between the caret and the window's top or bottom when it is scrolled into view. */
const MARGIN = 48;

/** The second scroll of `revealCaret` still to come, cancelled by the next move or by `stopRevealing`. */
let pendingReveal = (): void => {};

/**
 * Scrolls the window so that the selection's moving end is in view; once more after the next
 * frame, when the paragraphs scrolled past have been laid out (they are skipped while off screen,
 * with an estimated height) and the caret may have moved.
 */
function revealCaret(selection: Selection): void {
  scrollToCaret(selection);
  pendingReveal();
  pendingReveal = afterNextFrame(() => scrollToCaret(selection));
}

/** Cancels a scroll still to come (the view is closing). */
export function stopRevealing(): void {
  pendingReveal();
}

function scrollToCaret(selection: Selection): void {
  const rect = caretRect(selection);
  if (!rect) return;
  if (rect.top < MARGIN) window.scrollBy({ top: rect.top - MARGIN, behavior: 'instant' as ScrollBehavior });
  else if (rect.bottom > window.innerHeight - MARGIN) window.scrollBy({ top: rect.bottom - window.innerHeight + MARGIN, behavior: 'instant' as ScrollBehavior });
}

/** Where the selection's moving end is drawn, in the window's coordinates, or null if nowhere. */
export function caretRect(selection: Selection): DOMRect | null {
  if (!selection.focusNode) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return rect.height > 0 ? rect : null;
}
