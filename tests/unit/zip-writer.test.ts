import zlib from 'node:zlib';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../electron/backend/export/zip-writer';

/** A zip of entries, each written as a series of text pieces (or bytes), or given whole as bytes. */
async function zipOf(entries: Array<{ name: string; pieces: Array<string | Uint8Array>; whole?: boolean }>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeZip(
    (chunk) => chunks.push(chunk),
    (add, _addFile, addBytes) => {
      for (const { name, pieces, whole } of entries) {
        if (whole) {
          addBytes(name, Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
          continue;
        }
        const entry = add(name);
        for (const piece of pieces) {
          if (typeof piece === 'string') entry.pushText(piece);
          else entry.push(piece);
        }
        entry.end();
      }
    },
  );
  return Buffer.concat(chunks);
}

/** CRC-32 and sizes as the central directory records them (which fflate's unzip does not check). */
function centralDirectory(zip: Uint8Array): Map<string, { crc: number; compressed: number; size: number }> {
  const view = Buffer.from(zip);
  const entries = new Map<string, { crc: number; compressed: number; size: number }>();
  for (let at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46)) {
    const nameLength = view.readUInt16LE(at + 28);
    entries.set(view.toString('utf8', at + 46, at + 46 + nameLength), { crc: view.readUInt32LE(at + 16), compressed: view.readUInt32LE(at + 20), size: view.readUInt32LE(at + 24) });
  }
  return entries;
}

function expectEntries(zip: Uint8Array, expected: Record<string, string>): void {
  const files = unzipSync(zip);
  const directory = centralDirectory(zip);
  expect(Object.keys(files).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, text] of Object.entries(expected)) {
    expect(strFromU8(files[name]!)).toBe(text);
    const bytes = Buffer.from(text, 'utf8');
    expect(directory.get(name)).toMatchObject({ crc: zlib.crc32(bytes), size: bytes.length });
  }
}

const piece = fc.array(fc.constantFrom('Pelkov ', 'denied ', '停火', '😀', '\u00a0', '\n', '“troops”', 'x'), { maxLength: 30 }).map((parts) => parts.join(''));

describe('zip entries written by yazl', () => {
  it('give back any series of pieces, with the right CRC and size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(piece, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), async (entries) => {
        const named = entries.map((pieces, i) => ({ name: `sources/${i}.txt`, pieces }));
        expectEntries(await zipOf(named), Object.fromEntries(named.map(({ name, pieces }) => [name, pieces.join('')])));
      }),
    );
  });

  it('keep the order entries were added in, whether streamed or given whole, with the right CRC and size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ pieces: fc.array(piece, { maxLength: 8 }), whole: fc.boolean() }), { minLength: 1, maxLength: 6 }), async (entries) => {
        const named = entries.map((entry, i) => ({ name: `sources/${i}.txt`, ...entry }));
        const zip = await zipOf(named);
        expectEntries(zip, Object.fromEntries(named.map(({ name, pieces }) => [name, pieces.join('')])));
        expect([...centralDirectory(zip).keys()]).toEqual(named.map(({ name }) => name));
      }),
    );
  });

  it('keep text gathered in chunks and bytes in order, with one piece bigger than a chunk', async () => {
    // About 9 MB of text in pieces of every size, so it is deflated in several chunks, one piece bigger than a chunk.
    const pieces: Array<string | Uint8Array> = [];
    let expected = '';
    for (let i = 0; i < 60_000; i++) {
      const text = `<PlainTextSelection n="${i}">${'停火😀 — “none” '.repeat(i % 13)}</PlainTextSelection>\n`;
      pieces.push(i % 1000 === 7 ? Buffer.from(text, 'utf8') : text);
      expected += text;
    }
    const huge = 'Subscribe to our newsletters. '.repeat(100_000);
    pieces.splice(30_000, 0, huge);
    expected = pieces.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');
    const zip = await zipOf([{ name: 'project.qde', pieces }]);
    expectEntries(zip, { 'project.qde': expected });
    // Deflated, not stored: a .qdpx is mailed. The repeated text shrinks to well under a third.
    expect(centralDirectory(zip).get('project.qde')!.compressed).toBeLessThan(Buffer.byteLength(expected) / 3);
    expect(centralDirectory(zip).get('project.qde')!.compressed).toBeLessThan(Buffer.byteLength(expected) / 5);
  });

  it('rejects once when writing fails part way, with every entry still to come', async () => {
    let written = 0;
    const failing = writeZip(
      (chunk) => {
        written += chunk.length;
        if (written > 1000) throw new Error('no space left on device');
      },
      (add) => {
        for (let i = 0; i < 5; i++) {
          const entry = add(`sources/${i}.txt`);
          entry.push(Buffer.from('Contact Us · Subscribe to our newsletters\n'.repeat(20_000 + i)));
          entry.end();
        }
      },
    );
    await expect(failing).rejects.toThrow('no space left on device');
  });
});
