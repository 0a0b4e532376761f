import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { exportProject } from '../../../electron/backend/export/export-project';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/formats';
import type { BenchRow } from '../harness';
import { buildLinkedProject } from '../linked-project';
import { tempDir } from '../../helpers/temp';

const EXPORT_MARK = 'GAINSAY-EXPORT ';

/**
 * One export in this process (run as a child of the suite, so its peak memory is its own):
 * prints the time taken and the process's peak resident memory.
 */
export async function exportInThisProcess(file: string, format: ExportFormat, out: string): Promise<void> {
  const backend = Backend.open(file);
  const before = process.memoryUsage().rss;
  const start = performance.now();
  await exportProject(backend.project.db, backend.project.name, format, out);
  const ms = performance.now() - start;
  backend.close();
  console.log(EXPORT_MARK + JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024, baseMb: before / 1024 / 1024 }));
}

function sizeOf(target: string): number {
  const stat = fs.statSync(target);
  if (stat.isFile()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

/**
 * The JSON export read back into a new project by the real CLI (`gainsay import`), timed from
 * the start of the process to its end.
 */
function importJsonRow(dir: string, exported: string): BenchRow {
  const file = path.join(dir, 'round-trip.json');
  fs.renameSync(exported, file);
  const start = performance.now();
  // The bench is bundled beside the CLI (dist/node).
  const child = spawnSync(process.execPath, [path.join(__dirname, 'cli.cjs'), 'import', '--project', path.join(dir, 'round-trip.gainsay'), file], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`gainsay import of the JSON export failed: ${child.stdout}${child.stderr}`);
  return { name: 'import the 100,000-claim JSON export into a new project', figure: seconds, unit: 's', target: null, better: 'lower', note: 'gainsay import, process start to end; one transaction' };
}

/** Every export format over a project of 100,000 claims and 20,000 links. */
export async function exportsBench(): Promise<BenchRow[]> {
  const temp = tempDir();
  try {
    const file = path.join(temp.dir, 'exports.gainsay');
    const backend = Backend.open(file);
    await buildLinkedProject(backend, 500, 100_000, 20_000);
    backend.close();
    const rows: BenchRow[] = [];
    for (const format of EXPORT_FORMATS) {
      const out = path.join(temp.dir, `out-${format}${format === 'report' ? '.html' : ''}`);
      const child = spawnSync(process.execPath, [process.argv[1]!, '--export', file, format, out], { encoding: 'utf8', maxBuffer: 8 * 1024 * 1024 });
      const line = child.stdout.split('\n').find((l) => l.startsWith(EXPORT_MARK));
      if (child.status !== 0 || !line) throw new Error(`export to ${format} failed: ${child.stderr}`);
      const { ms, peakMb, baseMb } = JSON.parse(line.slice(EXPORT_MARK.length)) as { ms: number; peakMb: number; baseMb: number };
      const written = format === 'report' ? sizeOf(out) + sizeOf(out.replace(/\.html$/, '.md')) : sizeOf(out);
      rows.push({
        name: `export 100,000 claims as ${format}`,
        figure: ms / 1000,
        unit: 's',
        target: 3,
        better: 'lower',
        note: `peak memory ${peakMb.toFixed(0)} MB (${baseMb.toFixed(0)} MB before); ${(written / 1024 / 1024).toFixed(0)} MB written`,
      });
    }
    rows.push(importJsonRow(temp.dir, path.join(temp.dir, 'out-json')));
    return rows;
  } finally {
    temp.remove();
  }
}
