import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1StandIn } from '../../shared/assist/attribution/latin1-stand-in';
import { analyse } from '../../shared/assist/attribution/tokens';

const values = (text: string) => analyse(text).tokens.map((t) => t.value);

describe('attribution tokens', () => {
  it('keeps names with letters beyond Latin-1 whole, with their letters and offsets as written', () => {
    for (const name of ['Karel Dvořák', 'Ştefan Dumitrescu', 'Recep Erdoğan', 'Tomasz Ilić', 'Łukasz Nowak', 'Nguyễn Văn An', 'Đorđe Şişli', 'İsmail Yıldız']) {
      const text = `Minister ${name} told reporters that the depot was hit.`;
      const { tokens } = analyse(text);
      expect(tokens.slice(1, 1 + name.split(' ').length).map((t) => t.value)).toEqual(name.split(' '));
      for (const t of tokens) expect(text.slice(t.s, t.e)).toBe(t.value);
    }
  });

  it('reads a Cyrillic or Greek name as a proper noun, letters outside the BMP as part of their word', () => {
    const cyrillic = analyse('Дмитрий Песков said the convoy had left.').tokens;
    expect(cyrillic.slice(0, 2).map((t) => [t.value, t.pos])).toEqual([['Дмитрий', 'PROPN'], ['Песков', 'PROPN']]);
    const greek = analyse('Envoy Γιώργος Παπαδόπουλος said so.').tokens;
    expect(greek.slice(1, 3).map((t) => [t.value, t.pos])).toEqual([['Γιώργος', 'PROPN'], ['Παπαδόπουλος', 'PROPN']]);
    // U+1D400 MATHEMATICAL BOLD CAPITAL A and U+10437 DESERET SMALL LETTER YEE: two UTF-16 units each.
    const text = 'Envoy 𝐀lma B𐐷rk said so.';
    expect(values(text).slice(0, 4)).toEqual(['Envoy', '𝐀lma', 'B𐐷rk', 'said']);
    for (const t of analyse(text).tokens) expect(text.slice(t.s, t.e)).toBe(t.value);
  });

  it('keeps its lower case and lemma from the text as written', () => {
    const [minister, karel, dvorak] = analyse('Minister Karel DVOŘÁK said so.').tokens;
    expect([minister!.lower, karel!.lower, dvorak!.lower, dvorak!.lemma]).toEqual(['minister', 'karel', 'dvořák', 'dvořák']);
  });

  it('never splits a word at a letter beyond Latin-1, and every token is the text at its offsets', () => {
    const letter = fc.constantFrom('a', 'K', 'n', 'é', 'Ø', 'ř', 'Ş', 'ğ', 'ł', 'Ł', 'ı', 'İ', 'Д', 'ж', 'Ω', 'ώ', 'ʻ', '𝐀', '𐐷', 'e\u0301');
    const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((letters) => letters.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const text = `The envoy ${words.join(' ')} said so.`;
        const { tokens } = analyse(text);
        for (const t of tokens) expect(text.slice(t.s, t.e)).toBe(t.value);
        expect(tokens.slice(2, 2 + words.length).map((t) => t.value)).toEqual(words);
      }),
    );
  });

  it('gives wink a stand-in of the same length, only its letters beyond Latin-1 changed, each to an ASCII letter of its case', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const standIn = latin1StandIn(text);
        expect(standIn).toHaveLength(text.length);
        let at = 0;
        for (const char of text) {
          const replaced = standIn.slice(at, at + char.length);
          if (/\p{L}/u.test(char) && char.codePointAt(0)! > 0xff) {
            expect(replaced).toMatch(/^[A-Za-z]+$/);
            expect(/^[A-Z]/.test(replaced)).toBe(/[\p{Lu}\p{Lt}]/u.test(char));
          } else expect(replaced).toBe(char);
          at += char.length;
        }
      }),
      { numRuns: 500 },
    );
    expect(latin1StandIn('Ştefan Dvořák, Łukasz, Дмитрий 𝐀 “ok” e\u0301')).toBe('Stefan Dvorák, Xukasz, Xxxxxxx Xx “ok” e\u0301');
  });
});
