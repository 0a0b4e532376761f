/**
 * How imported text is stored: NFC, LF line endings, no NUL or other C0 controls but tab and
 * newline, no trailing blank lines, paragraphs separated by at most one blank line. Every other
 * character (curly quotes, NBSP, diacritics, emoji) is kept exactly, because claims are anchored
 * to it. Offsets count code points of this text.
 */
export function normaliseText(raw: string): string {
  const text = withoutTrailingBlanks(
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029]/g, '\n')
      .normalize('NFC')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''),
  );
  // trimEnd removes what /\s+$/ matches (white space and line terminators), without a regex
  // attempt at every space of the text.
  return text.replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd();
}

/**
 * normaliseText(text) for a text that normaliseText returned, without a second pass where it
 * would change nothing. One pass leaves work for a second only in two cases: a control character
 * it removed stood between a letter and its accent (NFC ran before the removal, so the two may
 * now compose), or a byte-order mark stood after leading blank lines and now starts the text.
 */
export function normaliseNormalised(text: string): string {
  return text.charCodeAt(0) !== 0xfeff && text.normalize('NFC') === text ? text : normaliseText(text);
}

const SPACE = 0x20;
const TAB = 0x09;

/** Every line without the spaces and tabs it ends with: /[ \t]+$/gm, one look per line. */
function withoutTrailingBlanks(text: string): string {
  let kept = '';
  let copiedTo = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let end = lineEnd;
    while (end > lineStart && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
    if (end < lineEnd) {
      kept += text.slice(copiedTo, end);
      copiedTo = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
  return copiedTo === 0 ? text : kept + text.slice(copiedTo);
}
