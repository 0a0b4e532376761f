import { ENGLISH_FUNCTION_WORDS } from './lexicon';

/** Words looked at to decide the language; enough for a verdict, and bounded work for huge texts. */
const SAMPLE_WORDS = 4000;

/**
 * Why the extractor will not read this text, or null if it looks like English prose: most of its
 * letters are Latin and common English function words make up a fair share of its words.
 */
export function whyNotEnglish(text: string): string | null {
  let words = 0;
  let latin = 0;
  let common = 0;
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const word = match[0];
    words++;
    if (/^[\p{Script=Latin}]+$/u.test(word)) latin++;
    if (ENGLISH_FUNCTION_WORDS.has(word.toLowerCase())) common++;
    if (words >= SAMPLE_WORDS) break;
  }
  if (words < 3) return 'The text has too few words to find reported speech in.';
  if (latin / words < 0.6) return 'The text is not in English (most words are not in Latin script); suggestions are made for English only.';
  if (common / words < 0.12) return 'The text does not read as English (too few common English words); suggestions are made for English only.';
  return null;
}
