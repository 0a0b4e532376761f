/** A CSV cell: text, a number, or nothing (an empty cell). */
export type Cell = string | number | null;

/** A cell must be quoted when it holds a quote, a comma or any line break (CR, LF). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * First characters that make a spreadsheet read a cell as a formula (and their full-width forms,
 * which some spreadsheets fold to them): such a text cell gets a leading ' (OWASP's advice).
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

function cell(value: Cell, escapeFormulas: boolean): string {
  if (value === null) return '';
  // A number is written as it is: a negative number is not a formula.
  if (typeof value === 'number') return String(value);
  const text = escapeFormulas && value !== '' && FORMULA_START.has(value[0]!) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
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
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i ? ',' : '') + cell(row[i]!, !raw);
    out += '\r\n';
  }
  return out;
}
