import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedLine } from '../../shared/text/one-line';

describe('quotedLine', () => {
  it('puts a quote in marks once, never doubling the marks it has', () => {
    expect(quotedLine('the talks failed', 60)).toBe('“the talks failed”');
    expect(quotedLine('“The convoy left at dawn,”', 60)).toBe('“The convoy left at dawn,”');
    expect(quotedLine('“The convoy left at dawn, and the road\nwas closed by noon,” he said', 30)).toBe('“The convoy left at dawn, and…”');
    expect(quotedLine('«Nous restons»', 60)).toBe('«Nous restons»');
  });

  it('never starts or ends with two quotation marks when the text has none at its ends', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 2, max: 80 }), (text, max) => {
        fc.pre(!/^\s*["“„«‘‚‹'”»’›]|["“„«‘‚‹'”»’›]\s*$/u.test(text) && text.trim() !== '');
        expect(quotedLine(text, max)).not.toMatch(/^["“„«‘‚‹']{2}|["”»’›']{2}$/u);
      }),
    );
  });
});
