import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SENTENCE_WORDS, hasSentence } from '../../shared/text/has-sentence';

describe('hasSentence', () => {
  it('finds no sentence in what is not an article', () => {
    for (const text of ['', '.', '  \n.\n', 'Breaking.', 'Sollen denied.', 'Home\n\nName Email', 'Danube Courier\n12 Harbour Street\nListra', 'Contact Us | Danube Courier', 'Home | World | Politics | Opinion', '2026-04-02 07:15 — 12 / 40', 'Home • World · Region › Listra']) {
      expect(hasSentence(text), text).toBe(false);
    }
  });

  it('finds a sentence of three words or more, in spaced and unspaced scripts', () => {
    for (const text of [
      'Sollen denied it.',
      'Contact Us\n\nThe port authority said the crossing would reopen on Friday.',
      'Министр отверг сообщения о перемирии.',
      'LISTRA — 2 April — Sollen said so',
      '外交部发言人表示谈判将于下周恢复。',
      '報道官は交渉が来週再開されると述べた。',
      'โฆษกกล่าวว่าการเจรจาจะกลับมาในสัปดาห์หน้า',
    ]) {
      expect(hasSentence(text), text).toBe(true);
    }
  });

  const word = fc.stringMatching(/^[a-zà-öø-ÿ]{1,9}$/u);
  const gap = fc.constantFrom(' ', '  ', '\t', ' — ', ' 2026 ', ', ');

  it('any line of three words in a row is a sentence, wherever it stands', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: SENTENCE_WORDS, maxLength: 12 }), gap, fc.string(), fc.string(), (words, between, before, after) => {
        expect(hasSentence(`${before}\n${words.join(between)}\n${after}`)).toBe(true);
      }),
    );
  });

  it('lines and navigation rows of fewer words, and text without letters, are no sentence', () => {
    const short = fc.array(word, { minLength: 1, maxLength: SENTENCE_WORDS - 1 }).map((words) => words.join(' '));
    const separator = fc.constantFrom('\n', '\n\n', ' | ', ' • ', ' · ', ' › ');
    fc.assert(
      fc.property(fc.array(fc.tuple(short, separator), { maxLength: 10 }), (pieces) => {
        expect(hasSentence(pieces.map(([words, between]) => words + between).join(''))).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\n', '.', '1', '—', '|', '“', '😀') }), (text) => {
        expect(hasSentence(text)).toBe(false);
      }),
    );
  });
});
