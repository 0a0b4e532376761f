import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTOR_PALETTE, PLAIN_HIGHLIGHT, actorColourIndexes } from '../../shared/palette';
import { ROOT } from '../helpers/cli';

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`.toUpperCase();

describe('actor colours', () => {
  it('the reading view’s highlights and chips use the palette of the report (highlights.css is generated from the same list)', () => {
    const css = fs.readFileSync(path.join(ROOT, 'renderer', 'src', 'highlights.css'), 'utf8');
    const chips = [...css.matchAll(/\.actor-chip\.(c\d+|u) \{ background-color: rgb\((\d+) (\d+) (\d+)\); \}/g)].map((m) => [m[1], hex(+m[2]!, +m[3]!, +m[4]!)]);
    expect(chips).toEqual([...ACTOR_PALETTE.map((colour, i) => [`c${i}`, colour]), ['u', PLAIN_HIGHLIGHT]]);
    // Plain highlights are clearly visible: a solid tint and an underline, not a faint grey.
    expect(css).toMatch(/::highlight\(gs-u-d1\) \{ background-color: rgb\(187 187 187 \/ 0\.5\d+\);[^}]*underline dotted/);
  });

  it('gives actors created one after another different colours, and every actor one colour for good', () => {
    const actors = fc.uniqueArray(fc.record({ id: fc.uuid(), createdAt: fc.integer({ min: 0, max: 1e12 }).map((t) => new Date(t).toISOString()) }), { selector: (a) => a.id, maxLength: 40 });
    fc.assert(
      fc.property(actors, (list) => {
        const colours = actorColourIndexes(list);
        // The order actors are listed in does not matter.
        expect(actorColourIndexes([...list].reverse())).toEqual(colours);
        const ordered = [...list].sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
        for (let i = 0; i + ACTOR_PALETTE.length <= ordered.length; i++) {
          const window = ordered.slice(i, i + ACTOR_PALETTE.length).map((a) => colours.get(a.id));
          expect(new Set(window).size).toBe(ACTOR_PALETTE.length);
        }
      }),
    );
  });
});
