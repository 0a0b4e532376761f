import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Backend } from '../../../electron/backend/backend';
import { quoteIdentifier } from '../../../electron/backend/db/app-schema';
import { commandLineHost, runJob } from '../../../electron/cli/run-job';
import { exportProject } from '../../../electron/backend/export/export-project';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/formats';
import { cpuMsSince, type BenchRow } from '../harness';
import { buildLinkedProject } from '../linked-project';
import { tempDir } from '../../helpers/temp';

const EXPORT_MARK = 'GAINSAY-EXPORT ';

const BASELINE_MARK = 'GAINSAY-EXPORT-BASELINE ';

/** Every table an export reads from. */
const TABLES = ['articles', 'actors', 'actor_aliases', 'tags', 'highlights', 'claims', 'claim_tags', 'links'];

/** The files an export wrote (a folder's, or the report's two), by name. */
function writtenFiles(out: string, format: ExportFormat): string[] {
  if (format === 'report') return [out, out.replace(/\.html$/, '.md')];
  return fs.statSync(out).isDirectory() ? fs.readdirSync(out).map((n) => path.join(out, n)) : [out];
}

/** Every table the project file holds, for its copy: the virtual ones' rows are in their shadow tables. */
function allTables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").pluck().all() as string[];
}

/**
 * The physical limit of an export, in a process of its own as the export is: every row of the
 * tables it reads (for the project file copy, of every table in the file), read with bare
 * better-sqlite3 statements, and the same bytes the export wrote (the compacted copy's, for the
 * copy) written with one fs.writeSync; for JSON formats, JSON.stringify of the rows read is
 * written instead. A folder export's files (CSV's 4, brat's .txt and .ann per article) are
 * written as the same files in a folder, one writeSync each: creating a file costs the same
 * whoever writes it (1,000 files of 50 KB took ~200 ms here, one file of their 50 MB ~30-80 ms).
 */
export function exportBaselineInThisProcess(file: string, format: ExportFormat, out: string, target: string): void {
  const files = writtenFiles(out, format).map((name) => ({ name: path.basename(name), bytes: fs.readFileSync(name) }));
  const folder = fs.statSync(out).isDirectory();
  const whole = folder ? null : Buffer.concat(files.map((f) => f.bytes));
  if (folder) fs.mkdirSync(target);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const db = new Database(file, { readonly: true });
  const json = format === 'json' || format === 'w3c';
  const rows = (format === 'sqlite' ? allTables(db) : TABLES).map((table) => {
    const select = db.prepare(`SELECT * FROM ${quoteIdentifier(table)}`);
    return json ? select.all() : select.raw().all();
  });
  db.close();
  const writeOne = (name: string, bytes: string | Buffer) => {
    const fd = fs.openSync(name, 'w');
    if (typeof bytes === 'string') fs.writeSync(fd, bytes);
    else fs.writeSync(fd, bytes);
    fs.closeSync(fd);
  };
  if (json) writeOne(target, JSON.stringify(rows));
  else if (whole) writeOne(target, whole);
  else for (const { name, bytes } of files) writeOne(path.join(target, name), bytes);
  const ms = performance.now() - start;
  console.log(BASELINE_MARK + JSON.stringify({ ms, cpuMs: cpuMsSince(cpu) }));
}

/**
 * One export in this process (run as a child of the suite, so its peak memory is its own), as
 * every host runs it: `exports.start` through the contract, which brings the project file up to
 * date and exports it in a thread of its own that reads it (jobs/export-job.ts), to the job's end. Prints the time
 * taken, the CPU time of every thread, and the process's peak resident memory.
 */
export async function exportInThisProcess(file: string, format: ExportFormat, out: string): Promise<void> {
  const backend = Backend.open(file);
  const before = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const job = await runJob(backend, 'exports.start', { format }, commandLineHost({ out }));
  if (job.state !== 'done') throw new Error(`the ${format} export ${job.state}: ${job.message}`);
  const ms = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  backend.close();
  console.log(EXPORT_MARK + JSON.stringify({ ms, cpuMs, peakMb: process.resourceUsage().maxRSS / 1024, baseMb: before / 1024 / 1024 }));
}

const DIGEST_MARK = 'GAINSAY-EXPORT-DIGEST ';

/**
 * One export in this process with its date and its random GUIDs (REFI-QDA's) pinned, printing a
 * SHA-256 of what it wrote: a zip's entries unzipped (its entries' times are the clock's), a
 * folder's files by name. Two builds' digests over one project file say whether a change to an
 * exporter kept every byte.
 */
