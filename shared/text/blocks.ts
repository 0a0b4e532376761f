import { OffsetMap } from '../offsets';

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
 * separate paragraphs.
 */
export function textBlocks(text: string): TextBlock[] {
  const offsets = new OffsetMap(text);
  const blocks: TextBlock[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) blocks.push({ text: text.slice(start, end), start, startCp: offsets.toCodePoint(start) });
    start = end + 1;
  }
  return blocks;
}
