import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../shared/offsets';
import { trimSpan } from '../../shared/text/trim-span';

const piece = fc.constantFrom('a', 'é', '停', '😀', '🇪🇺', '“', '.', ' ', '\n', '\t', '\u00a0', '\u2003', '\u200b');
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

/** A text and a non-empty span of it in code points. */
const spanOfText = text
  .filter((t) => Array.from(t).length > 0)
  .chain((t) => {
    const length = Array.from(t).length;
    return fc.tuple(fc.constant(t), fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: length }));
  })
  .filter(([, a, b]) => a < b);

describe('trimSpan', () => {
  it('drops spaces and line breaks at both ends, keeping the offsets in code points', () => {
    const stored = 'Pelkov said:\n  “The talks 😀 failed.” \nNext';
    const start = Array.from('Pelkov said:').length;
    const end = Array.from('Pelkov said:\n  “The talks 😀 failed.” \n').length;
    const trimmed = trimSpan({ start, end, quote: sliceCodePoints(stored, start, end) });
    expect(trimmed).toEqual({ start: start + 3, end: end - 2, quote: '“The talks 😀 failed.”' });
    expect(sliceCodePoints(stored, trimmed!.start, trimmed!.end)).toBe(trimmed!.quote);
  });

  it('gives nothing for a span of only whitespace', () => {
    expect(trimSpan({ start: 4, end: 7, quote: ' \n\u00a0' })).toBeNull();
  });

  it('for any span: the result is the stored text there, never starts or ends on whitespace, and only whitespace was cut', () => {
    fc.assert(
      fc.property(spanOfText, ([stored, start, end]) => {
        const quote = sliceCodePoints(stored, start, end);
        const trimmed = trimSpan({ start, end, quote });
        if (trimmed === null) {
          expect(quote.trim()).toBe('');
          return;
        }
        expect(trimmed.start).toBeGreaterThanOrEqual(start);
        expect(trimmed.end).toBeLessThanOrEqual(end);
        expect(trimmed.start).toBeLessThan(trimmed.end);
        expect(sliceCodePoints(stored, trimmed.start, trimmed.end)).toBe(trimmed.quote);
        expect(trimmed.quote).not.toMatch(/^\s|\s$/u);
        expect(sliceCodePoints(stored, start, trimmed.start).trim()).toBe('');
        expect(sliceCodePoints(stored, trimmed.end, end).trim()).toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
