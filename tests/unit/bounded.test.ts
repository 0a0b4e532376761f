import fc from 'fast-check';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { clipped, upTo } from '../../electron/backend/features/bounded';
import { spanWithin } from '../../shared/text/span';

describe('strings and spans read from a file', () => {
  it('reads at most a bounded prefix in SQL and cuts it to the bound in code points, never inside a surrogate pair', () => {
    const db = new Database(':memory:');
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '高', ' '), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 20 }), (value, max) => {
        const read = db.prepare(`SELECT ${upTo('?', max)}`).pluck().get(value) as string;
        const shown = clipped(read, max);
        const points = Array.from(value);
        if (points.length <= max) expect(shown).toBe(value);
        else expect(shown).toBe(`${points.slice(0, max - 1).join('')}…`);
        expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
    );
    expect(clipped(null, 5)).toBeNull();
  });

  it('takes a span as drawable only within the text, whatever the offsets', () => {
    expect(spanWithin(0, 3, 3)).toBe(true);
    for (const [start, end] of [[-5, 3], [40, 2 ** 53], [2 ** 53 - 1, 2 ** 53], [20, 10], [10, 10], [0, 4], [0.5, 2], [Number.NaN, 2]]) {
      expect(spanWithin(start!, end!, 3)).toBe(false);
    }
    fc.assert(fc.property(fc.double(), fc.double(), fc.nat(), (start, end, length) => {
      if (spanWithin(start, end, length)) expect(0 <= start && start < end && end <= length && Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    }));
  });
});
