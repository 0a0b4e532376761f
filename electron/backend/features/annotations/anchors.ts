import { ANCHOR_CONTEXT } from '../../../../shared/domain';
import { GainsayError } from '../../../../shared/errors';
import { codePointToUtf16 } from '../../../../shared/offsets';
import { codePointLength } from '../../../../shared/text/normalise';

export interface Anchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * Checks a span in code points against the stored text and returns its anchor: the exact quote
 * and up to ANCHOR_CONTEXT code points either side. The caller's quote must be exactly what the
 * text holds there, so a selection that was mapped wrongly is refused instead of saved.
 */
export function anchorFor(text: string, start: number, end: number, quote: string): Anchor {
  if (!(end > start)) throw new GainsayError('invalid_input', 'A highlight must cover at least one character.');
  if (end > codePointLength(text)) {
    throw new GainsayError('invalid_input', 'The selection reaches beyond the end of the article.');
  }
  const from = codePointToUtf16(text, start);
  const to = codePointToUtf16(text, end);
  const stored = text.slice(from, to);
  if (stored !== quote) {
    throw new GainsayError('invalid_input', 'The selected text does not match the article at that position; nothing was saved. Select the text again.');
  }
  if (stored.trim() === '') throw new GainsayError('invalid_input', 'A highlight must contain more than white space.');
  const before = Array.from(text.slice(Math.max(0, from - ANCHOR_CONTEXT * 2), from));
  const after = Array.from(text.slice(to, to + ANCHOR_CONTEXT * 2));
  return {
    start,
    end,
    quote: stored,
    prefix: before.slice(-ANCHOR_CONTEXT).join(''),
    suffix: after.slice(0, ANCHOR_CONTEXT).join(''),
  };
}

/** Whether a stored anchor still reads as its quote in the text (the text never changes, but files can be edited by other tools). */
export function anchorHolds(text: string, start: number, end: number, quote: string): boolean {
  return text.slice(codePointToUtf16(text, start), codePointToUtf16(text, end)) === quote;
}
