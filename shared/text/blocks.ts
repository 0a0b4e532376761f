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
 * A Markdown ATX heading's text without its marks: `# Talks resume #` reads `Talks resume`. Other
 * lines are returned as they are (`#hashtag` is no heading: the marks need a space after them).
 */
export function withoutHeadingMarks(line: string): string {
  const opening = /^ {0,3}#{1,6}[ \t]+/u.exec(line);
  if (!opening) return line;
  const text = line.slice(opening[0].length).trimEnd();
  // A closing run of marks counts only after a space (`# C#` keeps its `#`). Found by a loop, not
  // a regex, so no line (of the untrusted text) can make a match backtrack.
  let before = text.length;
  while (before > 0 && text[before - 1] === '#') before--;
  const closed = before < text.length && (before === 0 || text[before - 1] === ' ' || text[before - 1] === '\t');
  return closed ? text.slice(0, before).trimEnd() : text;
}

/**
 * Which block is the article's headline, i.e. the block among the first few that reads exactly as
 * its title (a Markdown heading's marks aside), or -1. The reading view shows that line as the
 * heading instead of repeating the title above the text; it stays in the stored text, annotatable
 * like any other line.
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
      const line = text.slice(start, end).trim();
      if (line === wanted || withoutHeadingMarks(line) === wanted) return block;
      block += 1;
    }
    start = end + 1;
  }
  return -1;
}
