import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapSegments, type PaintSpan } from '../../shared/text/segments';

const span = (id: string, start: number, end: number, colour = id): PaintSpan => ({ id, start, end, colour });

describe('overlap segments', () => {
  it('cut nested and overlapping spans into flat pieces with depth and innermost span', () => {
    const segments = overlapSegments([span('outer', 0, 10), span('inner', 2, 5), span('cross', 4, 12)]);
    expect(segments.map((s) => [s.start, s.end, s.depth, s.top.id])).toEqual([
      [0, 2, 1, 'outer'],
      [2, 4, 2, 'inner'],
      [4, 5, 3, 'inner'],
      [5, 10, 2, 'cross'],
      [10, 12, 1, 'cross'],
    ]);
  });

  it('give every position the number of spans that cover it', () => {
    const spans = fc.array(fc.tuple(fc.nat(60), fc.nat(20)).map(([s, l]) => [s, s + l + 1] as const), { maxLength: 25 });
    fc.assert(
      fc.property(spans, (pairs) => {
        const list = pairs.map(([s, e], i) => span(`s${i}`, s, e));
        const segments = overlapSegments(list);
        for (let p = 0; p < 90; p++) {
          const covering = list.filter((s) => s.start <= p && p < s.end);
          const segment = segments.find((s) => s.start <= p && p < s.end);
          expect(segment?.depth ?? 0).toBe(covering.length);
          if (segment) expect(covering).toContain(segment.top);
        }
      }),
    );
  });
});
