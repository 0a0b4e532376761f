/** Timing helpers and the table `npm run bench` prints: each figure beside its target. */

export interface BenchRow {
  name: string;
  figure: number;
  unit: string;
  /** The target (null: a figure reported for information), and whether smaller or larger is better. */
  target: number | null;
  better: 'lower' | 'higher';
  note?: string;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `fn` `iterations` times (after a few warm-up runs) and returns each duration in ms. */
export function sample(iterations: number, fn: (i: number) => void, warmup = 5): number[] {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function sampleAsync(iterations: number, fn: (i: number) => Promise<void>, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function meets(row: BenchRow): boolean | null {
  if (row.target === null) return null;
  return row.better === 'lower' ? row.figure <= row.target : row.figure >= row.target;
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function renderTable(rows: BenchRow[]): string {
  const header = ['benchmark', 'figure', 'target', 'ok', 'note'];
  const body = rows.map((row) => [
    row.name,
    `${format(row.figure)} ${row.unit}`,
    row.target === null ? '—' : `${row.better === 'lower' ? '≤' : '≥'} ${format(row.target)} ${row.unit}`,
    { true: 'yes', false: 'NO', null: '' }[String(meets(row)) as 'true' | 'false' | 'null'],
    row.note ?? '',
  ]);
  const widths = header.map((_, col) => Math.max(...[header, ...body].map((line) => line[col]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
