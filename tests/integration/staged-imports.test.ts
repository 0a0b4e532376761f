import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GainsayError } from '../../shared/errors';
import { StagedImports } from '../../electron/backend/import/staged-imports';
import { tempDir } from '../helpers/temp';

/**
 * Files the page uploads for the import dialog are written by names the page chose: whatever the
 * names, nothing is written outside the upload's own temporary folder, and a refused upload
 * leaves nothing behind.
 */
describe('uploaded annotation files are held in a folder of their own', () => {
  let temp: ReturnType<typeof tempDir>;
  const savedTmp = process.env.TMPDIR;
  beforeEach(() => {
    temp = tempDir('gainsay-staged-');
    process.env.TMPDIR = temp.dir; // os.tmpdir() reads it on every call
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    temp.remove();
  });

  /** Every file below a folder, relative to it. */
  const below = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

  it('any names: the files land by their plain names in the upload’s own folder, or the upload is refused and nothing stays', () => {
    const segment = fc.oneof(
      { arbitrary: fc.constantFrom('..', '.', '', '.hidden', 'a.ann', 'b.ann', 'a.txt', 'C:', 'x\u0000y', 'nul', 'e\u0301.txt', '报道.ann'), weight: 3 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 1 },
    );
    const name = fc.array(segment, { minLength: 1, maxLength: 4 }).chain((parts) => fc.constantFrom('/', '\\').map((sep) => parts.join(sep)));
    const seen = { held: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 6 }), (names) => {
        const staged = new StagedImports();
        const files = names.map((n, i) => ({ name: n, data: Buffer.from(`file ${i}`) }));
        let held;
        try {
          held = staged.fromUpload('chosen', files);
        } catch (error) {
          expect(error).toBeInstanceOf(GainsayError);
          expect(below(temp.dir)).toEqual([]);
          seen.refused++;
          return;
        }
        seen.held++;
        const owned = held.staged.owned!;
        expect(path.dirname(owned)).toBe(temp.dir);
        expect(below(temp.dir).filter((p) => !p.startsWith(path.basename(owned)))).toEqual([]);
        // Each file by its last segment, directly in the folder, with its own bytes.
        expect(below(owned)).toEqual(names.map((n) => n.split(/[\\/]/).pop()!).sort());
        for (const [i, n] of names.entries()) expect(fs.readFileSync(path.join(owned, n.split(/[\\/]/).pop()!), 'utf8')).toBe(`file ${i}`);
        staged.discardAll();
        expect(below(temp.dir)).toEqual([]);
      }),
      { seed: 16, numRuns: 300 },
    );
    // Both ends were reached (a fixed seed: this does not depend on a run's luck).
    expect(seen.held).toBeGreaterThan(10);
    expect(seen.refused).toBeGreaterThan(10);
  });

  it('a page that holds import after import without closing its dialogs keeps the disk from filling: the oldest are let go', () => {
    const staged = new StagedImports();
    const ids = Array.from({ length: 12 }, (_, i) => staged.fromUpload('brat', [{ name: `doc-${i}.ann`, data: Buffer.from('') }]).id);
    expect(fs.readdirSync(temp.dir)).toHaveLength(8);
    expect(() => staged.take(ids[3]!)).toThrow('no longer held');
    const taken = staged.take(ids[11]!);
    expect(taken.format).toBe('brat');
    staged.release(taken); // what an import does as it ends
    staged.discardAll();
    expect(fs.readdirSync(temp.dir)).toEqual([]);
  });
});
