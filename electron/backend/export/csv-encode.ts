/** A CSV cell: text, a number, or nothing (an empty cell). */
export type Cell = string | number | null;

/** A cell must be quoted when it holds a quote, a comma or any line break (CR, LF). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * First characters that make a spreadsheet read a cell as a formula (and their full-width forms,
 * which some spreadsheets fold to them): such a text cell gets a leading ' (OWASP's advice).
 */
export const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** One cell as csvRows writes it. */
export function csvCell(value: Cell, raw: boolean): string {
  if (value === null) return '';
  // A number is written as it is: a negative number is not a formula.
  if (typeof value === 'number') return String(value);
  const text = !raw && value !== '' && FORMULA_START.has(value[0]!) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');

/** Something in values joined by commas that makes them more than their cells: a character to quote, or a cell that starts like a formula. */
const NOT_PLAIN = new RegExp(`["\\r\\n]|(?:^|,)[${[...FORMULA_START].map(escapeRegExp).join('')}]`);
const NOT_PLAIN_RAW = /["\r\n]/;

/**
 * Whether `joined`, `count` text values joined by commas, is already their cells as csvCells
 * writes them: no value holds a comma (there are count - 1 of them), a quote or a line break, and
 * unless `raw` none starts like a formula. Values joined elsewhere (by SQLite) are then written
 * as they are, with no string per value.
 */
export function plainCells(joined: string, count: number, raw: boolean): boolean {
  if ((raw ? NOT_PLAIN_RAW : NOT_PLAIN).test(joined)) return false;
  let commas = 0;
  for (let at = joined.indexOf(','); at !== -1; at = joined.indexOf(',', at + 1)) commas++;
  return commas === count - 1;
}

/** Cells joined as one row of csvRows writes them, without the row's end. */
export function csvCells(cells: Cell[], raw: boolean): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i ? ',' : '') + csvCell(cells[i]!, raw);
  return out;
}

/**
 * Rows as RFC 4180 CSV: fields separated by commas, each row ended by CRLF, a field holding a
 * quote, comma, CR or LF quoted with its quotes doubled (a bare LF or CR too, which Excel and most
 * readers take for a row end). Unless `raw`, a text cell starting with = + - @ TAB or CR (or their
 * full-width forms) gets a leading ': project files come from others, and a spreadsheet would run
 * such a cell as a formula. Byte for byte what csv-stringify writes with those options (a test
 * compares them); written here because csv-stringify's general machinery cost more than reading
 * the rows from SQLite.
 */
export function csvRows(rows: Cell[][], raw: boolean): string {
  let out = '';
  for (const row of rows) out += `${csvCells(row, raw)}\r\n`;
  return out;
}
