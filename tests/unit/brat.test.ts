import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bratFragments, bratNote, bratSpan, bratSpanText, lineBreaks, trimFragments } from '../../shared/export/brat';
import { OffsetMap } from '../../shared/offsets';

describe('brat spans', () => {
  it('split at line breaks into fragments that cover the span but the breaks, in code points', () => {
    const points = Array.from('a👍🏽\n\n停火 b');
    expect(bratFragments(lineBreaks(new OffsetMap(points.join(''))), 0, points.length)).toEqual([[0, 3], [5, 9]]);
    const text = fc.array(fc.constantFrom('a', 'é', '👍🏽', '停', '\n', '\u00a0', ' ', '🇪🇺'), { minLength: 1, maxLength: 60 }).map((parts) => Array.from(parts.join('')));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (points, x, y) => {
        const start = x % points.length;
        const end = start + 1 + (y % (points.length - start));
        const map = new OffsetMap(points.join(''));
        const fragments = bratFragments(lineBreaks(map), start, end);
        const covered = points.slice(start, end).join('');
        // Every fragment lies inside the span, has no line break, and together they are the span less its breaks.
        for (const [s, e] of fragments) {
          expect(s).toBeGreaterThanOrEqual(start);
          expect(e).toBeLessThanOrEqual(end);
          expect(e).toBeGreaterThan(s);
          expect(points.slice(s, e)).not.toContain('\n');
        }
        expect(fragments.map(([s, e]) => points.slice(s, e).join('')).join('')).toBe(covered.replace(/\n/g, ''));
        expect(bratSpanText(map, fragments)).toBe(fragments.map(([s, e]) => points.slice(s, e).join('')).join(' '));
        expect(bratSpanText(map, fragments)).not.toContain('\n');
      }),
      { numRuns: 1000 },
    );
  });

  it('split at every line boundary brat (Python) knows, and trimmed, keep only non-whitespace at each edge', () => {
    const boundaries = ['\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'];
    const text = fc.array(fc.constantFrom('a', '👍🏽', '停', ' ', '\u00a0', '\u3000', ...boundaries), { minLength: 1, maxLength: 60 }).map((parts) => Array.from(parts.join('')));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (points, x, y) => {
        const start = x % points.length;
        const end = start + 1 + (y % (points.length - start));
        const map = new OffsetMap(points.join(''));
        const fragments = trimFragments(map, bratFragments(lineBreaks(map), start, end));
        for (const [s, e] of fragments) {
          const piece = points.slice(s, e).join('');
          expect(piece).toBe(piece.trim());
          expect(piece.length).toBeGreaterThan(0);
          for (const b of boundaries) expect(piece).not.toContain(b);
        }
        // Nothing but whitespace and line breaks is left out.
        const kept = new Set(fragments.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i)));
        for (let i = start; i < end; i++) if (!kept.has(i)) expect(points[i]).toMatch(/\s|[\x1c-\x1e\x85]/u);
      }),
      { numRuns: 1000 },
    );
    expect(bratNote('a\u0085b\u2028c\td\x1ee')).toBe('a b c d e');
    const note = fc.array(fc.constantFrom('a', ' ', '\t', '\t\t', '\n', '\r\n', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029', '\u00a0', '停'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(note, fc.string()), (text) => {
        expect(bratNote(text)).toBe(text.replace(/[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+/g, ' ').replace(/\t+/g, ' '));
      }),
      { numRuns: 2000 },
    );
  });

  it("give a span that holds the offsets and text of its trimmed fragments, found from the quote when it is one line without edge whitespace (property)", () => {
    const boundaries = ['\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'];
    const text = fc.array(fc.constantFrom('a', 'b', '👍🏽', '停', ' ', '\t', '\u00a0', '\u3000', '\ufeff', ...boundaries), { minLength: 1, maxLength: 60 }).map((parts) => Array.from(parts.join('')));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (points, x, y) => {
        const start = x % points.length;
        const end = start + 1 + (y % (points.length - start));
        const map = new OffsetMap(points.join(''));
        const breaks = lineBreaks(map);
        const fragments = trimFragments(map, bratFragments(breaks, start, end));
        const expected = fragments.length ? { offsets: fragments.map(([s, e]) => `${s} ${e}`).join(';'), text: bratSpanText(map, fragments) } : null;
        expect(bratSpan(map, breaks, start, end, points.slice(start, end).join(''))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('take time bounded by the line breaks, whatever the offsets: 2^53, negative, inverted, empty', () => {
    const breaks = lineBreaks(new OffsetMap('one\ntwo\n\nthree'));
    const started = performance.now();
    expect(bratFragments(breaks, 0, 2 ** 53)).toEqual([[0, 3], [4, 7], [9, 2 ** 53]]);
    expect(bratFragments(breaks, 5, 5)).toEqual([]);
    expect(bratFragments(breaks, 9, 2)).toEqual([]);
    expect(bratFragments(breaks, -(2 ** 53), 2)).toEqual([[-(2 ** 53), 2]]);
    const offset = fc.oneof(fc.integer(), fc.constantFrom(2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, 2 ** 63, -0, 0.5, Number.NaN, Infinity, -Infinity));
    fc.assert(
      fc.property(offset, offset, (start, end) => {
        const fragments = bratFragments(breaks, start, end);
        expect(fragments.length).toBeLessThanOrEqual(breaks.length + 1);
        for (const [s, e] of fragments) {
          expect(s).toBeGreaterThanOrEqual(start);
          expect(e).toBeLessThanOrEqual(end);
          expect(e).toBeGreaterThan(s);
        }
      }),
      { numRuns: 2000 },
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
