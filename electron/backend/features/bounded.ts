/**
 * A project file may carry strings of any size (a 20 MB title, a 50 MB quote), and lists read
 * many rows: list and search queries read at most a bounded prefix of each string, in SQL, so a
 * huge value is never handed to JavaScript, and cut it to its bound with an ellipsis.
 */

/** Longest date or date-time string read (a file may hold anything in a date column). */
export const MAX_DATE = 40;

/** SQL for at most `max` characters of a column, with one to spare to tell whether it was longer. */
export const upTo = (column: string, max: number): string => `substr(${column}, 1, ${max + 1})`;

/** A value read with `upTo`, cut to `max` code points ending in "…" when it was longer. */
export function clipped(value: string, max: number): string;
export function clipped(value: string | null, max: number): string | null;
export function clipped(value: string | null, max: number): string | null {
  // Quick check in UTF-16 units: a string no longer than `max` units has at most `max` code points.
  if (value === null || value.length <= max) return value;
  const points = Array.from(value);
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : value;
}
