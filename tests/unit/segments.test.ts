import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedExtents, overlapSegments, resegmented, type PaintSpan } from '../../shared/text/segments';

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

describe('changed extents', () => {
  /** Depth and innermost span at each position, as painted. */
  const paintAt = (spans: PaintSpan[], p: number) => {
    const segment = overlapSegments(spans).find((s) => s.start <= p && p < s.end);
    return segment ? [segment.depth, segment.top.id, segment.top.colour] : null;
  };
  const spanList = fc.array(fc.tuple(fc.nat(60), fc.nat(20), fc.constantFrom('a', 'b')), { maxLength: 15 });

  it('cover every position whose paint changes when spans are added, removed, moved or recoloured', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), start: fc.nat(60), length: fc.nat(20) }),
      fc.record({ kind: fc.constant('remove' as const), which: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), which: fc.nat(), start: fc.nat(60), length: fc.nat(20) }),
      fc.record({ kind: fc.constant('recolour' as const), which: fc.nat() }),
    );
    fc.assert(
      fc.property(spanList, fc.array(edit, { minLength: 1, maxLength: 4 }), (tuples, edits) => {
        const before = tuples.map(([s, l, c], i) => span(`s${i}`, s, s + l + 1, c));
        let after = [...before];
        edits.forEach((e, k) => {
          const i = 'which' in e && after.length ? e.which % after.length : -1;
          if (e.kind === 'add') after.push(span(`n${k}`, e.start, e.start + e.length + 1, 'a'));
          else if (i < 0) return;
          else if (e.kind === 'remove') after.splice(i, 1);
          else if (e.kind === 'move') after[i] = { ...after[i]!, start: e.start, end: e.start + e.length + 1 };
          else after[i] = { ...after[i]!, colour: after[i]!.colour === 'a' ? 'b' : 'a' };
        });
        const extents = changedExtents(new Map(before.map((s) => [s.id, s])), new Map(after.map((s) => [s.id, s])));
        for (let p = 0; p < 90; p++) {
          if (extents.some(([start, end]) => start <= p && p < end)) continue;
          expect(paintAt(after, p)).toEqual(paintAt(before, p));
        }
      }),
    );
  });

  it('bound the part to cut again: the earlier segments with that part cut from the new spans paint as the new spans cut whole', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), start: fc.nat(60), length: fc.nat(20), colour: fc.constantFrom('a', 'b') }),
      fc.record({ kind: fc.constant('remove' as const), which: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), which: fc.nat(), start: fc.nat(60), length: fc.nat(20) }),
      fc.record({ kind: fc.constant('recolour' as const), which: fc.nat() }),
    );
    fc.assert(
      fc.property(spanList, fc.array(edit, { minLength: 1, maxLength: 3 }), (tuples, edits) => {
        const before = tuples.map(([s, l, c], i) => span(`s${i}`, s, s + l + 1, c));
        const after = [...before];
        edits.forEach((e, k) => {
          const i = 'which' in e && after.length ? e.which % after.length : -1;
          if (e.kind === 'add') after.push(span(`n${k}`, e.start, e.start + e.length + 1, e.colour));
          else if (i < 0) return;
          else if (e.kind === 'remove') after.splice(i, 1);
          else if (e.kind === 'move') after[i] = { ...after[i]!, start: e.start, end: e.start + e.length + 1 };
          else after[i] = { ...after[i]!, colour: after[i]!.colour === 'a' ? 'b' : 'a' };
        });
        const extents = changedExtents(new Map(before.map((s) => [s.id, s])), new Map(after.map((s) => [s.id, s])));
        if (extents.length === 0) return;
        const from = Math.min(...extents.map(([start]) => start));
        const to = Math.max(...extents.map(([, end]) => end));
        const segments = resegmented(overlapSegments(before), after, from, to);
        // Sorted and disjoint, as the painter's binary search needs.
        for (let k = 1; k < segments.length; k++) expect(segments[k]!.start).toBeGreaterThanOrEqual(segments[k - 1]!.end);
        const at = (p: number) => {
          const segment = segments.find((s) => s.start <= p && p < s.end);
          return segment ? [segment.depth, segment.top.id, segment.top.colour] : null;
        };
        for (let p = 0; p < 90; p++) expect(at(p)).toEqual(paintAt(after, p));
      }),
    );
  });

  it('are none when only the list changes, not its spans', () => {
    const spans = [span('a', 0, 5), span('b', 3, 9)];
    expect(changedExtents(new Map(spans.map((s) => [s.id, s])), new Map(spans.map((s) => [s.id, { ...s }])))).toEqual([]);
  });
});
