import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine, quotedLine } from '../../shared/text/one-line';

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

describe('oneLine', () => {
  it('gives what collapsing every run of white space and trimming gives, whether or not the text has any to collapse', () => {
    const unit = fc.oneof(fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\ufeff', '\u2028', 'a', 'é'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.integer({ min: 2, max: 40 }), (units, max) => {
        const text = units.join('');
        const flat = text.replace(/\s+/g, ' ').trim();
        expect(oneLine(text, max)).toBe(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
      }),
      { numRuns: 3000 },
    );
  });
});
