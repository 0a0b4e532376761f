import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const fromRoot = createRequire(path.join(ROOT, 'package.json'));

/**
 * Electronegativity (a test-only scanner) brings TypeScript 4.2 with it. It must stay inside its
 * own folder: the type check and the builds use the TypeScript pinned in package.json, and no
 * bundle the app ships or runs contains either.
 */
describe('the toolchain keeps Electronegativity’s old TypeScript away from the build', () => {
  it('the project resolves the pinned TypeScript; the old one is only under Electronegativity', () => {
    const resolved = fromRoot.resolve('typescript/package.json');
    expect(path.relative(ROOT, resolved)).toBe(path.join('node_modules', 'typescript', 'package.json'));
    expect(JSON.parse(fs.readFileSync(resolved, 'utf8')).version).toBe(pkg.devDependencies.typescript);
    const nested = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'node_modules', 'typescript', 'package.json');
    if (fs.existsSync(nested)) expect(JSON.parse(fs.readFileSync(nested, 'utf8')).version).not.toBe(pkg.devDependencies.typescript);
  });

  it('no built bundle contains Electronegativity or a TypeScript compiler', () => {
    const maps = ['node', 'electron']
      .flatMap((dir) => fs.readdirSync(path.join(ROOT, 'dist', dir)).map((name) => path.join(ROOT, 'dist', dir, name)))
      .filter((file) => file.endsWith('.cjs.map'));
    expect(maps.length).toBeGreaterThan(4);
    for (const map of maps) {
      const sources = (JSON.parse(fs.readFileSync(map, 'utf8')) as { sources: string[] }).sources;
      expect(sources.filter((source) => /electronegativity|node_modules\/typescript\//.test(source)), map).toEqual([]);
    }
  });
});
