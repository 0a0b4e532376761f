import { useEffect, useRef, type RefObject } from 'react';
import { isTyping } from '../keyboard';

/**
 * What a long keyboard-driven list needs around it: the active row kept in the list and in view, the focus on the
 * list when it first has rows (so its keys work at once, unless the analyst is already in a field),
 * and `/` to jump to its search field if it has one.
 */
export function useListFocus(list: {
  scroller: RefObject<HTMLElement | null>;
  /** The list's search field, if it has one. */
  search?: RefObject<HTMLInputElement | null>;
  total: number;
  active: number;
  setActive: (index: number) => void;
  scrollTo: (index: number) => void;
}): void {
  const { scroller, search, total, active, setActive, scrollTo } = list;
  // A list that got shorter (rows dismissed, undone, deleted) keeps its last row active.
  useEffect(() => {
    if (total > 0 && active > total - 1) setActive(total - 1);
  }, [total, active]);
  useEffect(() => {
    if (total > 0) scrollTo(Math.min(active, total - 1));
  }, [active, total > 0]);
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (total === 0 || focusedOnce.current || !scroller.current) return;
    focusedOnce.current = true;
    if (!isTyping(document.activeElement)) scroller.current.focus({ preventScroll: true });
  }, [total]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (search && event.key === '/' && !isTyping(event.target) && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
