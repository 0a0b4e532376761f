import { ANCHOR_CONTEXT } from '../../../../shared/domain';
import { GainsayError } from '../../../../shared/errors';
import type { OffsetMap } from '../../../../shared/offsets';
import { spanWithin } from '../../../../shared/text/span';

export interface Anchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/** Up to ANCHOR_CONTEXT code points of the text just before `start`: a stored anchor's prefix. */
export const prefixAt = (text: OffsetMap, start: number) => text.slice(Math.max(0, start - ANCHOR_CONTEXT), start);
/** Up to ANCHOR_CONTEXT code points of the text just after `end`: a stored anchor's suffix. */
export const suffixAt = (text: OffsetMap, end: number) => text.slice(end, end + ANCHOR_CONTEXT);

/**
 * Checks a span in code points against the stored text and returns its anchor: the exact quote
 * and up to ANCHOR_CONTEXT code points either side. The caller's quote must be exactly what the
 * text holds there, so a selection that was mapped wrongly is refused instead of saved.
 */
export function anchorFor(text: OffsetMap, start: number, end: number, quote: string): Anchor {
  if (!(end > start)) throw new GainsayError('invalid_input', 'A highlight must cover at least one character.');
  if (end > text.length) throw new GainsayError('invalid_input', 'The selection reaches beyond the end of the article.');
  const stored = text.slice(start, end);
  if (stored !== quote) {
    throw new GainsayError('invalid_input', 'The selected text does not match the article at that position; nothing was saved. Select the text again.');
  }
  if (stored.trim() === '') throw new GainsayError('invalid_input', 'A highlight must contain more than white space.');
  return {
    start,
    end,
    quote: stored,
    prefix: prefixAt(text, start),
    suffix: suffixAt(text, end),
  };
}

/**
 * Whether a stored anchor still reads as its quote (the text never changes, but other tools can
 * edit the file). Offsets read from a file are checked first: OffsetMap clamps, so a negative
 * start would otherwise read from 0, and huge ones would read to the end.
 */
export function anchorHolds(text: OffsetMap, start: number, end: number, quote: string): boolean {
  return spanWithin(start, end, text.length) && text.slice(start, end) === quote;
}
