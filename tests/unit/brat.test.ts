import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bratFragments, bratSpanText } from '../../shared/export/brat';

describe('brat spans', () => {
  it('split at line breaks into fragments that cover the span but the breaks, in code points', () => {
    const points = Array.from('a👍🏽\n\n停火 b');
    expect(bratFragments(points, 0, points.length)).toEqual([[0, 3], [5, 9]]);
    const text = fc.array(fc.constantFrom('a', 'é', '👍🏽', '停', '\n', '\u00a0', ' ', '🇪🇺'), { minLength: 1, maxLength: 60 }).map((parts) => Array.from(parts.join('')));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (points, x, y) => {
        const start = x % points.length;
        const end = start + 1 + (y % (points.length - start));
        const fragments = bratFragments(points, start, end);
        const covered = points.slice(start, end).join('');
        // Every fragment lies inside the span, has no line break, and together they are the span less its breaks.
        for (const [s, e] of fragments) {
          expect(s).toBeGreaterThanOrEqual(start);
          expect(e).toBeLessThanOrEqual(end);
          expect(e).toBeGreaterThan(s);
          expect(points.slice(s, e)).not.toContain('\n');
        }
        expect(fragments.map(([s, e]) => points.slice(s, e).join('')).join('')).toBe(covered.replace(/\n/g, ''));
        expect(bratSpanText(points, fragments)).not.toContain('\n');
      }),
      { numRuns: 1000 },
    );
  });
});
