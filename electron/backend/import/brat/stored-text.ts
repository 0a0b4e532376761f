import { normaliseText } from '../../../../shared/text/normalise';

/** A file's text as Gainsay stores it, with the file's code point offsets carried over. */
export interface StoredText {
  text: string;
  points: string[];
  /** Where an offset into the file's text lands in the stored text; null inside a sequence NFC recomposed. */
  at(offset: number): number | null;
}

const MARK = /\p{M}/u;

/**
 * Normalises a file's text as every import does (normaliseText: NFC, LF, no control characters,
 * no spaces at line ends, no runs of blank lines, trimmed) and maps offsets into the file onto
 * the result, so annotations written against the file keep their words. NFC is applied a base
 * character and its marks at a time, so only offsets inside a recomposed sequence are lost; the
 * other steps only delete characters or turn one into \n, followed by a walk of both texts.
 * Null when the text is one this cannot follow (NFC joining across base characters, as Hangul jamo do).
 */
export function storedText(original: string): StoredText | null {
  const stored = normaliseText(original);
  const points = Array.from(stored);
  // Most files are stored as they are: no offset moves.
  if (stored === original) return { text: stored, points, at: (offset) => offset };
  const source = Array.from(original);
  /** File offset → offset in the NFC text. */
  const toNfc: Array<number | null> = new Array(source.length + 1);
  const nfc: string[] = [];
  /** Marks start at U+0300, and NFC changes nothing below it but what a mark follows. */
  const isMark = (k: number) => k < source.length && source[k]!.charCodeAt(0) >= 0x300 && MARK.test(source[k]!);
  for (let i = 0; i < source.length; ) {
    if (source[i]!.charCodeAt(0) < 0x300 && !isMark(i + 1)) {
      toNfc[i] = nfc.length;
      nfc.push(source[i++]!);
      continue;
    }
    let k = i + 1;
    while (isMark(k)) k++;
    const piece = Array.from(source.slice(i, k).join('').normalize('NFC'));
    const sameLength = piece.length === k - i;
    for (let x = i; x < k; x++) toNfc[x] = x === i || sameLength ? nfc.length + (x - i) : null;
    nfc.push(...piece);
    i = k;
  }
  toNfc[source.length] = nfc.length;
  if (nfc.join('') !== original.normalize('NFC')) return null;

  /** NFC offset → stored offset: every NFC character is kept (matched in order) or was deleted. */
  const toStored: number[] = new Array(nfc.length + 1);
  let j = 0;
  nfc.forEach((c, n) => {
    toStored[n] = j;
    const kept = points[j];
    if (kept !== undefined && (c === kept || (kept === '\n' && /[\r\u2028\u2029]/.test(c)))) j++;
  });
  toStored[nfc.length] = j;
  if (j !== points.length) return null;
  return {
    text: stored,
    points,
    at: (offset) => {
      const n = toNfc[offset];
      return n === null || n === undefined ? null : toStored[n]!;
    },
  };
}
