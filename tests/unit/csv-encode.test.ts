import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvCells, csvRows, plainCells, type Cell } from '../../electron/backend/export/csv-encode';

// Strings rich in what CSV and spreadsheets treat specially.
const special = fc.constantFrom('"', ',', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', "'", ' ', 'a', 'é', '😀', '\u2028');
const text = fc.oneof(fc.string(), fc.array(special, { maxLength: 8 }).map((parts) => parts.join('')));
const cellValue: fc.Arbitrary<Cell> = fc.oneof(text, fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constant(null), fc.constant(''));

describe('CSV rows', () => {
  it('are byte for byte what csv-stringify writes with the export options, formulas escaped or raw (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellValue, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (rows, raw) => {
        // Rows of one file have the same number of cells.
        const width = rows[0]!.length;
        const even = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
        const expected = stringify(even, { record_delimiter: 'windows', quoted_match: /[\r\n]/, escape_formulas: !raw });
        expect(csvRows(even, raw)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes line breaks and quotes, and marks formulas', () => {
    expect(csvRows([['=SUM(A1)', -3, null, 'a "b"', 'x\ny', '-5']], false)).toBe(`'=SUM(A1),-3,,"a ""b""","x\ny",'-5\r\n`);
    expect(csvRows([['=SUM(A1)', '-5']], true)).toBe('=SUM(A1),-5\r\n');
  });
});

describe('Values joined by commas', () => {
  it('are taken for their cells only when they are exactly what csvCells writes (property)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.boolean(), (values, raw) => {
        const joined = values.join(',');
        const cells = csvCells(values, raw);
        if (plainCells(joined, values.length, raw)) expect(joined).toBe(cells);
        // Without a comma inside a value, the commas are the separators: every joined text that is its cells is taken.
        if (!values.some((v) => v.includes(','))) expect(plainCells(joined, values.length, raw)).toBe(joined === cells);
      }),
      { numRuns: 3000 },
    );
  });

  it('are not taken when a value holds a comma, though the text has no quote', () => {
    expect(plainCells('a,b,c', 2, false)).toBe(false);
    expect(plainCells('a,b', 2, false)).toBe(true);
    expect(plainCells('a,=b', 2, false)).toBe(false);
    expect(plainCells('a,=b', 2, true)).toBe(true);
  });
});
