import type { KeyboardEvent } from 'react';

const MOVES: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 5, PageUp: -5 };

/** j/k, the arrows, Page Up/Down, Home and End move a list's active row; says whether the key was one of them. */
export function moveKey(key: string, total: number, setActive: (next: (i: number) => number) => void): boolean {
  if (key in MOVES) setActive((i) => Math.max(0, Math.min(total - 1, i + MOVES[key]!)));
  else if (key === 'Home') setActive(() => 0);
  else if (key === 'End') setActive(() => total - 1);
  else return false;
  return true;
}

/**
 * The keys two lists of pairs share (the review list, the candidates): moving the active row, and
 * Enter or 1 / 2 to open the earlier / later side. `act` handles the list's own keys on the
 * active row and says whether it used the key. A key that did something is not passed on.
 */
export function onPairListKey<Row>(
  event: KeyboardEvent<HTMLElement>,
  list: { total: number; current: Row | undefined; setActive: (next: (i: number) => number) => void; open: (row: Row, side: 'a' | 'b') => void },
  act: (key: string, row: Row) => boolean,
): void {
  const { total, current, setActive, open } = list;
  if (event.ctrlKey || event.metaKey || event.altKey || total === 0) return;
  if (!moveKey(event.key, total, setActive)) {
    if (!current) return;
    if (event.key === 'Enter' || event.key === '1') open(current, 'a');
    else if (event.key === '2') open(current, 'b');
    else if (!act(event.key, current)) return;
  }
  event.preventDefault();
}
