import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resegmentedWithin } from '../../renderer/src/reading/resegmented-within';
import { overlapSegments, resegmented, type PaintSpan } from '../../shared/text/segments';

const spanList = fc.array(fc.tuple(fc.nat(80), fc.nat(25), fc.constantFrom('a', 'b')), { maxLength: 20 });
const spans = (prefix: string, tuples: ReadonlyArray<readonly [number, number, string]>): PaintSpan[] =>
  tuples.map(([start, length, colour], i) => ({ id: `${prefix}${i}`, start, end: start + length + 1, colour }));

describe('resegmentedWithin', () => {
  it('gives what resegmented gives, for any segments, spans and part cut again', () => {
    fc.assert(
      fc.property(spanList, spanList, fc.nat(110), fc.nat(40), (before, after, from, length) => {
        const segments = overlapSegments(spans('b', before));
        const now = spans('a', after);
        expect(resegmentedWithin(segments, now, from, from + length + 1)).toEqual(resegmented(segments, now, from, from + length + 1));
      }),
    );
  });

  it('keeps the segments before and after the part cut again as they were', () => {
    const segments = overlapSegments(spans('b', [[0, 4, 'a'], [10, 4, 'b'], [20, 4, 'a']]));
    const result = resegmentedWithin(segments, [{ id: 'n', start: 11, end: 13, colour: 'a' }], 10, 15);
    expect(result[0]).toBe(segments[0]);
    expect(result.at(-1)).toBe(segments.at(-1));
    expect(result.map((s) => [s.start, s.end, s.depth])).toEqual([[0, 5, 1], [11, 13, 1], [20, 25, 1]]);
  });
});
