import { useEffect, useState } from 'react';
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
 */
export function useArticleSelection(index: TextIndex | null, text: string): ArticleSelection | null {
  const [selection, setSelection] = useState<ArticleSelection | null>(null);
  useEffect(() => {
    // The index is built for the text shown; until it is (or while it is another article's), no selection.
    if (!index || index.offsets.text !== text) return;
    const update = () => {
      const current = document.getSelection();
      if (!current || current.rangeCount === 0 || current.isCollapsed) return setSelection(null);
      const range = current.getRangeAt(0);
      const start = index.offsetAt(range.startContainer, range.startOffset);
      const end = index.offsetAt(range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return setSelection(null);
      const quote = index.slice(start, end);
      const shown = range.toString();
      setSelection(quote.replace(/\n/g, '') === shown.replace(/\n/g, '') ? { start, end, quote } : null);
    };
    update();
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [index, text]);
  return selection;
}
