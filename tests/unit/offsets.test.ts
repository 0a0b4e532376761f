import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from '../../shared/offsets';

const messy = fc.array(fc.constantFrom('a', 'é', 'e\u0301', '\u00a0', '停', '火', '😀', '👍🏽', '🇪🇺', '\n', '“', ' '), { maxLength: 60 }).map((parts) => parts.join(''));

describe('code point offsets', () => {
  it('convert emoji and CJK correctly', () => {
    const text = 'A😀b停🇪🇺c';
    expect(utf16ToCodePoint(text, 3)).toBe(2);
    expect(codePointToUtf16(text, 2)).toBe(3);
    expect(sliceCodePoints(text, 1, 2)).toBe('😀');
    expect(sliceCodePoints(text, 4, 6)).toBe('🇪🇺');
    expect(Array.from(text).length).toBe(utf16ToCodePoint(text, text.length));
  });

  it('round-trip at every code point boundary and agree with Array.from', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const points = Array.from(text);
        for (let p = 0; p <= points.length; p++) {
          const unit = codePointToUtf16(text, p);
          expect(unit).toBe(points.slice(0, p).join('').length);
          expect(utf16ToCodePoint(text, unit)).toBe(p);
        }
      }),
    );
  });

  it('slice the same text as Array.from does', () => {
    fc.assert(
      fc.property(messy, fc.nat(), fc.nat(), (text, a, b) => {
        const n = Array.from(text).length;
        const start = Math.min(a, b) % (n + 1);
        const end = Math.max(start, Math.max(a, b) % (n + 1));
        expect(sliceCodePoints(text, start, end)).toBe(Array.from(text).slice(start, end).join(''));
      }),
    );
  });
});

describe('text blocks', () => {
  it('are the non-empty lines, with their UTF-16 and code point starts and code point ends', async () => {
    const { textBlocks } = await import('../../shared/text/blocks');
    const text = 'Head😀line\n\nBody “one”\u00a0停\nline two';
    const blocks = textBlocks(text);
    expect(blocks.map((b) => b.text)).toEqual(['Head😀line', 'Body “one”\u00a0停', 'line two']);
    for (const block of blocks) {
      expect(text.slice(block.start, block.start + block.text.length)).toBe(block.text);
      expect(block.startCp).toBe(utf16ToCodePoint(text, block.start));
      expect(block.endCp).toBe(utf16ToCodePoint(text, block.start + block.text.length));
    }
  });
});

describe('OffsetMap', () => {
  it('converts like walking the text, for every code point', async () => {
    const { OffsetMap } = await import('../../shared/offsets');
    fc.assert(
      fc.property(messy, (text) => {
        const map = new OffsetMap(text);
        const n = Array.from(text).length;
        expect(map.length).toBe(n);
        for (let p = 0; p <= n + 2; p++) expect(map.toUtf16(p)).toBe(codePointToUtf16(text, p));
        for (let u = 0; u <= text.length; u++) expect(map.toCodePoint(u)).toBe(utf16ToCodePoint(text, u));
      }),
    );
  });

  it('counts the code points utf16ToCodePoint counts, lone surrogates included (articles.csv takes its lengths from it)', async () => {
    const { OffsetMap } = await import('../../shared/offsets');
    const unit = fc.oneof(fc.constantFrom('a', '😀', '\n'), fc.integer({ min: 0xd7f0, max: 0xe010 }).map((code) => String.fromCharCode(code)));
    fc.assert(fc.property(fc.array(unit, { maxLength: 40 }), (units) => new OffsetMap(units.join('')).length === utf16ToCodePoint(units.join(''), units.join('').length)));
  });
});