export async function exportDigestInThisProcess(file: string, format: ExportFormat, out: string): Promise<void> {
  let guids = 0;
  (crypto as { randomUUID: () => string }).randomUUID = () => `00000000-0000-4000-8000-${String(++guids).padStart(12, '0')}`;
  Date.prototype.toISOString = () => '2026-03-31T12:00:00.000Z';
  const backend = Backend.open(file);
  await exportProject(backend.project.db, backend.project.name, format, out);
  backend.close();
  const hash = crypto.createHash('sha256');
  if (format === 'refi') hash.update(spawnSync('unzip', ['-p', out], { maxBuffer: 1 << 30 }).stdout);
  else if (format === 'sqlite') hash.update(fs.readFileSync(out));
  else {
    const files = format === 'report' ? [out, out.replace(/\.html$/, '.md')] : fs.statSync(out).isDirectory() ? fs.readdirSync(out).sort().map((n) => path.join(out, n)) : [out];
    for (const f of files) hash.update(`${path.basename(f)}\0`).update(fs.readFileSync(f));
  }
  removeExport(out, format);
  console.log(DIGEST_MARK + JSON.stringify(hash.digest('hex')));
}

/**
 * `bench.cjs --export-digests DIR`: every format's digest over the bench's project, built in DIR
 * the first time (later runs, and other builds, reuse it).
 */
export async function exportDigests(dir: string): Promise<void> {
  const file = path.join(dir, 'exports.gainsay');
  if (!fs.existsSync(file)) {
    const backend = Backend.open(file);
    await buildLinkedProject(backend, 500, 100_000, 20_000);
    backend.close();
  }
  for (const format of EXPORT_FORMATS) {
    const out = path.join(dir, `digest-${format}${format === 'report' ? '.html' : ''}`);
    removeExport(out, format);
    console.log(`${format}\t${child<string>(['--export-digest', file, format, out], DIGEST_MARK, `the ${format} digest`)}`);
  }
}

/** Removes what an export to `out` wrote (a folder export refuses a folder that is not empty). */
function removeExport(out: string, format: ExportFormat): void {
  fs.rmSync(out, { recursive: true, force: true });
  if (format === 'report') fs.rmSync(out.replace(/\.html$/, '.md'), { force: true });
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

/** Runs of each export and of its baseline, interleaved; the median of each is reported. */
const REPEATS = 3;

/** Runs this bench's own script in a child process and returns the JSON after `mark` on its output. */
function child<T>(args: string[], mark: string, what: string): T {
  const run = spawnSync(process.execPath, [process.argv[1]!, ...args], { encoding: 'utf8', maxBuffer: 8 * 1024 * 1024 });
  const line = run.stdout.split('\n').find((l) => l.startsWith(mark));
  if (run.status !== 0 || !line) throw new Error(`${what} failed: ${run.stderr}`);
  return JSON.parse(line.slice(mark.length)) as T;
}

interface ExportRun {
  ms: number;
  cpuMs: number;
  peakMb: number;
  baseMb: number;
}

/** The run whose time is the median (the lower middle one). */
function medianRun<T extends { ms: number }>(runs: T[]): T {
  return [...runs].sort((x, y) => x.ms - y.ms)[Math.floor((runs.length - 1) / 2)]!;
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
      const runs: ExportRun[] = [];
      const baselines: Array<{ ms: number; cpuMs: number }> = [];
      let written = 0;
      // Interleaved, so that a busy moment of the machine falls on both alike; the last run's files are kept.
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        if (repeat) removeExport(out, format);
        runs.push(child<ExportRun>(['--export', file, format, out], EXPORT_MARK, `export to ${format}`));
        written = format === 'report' ? sizeOf(out) + sizeOf(out.replace(/\.html$/, '.md')) : sizeOf(out);
        baselines.push(child(['--export-baseline', file, format, out, path.join(temp.dir, 'baseline.out')], BASELINE_MARK, `the ${format} baseline`));
        fs.rmSync(path.join(temp.dir, 'baseline.out'), { recursive: true });
      }
      const { ms, cpuMs, peakMb, baseMb } = medianRun(runs);
      const baseline = medianRun(baselines);
      rows.push({
        name: `export 100,000 claims as ${format}`,
        figure: ms / 1000,
        unit: 's',
        // 3 s with 30% to spare; and at most 1.5× reading the rows and writing the bytes.
        target: 2.1,
        better: 'lower',
        baseline: { figure: baseline.ms / 1000, name: `bare read of its tables + one writeSync of its bytes${fs.statSync(out).isDirectory() ? ' (of each of its files: the export is a folder)' : ''}` },
        ratioTarget: 1.5,
        note: `exports.start to the job's end (checkpoint, export thread reading the file); median of ${REPEATS}, interleaved with the baseline's; CPU ${(cpuMs / 1000).toFixed(2)} s (baseline ${(baseline.cpuMs / 1000).toFixed(2)} s); peak memory ${peakMb.toFixed(0)} MB (${baseMb.toFixed(0)} MB before); ${(written / 1024 / 1024).toFixed(0)} MB written`,
      });
    }
    rows.push(importJsonRow(temp.dir, path.join(temp.dir, 'out-json')));
    return rows;
  } finally {
    temp.remove();
  }
}
