/**
 * Whether [start, end) is a non-empty span inside a text of `length` code points. Offsets read
 * from a project file may be anything SQLite stores: negative, reversed, past the end, or beyond
 * what a JavaScript number holds exactly; such a span is drawn nowhere and needs attention.
 */
export function spanWithin(start: number, end: number, length: number): boolean {
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start < end && end <= length;
}
