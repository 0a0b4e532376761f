import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { observeWrites, writeFileAtomically, writeFilesTogether } from '../../electron/backend/export/output';
import { tempDir } from '../helpers/temp';

const MB = 1 << 20;

// Text of every width in UTF-8 (1 to 4 bytes, a lone surrogate too), short or long enough to cross
// the writer's block of about 1 MB; and bytes, as the zip writer hands them over.
const piece = fc.constantFrom('a', ',', 'é', '€', '😀', '\ud800', '\r\n');
const text = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.tuple(piece, fc.integer({ min: MB / 4, max: MB / 2 })).map(([p, n]) => p.repeat(n)),
);
const bytes = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: MB - 10, max: MB + 10 }).map((n) => new Uint8Array(n).fill(7)));
const chunks = fc.array(fc.oneof({ arbitrary: text, weight: 4 }, { arbitrary: bytes, weight: 1 }), { maxLength: 12 });

const asBytes = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));

describe('an export written chunk by chunk', () => {
  const temp = tempDir();
  afterAll(() => {
    observeWrites(null);
    temp.remove();
  });

  it('is every chunk, in order, byte for byte, with or without a watcher of its writes; the watcher is told each chunk’s size', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(chunks, fc.boolean(), async (list, watched) => {
        const sizes: number[] = [];
        observeWrites(watched ? (_file, size) => void sizes.push(size) : null);
        const file = path.join(temp.dir, `out-${run++}`);
        await writeFileAtomically(file, (write) => list.forEach(write));
        const expected = list.map(asBytes);
        expect(fs.readFileSync(file).equals(Buffer.concat(expected))).toBe(true);
        expect(sizes).toEqual(watched ? expected.map((b) => b.length) : []);
        fs.rmSync(file);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('of files that belong together: each made after the one before (it may use what that one gathered), all in place or none', async () => {
    const folder = path.join(temp.dir, 'together');
    fs.mkdirSync(folder);
    const first = path.join(folder, 'first.csv');
    const second = path.join(folder, 'second.csv');
    let gathered = '';
    const files = (fail: boolean) => [
      { target: first, produce: (write: (chunk: string) => void) => void write((gathered = 'a'.repeat(3 * MB))) },
      {
        target: second,
        produce: (write: (chunk: string) => void) => {
          write(`${gathered.length}`);
          if (fail) throw new Error('the second file failed');
        },
      },
    ];
    await expect(writeFilesTogether(files(true))).rejects.toThrow(/second file failed|Cannot write/);
    // The first file was complete and on its way to the disk: it is removed with the rest.
    expect(fs.readdirSync(folder)).toEqual([]);
    await writeFilesTogether(files(false));
    expect(fs.readdirSync(folder).sort()).toEqual(['first.csv', 'second.csv']);
    expect(fs.statSync(first).size).toBe(3 * MB);
    expect(fs.readFileSync(second, 'utf8')).toBe(String(3 * MB));
  });
});
