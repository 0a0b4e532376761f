/**
 * Timing helpers and the table `npm run bench` prints. A row's figure is judged two ways:
 *
 * - by its ratio to a **baseline** measured in the same run on the same machine, close to the
 *   physical limit of the task (e.g. an export ÷ reading the same rows with bare better-sqlite3
 *   and writing the same bytes with one fs.writeSync). The ratio travels between machines; the
 *   ratio target is set so that it would still hold on a machine twice as slow.
 * - by an absolute target, printed beside it (what the analyst feels).
 *
 * A row passes when every target it has holds. Rows from any suite (backend or Chromium) use the
 * same shape: give `baseline` (same unit as `figure`) and `ratioTarget` for a ratio; leave them
 * out for a figure judged only by its absolute target, or `target: null` for information only.
 */

export interface BenchBaseline {
  /** The baseline's figure, in the row's unit, measured in the same run. */
  figure: number;
  /** What was measured, e.g. "bare SELECT + one fs.writeSync of the same bytes". */
  name: string;
}

export interface BenchRow {
  name: string;
  figure: number;
  unit: string;
  /** The absolute target (null: none), and whether smaller or larger is better. */
  target: number | null;
  better: 'lower' | 'higher';
  baseline?: BenchBaseline;
  /** The most (better: 'lower') or least (better: 'higher') figure ÷ baseline allowed. */
  ratioTarget?: number;
  note?: string;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** CPU time (user and system, every thread of this process) since `since`: on a busy machine, wall time also counts the waits. */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
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

/** figure ÷ baseline, or null when the row has no baseline. */
export function ratio(row: BenchRow): number | null {
  return row.baseline && row.baseline.figure > 0 ? row.figure / row.baseline.figure : null;
}

function within(value: number, limit: number, better: BenchRow['better']): boolean {
  return better === 'lower' ? value <= limit : value >= limit;
}

/** Whether every target the row has holds (null: the row has none, it is for information). */
export function meets(row: BenchRow): boolean | null {
  const checks: boolean[] = [];
  if (row.target !== null) checks.push(within(row.figure, row.target, row.better));
  const r = ratio(row);
  if (row.ratioTarget !== undefined) checks.push(r !== null && within(r, row.ratioTarget, row.better));
  return checks.length ? checks.every(Boolean) : null;
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function renderTable(rows: BenchRow[]): string {
  const header = ['benchmark', 'figure', 'baseline', 'ratio', 'ratio target', 'target', 'ok', 'note'];
  const sign = (row: BenchRow) => (row.better === 'lower' ? '≤' : '≥');
  const body = rows.map((row) => {
    const r = ratio(row);
    return [
      row.name,
      `${format(row.figure)} ${row.unit}`,
      row.baseline ? `${format(row.baseline.figure)} ${row.unit}` : '—',
      r === null ? '—' : `${format(r)}×`,
      row.ratioTarget === undefined ? '—' : `${sign(row)} ${format(row.ratioTarget)}×`,
      row.target === null ? '—' : `${sign(row)} ${format(row.target)} ${row.unit}`,
      { true: 'yes', false: 'NO', null: '' }[String(meets(row)) as 'true' | 'false' | 'null'],
      [row.baseline ? `baseline: ${row.baseline.name}` : '', row.note ?? ''].filter(Boolean).join('; '),
    ];
  });
  const widths = header.map((_, col) => Math.max(...[header, ...body].map((line) => line[col]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
