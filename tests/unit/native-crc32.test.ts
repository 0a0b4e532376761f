import { createRequire } from 'node:module';
import bufferCrc32 from 'buffer-crc32';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The bundles use this in place of buffer-crc32 (scripts/build-node.mjs): it must answer as it does.
const nativeCrc32 = createRequire(import.meta.url)('../../electron/backend/export/native-crc32.cjs') as typeof bufferCrc32;

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

  it('takes text, a length and a previous checksum as bytes as buffer-crc32 does', () => {
    expect(nativeCrc32.unsigned('Lake Voren')).toBe(bufferCrc32.unsigned('Lake Voren'));
    expect(nativeCrc32.unsigned(7)).toBe(bufferCrc32.unsigned(7));
    const previous = bufferCrc32('first part');
    expect(nativeCrc32.unsigned('second part', previous)).toBe(bufferCrc32.unsigned('second part', previous));
    expect(() => nativeCrc32.unsigned({} as never)).toThrow('input must be buffer, number, or string');
  });
});
