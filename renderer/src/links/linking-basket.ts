import { useSyncExternalStore } from 'react';
import { focusIsLost } from '../keyboard';

/** A claim set aside to be linked, with what the link bar shows of it. */
export interface BasketClaim {
  claimId: string;
  actor: string;
  quote: string;
  articleTitle: string;
}

const KEY = 'gainsay.linking';
const listeners = new Set<() => void>();

function read(): BasketClaim[] {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as BasketClaim[]).slice(0, 2) : [];
  } catch {
    return [];
  }
}

let current = read();

/** Where the focus was when a claim was last chosen: where the analyst is working, to go back to once the two are linked. */
let choseFrom: HTMLElement | null = null;

function write(next: BasketClaim[]): void {
  current = next;
  sessionStorage.setItem(KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
}

/**
 * Two claims chosen in any lists (this article's claims, an actor's page, another article) to
 * be linked to each other. Kept for this tab, so choosing the second claim can take the analyst
 * through other views. Choosing a third replaces the older of the two.
 */
export const basket = {
  toggle(claim: BasketClaim): void {
    if (!focusIsLost() && document.activeElement instanceof HTMLElement) choseFrom = document.activeElement;
    write(current.some((c) => c.claimId === claim.claimId) ? current.filter((c) => c.claimId !== claim.claimId) : [...current, claim].slice(-2));
  },
  remove(claimId: string): void {
    write(current.filter((c) => c.claimId !== claimId));
  },
  clear(): void {
    write([]);
  },
  /**
   * Empties the basket once its two claims are linked, and gives the focus back to where the
   * second was chosen: the bar, with the dialog and the button that opened it, goes away.
   */
  linked(): void {
    const back = choseFrom;
    choseFrom = null;
    write([]);
    // After the bar has gone (the dialog gives the focus back to its opener as it closes, which is in the bar).
    requestAnimationFrame(() => {
      if (back?.isConnected && focusIsLost()) back.focus();
    });
  },
};

export function useBasket(): BasketClaim[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
