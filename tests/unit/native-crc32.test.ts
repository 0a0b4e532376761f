import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The bundles use this in place of buffer-crc32 (scripts/build-node.mjs): it must answer as it does.
const load = createRequire(import.meta.url);
type Crc32 = typeof import('buffer-crc32');
const bufferCrc32 = load('buffer-crc32') as Crc32;
const nativeCrc32 = load('../../electron/backend/export/native-crc32.cjs') as Crc32;

describe('native-crc32, bundled in place of buffer-crc32 for yazl', () => {
  it('gives buffer-crc32’s checksums, whole and chained, unsigned, signed and as bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 5 }), fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 })), (chunks, seed) => {
        let ours = seed ?? undefined;
        let theirs = seed ?? undefined;
        for (const chunk of chunks.map((c) => Buffer.from(c))) {
          expect(nativeCrc32.signed(chunk, ours)).toBe(bufferCrc32.signed(chunk, theirs));
          expect(nativeCrc32(chunk, ours)).toEqual(bufferCrc32(chunk, theirs));
          ours = nativeCrc32.unsigned(chunk, ours);
          theirs = bufferCrc32.unsigned(chunk, theirs);
          expect(ours).toBe(theirs);
        }
      }),
    );
  });

  it('takes text, and a previous checksum as bytes, as buffer-crc32 does', () => {
    expect(nativeCrc32.unsigned('Lake Voren, Tervel')).toBe(bufferCrc32.unsigned('Lake Voren, Tervel'));
    const previous = bufferCrc32('first part');
    expect(nativeCrc32.unsigned('second part', previous)).toBe(bufferCrc32.unsigned('second part', previous));
  });
});
