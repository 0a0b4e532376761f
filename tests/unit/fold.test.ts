import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold } from '../../shared/fold';

describe('fold', () => {
  it.each([
    ['Erdoğan', 'erdogan'],
    ['İlham Kadirov', 'ilham kadirov'],
    ['Zofia Łukasiewicz', 'zofia lukasiewicz'],
    ['Søren Ødegård', 'soren odegard'],
    ['Straße', 'strasse'],
    ['Dmitri\u00a0Pelkarov', 'dmitri pelkarov'],
    ['  Agence   Véritas ', 'agence veritas'],
    ['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
  ])('folds %s to %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('is idempotent and ignores lower-casing and composition form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = fold(text);
        expect(fold(once)).toBe(once);
        expect(fold(text.normalize('NFD'))).toBe(once);
        expect(fold(text.toLowerCase().normalize('NFC'))).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});
