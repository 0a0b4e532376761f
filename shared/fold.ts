/**
 * Folding for matching names and search terms: case-, diacritic- and width-insensitive, with the
 * letters that Unicode decomposition leaves alone (ł, ø, ß, ı, ...) mapped by hand, and every kind
 * of space (including NBSP) collapsed to one ASCII space. Used to compare, never to store.
 */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  // Greek final sigma: lower-casing writes ς at the end of a word, σ elsewhere.
  ς: 'σ',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'gu');

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function fold(text: string): string {
  // Most text is plain ASCII, which has nothing to decompose or map: the same result, much sooner.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/ +/g, ' ').trim();
  // Decompose first, so letters like Ǽ reach the special-letter map as Æ.
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch)
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu, ' ')
    .trim();
}
