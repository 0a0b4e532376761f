/**
 * The one folding of text for matching: names, quotes, rationales, tags, outlets and articles are
 * all compared in this form. Case-, diacritic- and width-insensitive (NFKD, combining marks
 * dropped, lower case), with the letters that Unicode decomposition leaves alone mapped by hand
 * (ß→ss, æ→ae, œ→oe, þ→th, ø→o, ł→l, đ→d, ı→i, …). Used to compare and to build search keys,
 * never to store text.
 *
 * FOLD_VERSION names this mapping: search keys stored in a project record the version that made
 * them, and are made again when it changes (electron/backend/db/search-keys.ts).
 */
export const FOLD_VERSION = 2;

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
  ħ: 'h',
  Ħ: 'h',
  ŧ: 't',
  Ŧ: 't',
  ı: 'i',
  // Greek final sigma: lower-casing writes ς at the end of a word, σ elsewhere.
  ς: 'σ',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'gu');

/** Every kind of space, NBSP and the narrow ones included. */
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu;

function foldLetters(text: string): string {
  // Decompose first, so letters like Ǽ reach the special-letter map as Æ.
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Folded text with every run of spaces as one ASCII space, trimmed: for names and whole strings. */
export function fold(text: string): string {
  // Most text is plain ASCII, which has nothing to decompose or map: the same result, much sooner.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/ +/g, ' ').trim();
  return foldLetters(text).replace(SPACES, ' ').trim();
}

const foldedChars = new Map<string, string>();
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
// eslint-disable-next-line no-control-regex
const NON_ASCII_CHARS = /[^\u0000-\u007f]/gu;

function foldChar(ch: string): string {
  let result = foldedChars.get(ch);
  if (result === undefined) foldedChars.set(ch, (result = foldLetters(ch)));
  return result;
}

export interface FoldedText {
  folded: string;
  /**
   * For each UTF-16 unit of `folded` (and one past its end), where in the original text the
   * character it came from starts; null when the two line up unit for unit.
   */
  source: Int32Array | null;
}

/**
 * Folds text one character at a time, keeping where each folded unit came from, so a match
 * found in the folded text can be shown in the original (ß→ss makes the folded text longer, a
 * dropped accent shorter). ASCII text takes the fast path.
 */
export function foldMapped(text: string): FoldedText {
  return foldEach(text, true);
}

/** The same folded text as foldMapped, without the map (for the full-text index's copy). */
export function foldEachChar(text: string): string {
  return foldEach(text, false).folded;
}

/** Folded pieces are joined in blocks, so a long text never makes one array entry per character. */
const BLOCK = 4096;

function foldEach(text: string, mapped: boolean): FoldedText {
  if (!NON_ASCII.test(text)) return { folded: text.toLowerCase(), source: null };
  const blocks: string[] = [];
  let parts: string[] = [];
  const push = (piece: string) => {
    parts.push(piece);
    if (parts.length === BLOCK) {
      blocks.push(parts.join(''));
      parts = [];
    }
  };
  let source = new Int32Array(mapped ? text.length + 16 : 0);
  let length = 0;
  /** Records that the next `count` folded units came from `from`, `from + step`, … */
  const map = (from: number, count: number, step: number) => {
    if (!mapped) return;
    if (length + count + 1 > source.length) {
      const grown = new Int32Array(Math.max(source.length * 2, length + count + 1));
      grown.set(source);
      source = grown;
    }
    for (let k = 0; k < count; k++) source[length++] = from + k * step;
  };
  let last = 0;
  for (const match of text.matchAll(NON_ASCII_CHARS)) {
    const at = match.index;
    if (at > last) {
      push(text.slice(last, at).toLowerCase());
      map(last, at - last, 1);
    }
    const folded = foldChar(match[0]);
    push(folded);
    map(at, folded.length, 0);
    last = at + match[0].length;
  }
  if (last < text.length) {
    push(text.slice(last).toLowerCase());
    map(last, text.length - last, 1);
  }
  map(text.length, 1, 0);
  blocks.push(parts.join(''));
  return { folded: blocks.join(''), source: mapped ? source.subarray(0, length) : null };
}
