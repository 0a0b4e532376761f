import { useCallback, useEffect, useRef, useState } from 'react';
import type { TextIndex } from './text-index';

export interface ArticleSelection {
  start: number;
  end: number;
  /** The stored text of the span (with its line breaks). */
  quote: string;
}

/**
 * The current selection as code point offsets into the stored text, or null when nothing (or
 * nothing inside the article) is selected. The offsets are checked against what the DOM shows:
 * the stored slice, without the line breaks between paragraphs, must be the selected text. The
 * slice comes from the index's offset map, so a selection change does not walk the whole text.
 * Also returns `forget`, for a caller that removes the selection itself: the view shows it gone
 * in the same commit as what it does with it, not in another one when the browser reports it;
 * and `read`, for a caller that changed the selection itself (the keyboard's caret): the view
 * has it at once, not when the browser reports it, which may be after the next key (C, say).
 */
export function useArticleSelection(index: TextIndex | null, text: string): [ArticleSelection | null, () => void, () => void] {
  const [selection, setSelection] = useState<ArticleSelection | null>(null);
  // The browser reports a selection gone after a caller forgot it (an add removes it, then its
  // frame is drawn): that changes nothing, and sets no state, which React would have drawn the
  // whole reading view again for, just before the next frame, to find that out.
  const showing = useRef<ArticleSelection | null>(null);
  const show = useCallback((next: ArticleSelection | null) => {
    if (next === null && showing.current === null) return;
    showing.current = next;
    setSelection(next);
  }, []);
  const reader = useRef(() => {});
  useEffect(() => {
    // The index is built for the text shown; until it is (or while it is another article's), no selection.
    if (!index || index.offsets.text !== text) return;
    const update = () => {
      // The range's own `collapsed`, not the selection's `isCollapsed`: that one lays out the
      // page first (the whole article).
      const current = document.getSelection();
      const range = current && current.rangeCount > 0 ? current.getRangeAt(0) : null;
      if (!range || range.collapsed) return show(null);
      const start = index.offsetAt(range.startContainer, range.startOffset);
      const end = index.offsetAt(range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return show(null);
      const quote = index.slice(start, end);
      const shown = range.toString();
      show(quote.replace(/\n/g, '') === shown.replace(/\n/g, '') ? { start, end, quote } : null);
    };
    // Not read now: the index is built as the text's DOM is, so no selection can be inside it
    // yet, and reading the selection as the article opens lays out the whole article mid-commit.
    reader.current = update;
    document.addEventListener('selectionchange', update);
    return () => {
      reader.current = () => {};
      document.removeEventListener('selectionchange', update);
    };
  }, [index, text, show]);
  const forget = useCallback(() => show(null), [show]);
  const read = useCallback(() => reader.current(), []);
  return [selection, forget, read];
}
