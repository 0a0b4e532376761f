import { OffsetMap } from '../offsets';

/** One line of stored text as the reading view shows it: a paragraph. */
export interface TextBlock {
  text: string;
  /** UTF-16 index of the block's first character in the stored text. */
  start: number;
  /** The same position in code points. */
  startCp: number;
  /** Where the block ends (exclusive), in code points. */
  endCp: number;
}

/**
 * The paragraphs of a stored text: every non-empty line, with where it starts and ends. Blank
 * lines only separate paragraphs. `offsets` may be passed when the caller keeps one for the text.
 */
export function textBlocks(text: string, offsets = new OffsetMap(text)): TextBlock[] {
  const blocks: TextBlock[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) blocks.push({ text: text.slice(start, end), start, startCp: offsets.toCodePoint(start), endCp: offsets.toCodePoint(end) });
    start = end + 1;
  }
  return blocks;
}

/** How far down the text a headline is looked for: site chrome may leave an outlet line above it. */
const HEADLINE_WITHIN = 5;

/**
 * Which block is the article's headline, i.e. the block among the first few that reads exactly as
 * its title, or -1. The reading view shows that line as the heading instead of repeating the
 * title above the text; it stays in the stored text, annotatable like any other line.
 */
export function headlineBlock(text: string, title: string): number {
  const wanted = title.trim();
  if (!wanted) return -1;
  let block = 0;
  let start = 0;
  while (block < HEADLINE_WITHIN && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      if (text.slice(start, end).trim() === wanted) return block;
      block += 1;
    }
    start = end + 1;
  }
  return -1;
}
