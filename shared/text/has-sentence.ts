/**
 * Whether a text holds at least one sentence-length run of words: what tells an article from a
 * page that is not one (a contact form's "Name Email", a navigation row, a lone ".").
 */

/**
 * The fewest words in a row that read as a sentence ("Sollen denied it."). Two are not enough: a
 * form's "Name Email" and a footer's "Danube Courier" have two.
 */
export const SENTENCE_WORDS = 3;

/**
 * A line break or navigation separator ("Home | World"), which ends a run of words, or a token
 * between spaces. Read lazily, so a long text with a sentence near its top is not read through.
 */
const TOKEN = /[\n|•·›]|[^\s|•·›]+/gu;
const BREAK = /^[\n|•·›]$/u;
const LETTER = /\p{L}/u;
/** Scripts written without spaces between words, whose words Intl.Segmenter finds. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

let segmenter: Intl.Segmenter | undefined;

/** Words with a letter in a token written without spaces, counted up to `enough`. */
function unspacedWords(token: string, enough: number): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let words = 0;
  for (const segment of segmenter.segment(token)) {
    if (segment.isWordLike && LETTER.test(segment.segment) && ++words >= enough) break;
  }
  return words;
}

export function hasSentence(text: string): boolean {
  let words = 0;
  for (const [token] of text.matchAll(TOKEN)) {
    if (BREAK.test(token)) words = 0;
    // Numbers and punctuation ("2026", "—") neither count nor break the run.
    else if (LETTER.test(token)) {
      words += UNSPACED.test(token) ? unspacedWords(token, SENTENCE_WORDS - words) : 1;
      if (words >= SENTENCE_WORDS) return true;
    }
  }
  return false;
}
