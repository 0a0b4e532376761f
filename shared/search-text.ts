/**
 * The text the full-text index sees: the stored text with the letters that SQLite's unicode61
 * tokenizer does not fold (ł, ø, đ, ı, ß, ...) replaced one-for-one by their base letters. The
 * mapping keeps every UTF-16 unit in place, so a match position in the indexed copy is the same
 * position in the stored text.
 */
const ONE_FOR_ONE: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
  ß: 's',
  ẞ: 'S',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
};
const PATTERN = new RegExp(`[${Object.keys(ONE_FOR_ONE).join('')}]`, 'g');

export function searchText(text: string): string {
  return text.replace(PATTERN, (ch) => ONE_FOR_ONE[ch] ?? ch);
}
