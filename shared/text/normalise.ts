/**
 * How imported text is stored: NFC, LF line endings, no NUL or other C0 controls but tab and
 * newline, no trailing blank lines, paragraphs separated by at most one blank line. Every other
 * character (curly quotes, NBSP, diacritics, emoji) is kept exactly, because claims are anchored
 * to it. Offsets count code points of this text.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\s+$/, '');
}
