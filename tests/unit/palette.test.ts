import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTOR_STYLES, PLAIN_HIGHLIGHT, actorColourIndexes, actorStyle } from '../../shared/palette';
import { ROOT } from '../helpers/cli';

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`.toUpperCase();

describe('actor colours', () => {
  it('the reading view’s highlights and chips use the palette of the report (highlights.css is generated from the same list)', () => {
    const css = fs.readFileSync(path.join(ROOT, 'renderer', 'src', 'highlights.css'), 'utf8');
    const chips = [...css.matchAll(/\.actor-chip\.(c\d+|u) \{ background-color: rgb\((\d+) (\d+) (\d+)\);/g)].map((m) => [m[1], hex(+m[2]!, +m[3]!, +m[4]!)]);
    const styles = Array.from({ length: ACTOR_STYLES }, (_, i) => actorStyle(i));
    expect(chips).toEqual([...styles.map(({ colour }, i) => [`c${i}`, colour]), ['u', PLAIN_HIGHLIGHT]]);
    // Each style's mark: none, or a line of its kind over the text, and a chip of another shape.
    for (const [i, { mark }] of styles.entries()) {
      const highlight = css.match(new RegExp(`::highlight\\(gs-c${i}-d1\\) \\{[^}]*\\}`))![0];
      expect(highlight.includes('overline'), `c${i}`).toBe(mark !== 'none');
      if (mark !== 'none') expect(highlight).toContain(`overline ${mark}`);
    }
    expect(new Set(css.match(/\.actor-chip\.c\d+ \{[^}]*\}/g)!.map((rule) => rule.replace(/^\.actor-chip\.c\d+ \{ background-color: rgb\([^)]*\);/, ''))).size).toBe(3);
    // Plain highlights are clearly visible: a solid tint and an underline, not a faint grey.
    expect(css).toMatch(/::highlight\(gs-u-d1\) \{ background-color: rgb\(187 187 187 \/ 0\.5\d+\);[^}]*underline dotted/);
  });

  it('gives actors created one after another different colours or marks, and every actor one style for good', () => {
    const actors = fc.uniqueArray(fc.record({ id: fc.uuid(), createdAt: fc.integer({ min: 0, max: 1e12 }).map((t) => new Date(t).toISOString()) }), { selector: (a) => a.id, maxLength: 60 });
    fc.assert(
      fc.property(actors, (list) => {
        const colours = actorColourIndexes(list);
        // The order actors are listed in does not matter.
        expect(actorColourIndexes([...list].reverse())).toEqual(colours);
        const ordered = [...list].sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
        // Any 24 actors created in a row differ in colour or mark.
        for (let i = 0; i + ACTOR_STYLES <= ordered.length; i++) {
          const window = ordered.slice(i, i + ACTOR_STYLES).map((a) => colours.get(a.id)!);
          expect(new Set(window.map((index) => JSON.stringify(actorStyle(index)))).size).toBe(ACTOR_STYLES);
        }
      }),
    );
  });
});
