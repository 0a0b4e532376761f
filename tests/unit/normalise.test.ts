import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseNormalised, normaliseText } from '../../shared/text/normalise';
import { stripSiteChrome } from '../../shared/text/site-chrome';
import { prepareArticle } from '../../electron/backend/import/extract';

/** normaliseText as it was written first, one regex per rule: the rules the faster one must keep. */
function byRegexes(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\s+$/, '');
}

// The characters each rule is about, the ones one pass leaves for a second (a control between a
// letter and its accent, a byte-order mark after blank lines), chrome lines, and ordinary words.
const piece = fc.constantFrom(
  'a', 'e', '\u0301', '\u0001', '\u0000', '\u007f', '\u000b', '\uFEFF', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029',
  '\u00a0', '\u3000', '\u200b', 'said', 'Erdoğan', '停火', '👍🏽', '“', 'Advertisement', '[ad_1]', 'Home', 'Share this', '© 2026 The Ledger', 'Home | World | Politics',
);
const messyText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('normaliseText', () => {
  it('keeps every rule of the regex version, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(messyText, fc.string({ unit: 'grapheme' })), (text) => {
        expect(normaliseText(text)).toBe(byRegexes(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('normaliseNormalised gives what a second pass gives, including where one pass is not enough', () => {
    expect(normaliseText('e\u0001\u0301')).toBe('e\u0301');
    expect(normaliseNormalised('e\u0301')).toBe('é');
    expect(normaliseNormalised(normaliseText('\n\uFEFF\nsaid'))).toBe('said');
    fc.assert(
      fc.property(messyText, (text) => {
        const once = normaliseText(text);
        expect(normaliseNormalised(once)).toBe(normaliseText(once));
      }),
      { numRuns: 5000 },
    );
  });

  it('an imported text is stored as normalising, stripping chrome and normalising again stores it', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const expected = byRegexes(stripSiteChrome(byRegexes(text)));
        if (!expected) return;
        expect(prepareArticle({ text, meta: {}, kind: 'txt' }, 'fallback', 'shown').text).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
