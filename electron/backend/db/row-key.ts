/**
 * A rowid as JavaScript can hold it. Numbers hold integers exactly only up to 2^53, and a project
 * file written by another program may use any 64-bit rowid: read as a number it would be rounded
 * (two rows one key, a lookup finding the wrong row). Beyond that it is read as its decimal text,
 * which SQLite, handed it back, compares with a rowid as the integer it spells.
 */
export type RowKey = number | string;

/** SQL reading the rowid `column` as a RowKey. */
export const rowKey = (column: string) =>
  `CASE WHEN ${column} BETWEEN ${-Number.MAX_SAFE_INTEGER} AND ${Number.MAX_SAFE_INTEGER} THEN ${column} ELSE CAST(${column} AS TEXT) END`;
