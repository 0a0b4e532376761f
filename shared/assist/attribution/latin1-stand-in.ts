/**
 * wink-nlp's lite model knows letters up to Latin-1 only: it cuts "Dvořák" into "Dvo · ř · ák",
 * "Ştefan" into "Ş · tefan", and tags a Cyrillic or Greek word X (unknown). It is therefore given a
 * stand-in of the text in which every letter beyond Latin-1 is an ASCII letter of the same case
 * ("Dvorák", "Stefan", "Xxxxxxx"), of the same UTF-16 length, so that its offsets are the text's;
 * the tokens' values are then read from the text itself.
 */

/** A letter beyond U+00FF (one code point, one or two UTF-16 units). */
const BEYOND_LATIN1_LETTER = /(?=[^\0-\xff])\p{L}/gu;
const ASCII_LETTER = /^[A-Za-z]$/;
const UPPER = /^[\p{Lu}\p{Lt}]$/u;

/** An ASCII letter of the same case: the letter's base when it has one ("ř" → "r", "Ş" → "S"). */
function standIn(letter: string): string {
  const base = letter.normalize('NFD')[0]!;
  const first = ASCII_LETTER.test(base) ? base : UPPER.test(letter) ? 'X' : 'x';
  // A letter outside the BMP takes two units: the second becomes a lower-case letter of the same word.
  return letter.length === 2 ? `${first}x` : first;
}

/** The text with every letter beyond Latin-1 replaced by an ASCII letter; the same length in UTF-16 units. */
export function latin1StandIn(text: string): string {
  return text.replace(BEYOND_LATIN1_LETTER, standIn);
}
