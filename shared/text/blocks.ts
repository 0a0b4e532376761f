import { utf16ToCodePoint } from '../offsets';

/** One line of stored text as the reading view shows it: a paragraph. */
export interface TextBlock {
  text: string;
  /** UTF-16 index of the block's first character in the stored text. */
  start: number;
  /** The same position in code points. */
  startCp: number;
}

/**
 * The paragraphs of a stored text: every non-empty line, with where it starts. Blank lines only
 * separate paragraphs. Code point starts are computed incrementally (one pass over the text).
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let start = 0;
  let startCp = 0;
  let previous = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      startCp += utf16ToCodePoint(text.slice(previous, start), start - previous);
      previous = start;
      blocks.push({ text: text.slice(start, end), start, startCp });
    }
    start = end + 1;
  }
  return blocks;
}
