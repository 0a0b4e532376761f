import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksBinary } from '../../electron/backend/import/decode';

/** The rule, stated plainly: in the first 8 KB, a NUL byte, or more than 5 % control bytes (tab, newlines, form feed and CR aside). */
function byTheRule(bytes: Uint8Array): boolean {
  const sample = Array.from(bytes.slice(0, 8192));
  return sample.includes(0) || sample.filter((b) => b < 9 || (b > 13 && b < 32)).length > sample.length * 0.05;
}

describe('looksBinary', () => {
  it('tells text from binary by the first 8 KB', () => {
    expect(looksBinary(new TextEncoder().encode('“No troops,” the envoy said.\r\n\tNext line.\f'))).toBe(false);
    expect(looksBinary(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x00))).toBe(true);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
    // 5 % of control bytes is still text; one more is not.
    const controls = (n: number) => Uint8Array.from({ length: 100 }, (_, i) => (i < n ? 1 : 0x61));
    expect([looksBinary(controls(5)), looksBinary(controls(6))]).toEqual([false, true]);
    // A NUL after the first 8 KB is not looked at.
    const late = new Uint8Array(9000).fill(0x61);
    late[8500] = 0;
    expect(looksBinary(late)).toBe(false);
  });

  it('follows the rule for any bytes, around the 8 KB edge and the 5 % share', () => {
    const byte = fc.oneof(fc.constantFrom(0, 1, 8, 9, 10, 13, 14, 27, 31, 32), fc.integer({ min: 32, max: 255 }));
    const bytes = fc.oneof(
      fc.array(byte, { maxLength: 200 }),
      fc.tuple(fc.integer({ min: 8000, max: 8400 }), fc.array(fc.tuple(fc.nat(8399), byte), { maxLength: 500 })).map(([length, sets]) => {
        const filled = new Array<number>(length).fill(0x61);
        for (const [at, value] of sets) if (at < length) filled[at] = value;
        return filled;
      }),
    );
    fc.assert(
      fc.property(bytes, (values) => {
        const array = Uint8Array.from(values);
        expect(looksBinary(array)).toBe(byTheRule(array));
      }),
      { numRuns: 2000 },
    );
  });
});
