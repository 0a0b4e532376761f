import { useEffect, useState } from 'react';
import { caretRect, stopRevealing } from './keyboard-caret';

/**
 * Draws the caret in the article text while it has the focus and nothing is selected: the
 * browser draws none in read-only text (see keyboard-caret.ts). Placed in `body`'s coordinates,
 * so it scrolls with the text; redrawn as the selection moves and when the text's layout changes.
 */
export function KeyboardCaret({ root, body }: { root: HTMLElement | null; body: HTMLElement | null }) {
  const [place, setPlace] = useState<{ left: number; top: number; height: number } | null>(null);
  useEffect(() => {
    if (!root || !body) return;
    const update = () => {
      const selection = document.activeElement === root ? document.getSelection() : null;
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      // The range's own `collapsed`: the selection's `isCollapsed` lays out the page first.
      const rect = range?.collapsed && root.contains(range.startContainer) ? caretRect(selection!) : null;
      if (!rect) return setPlace(null);
      const origin = body.getBoundingClientRect();
      setPlace({ left: rect.left - origin.left, top: rect.top - origin.top, height: rect.height });
    };
    document.addEventListener('selectionchange', update);
    root.addEventListener('focus', update);
    root.addEventListener('blur', update);
    window.addEventListener('resize', update);
    // Paragraphs off screen are skipped with an estimated height; laid out as they come into
    // view, they move the text under the caret.
    const resized = new ResizeObserver(update);
    resized.observe(root);
    return () => {
      stopRevealing();
      resized.disconnect();
      document.removeEventListener('selectionchange', update);
      root.removeEventListener('focus', update);
      root.removeEventListener('blur', update);
      window.removeEventListener('resize', update);
    };
  }, [root, body]);
  if (!place) return null;
  return <span className="keyboard-caret" aria-hidden="true" data-testid="keyboard-caret" style={{ left: place.left, top: place.top, height: place.height }} />;
}
