import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryOrder } from '../../electron/backend/export/binary-order';

const sign = (n: number) => Math.sign(n);

describe('binaryOrder', () => {
  it('orders strings by their UTF-8 bytes, as SQLite BINARY does', () => {
    // Full Unicode strings, with units near the surrogates and the top of the BMP over-represented.
    const unit = fc.oneof(fc.constantFrom('a', 'é', '\ud7ff', '\ue000', '\uffff', '😀', '\u{10ffff}'), fc.string({ unit: 'grapheme', maxLength: 1 }));
    const text = fc.array(unit, { maxLength: 6 }).map((units) => units.join(''));
    fc.assert(
      fc.property(text, text, (x, y) => {
        expect(sign(binaryOrder(x, y))).toBe(sign(Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8'))));
      }),
      { numRuns: 2000 },
    );
  });

  it('puts a character past U+FFFF after U+FFFF, where UTF-16 order puts it before', () => {
    expect('😀' < '\uffff').toBe(true);
    expect(binaryOrder('😀', '\uffff')).toBeGreaterThan(0);
  });
});
