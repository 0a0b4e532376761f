import type { OffsetMap } from '../../../shared/offsets';
import { anchorHolds } from '../features/annotations/anchors';

/**
 * Whether a stored span can be written as a position: whole code points inside its article's
 * text, start before end, and the text there is its quote. Offsets come from a file another tool
 * (or sender) may have written; a span failing this shows "needs attention" in the app
 * (`anchorHolds`), and exports that write positions never write it as if it held.
 */
export function spanHolds(text: OffsetMap, start: number, end: number, quote: string): boolean {
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start < end && end <= text.length && anchorHolds(text, start, end, quote);
}

/** What an export did not write as it stands: claims whose span does not hold, and links that need them. */
export interface AttentionTally {
  claims: number;
  links: number;
}

export const newTally = (): AttentionTally => ({ claims: 0, links: 0 });
