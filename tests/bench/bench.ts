/**
 * `npm run bench`: runs every benchmark suite and prints one table, each figure beside its target.
 * Each suite runs in a process of its own, so one suite's garbage and caches (the article suite
 * builds a 44 MB corpus) do not slow the next. `npm run bench -- NAME...` runs only those suites.
 * Exits non-zero only if a suite fails to run; a missed target is reported in the table.
 */
import { spawnSync } from 'node:child_process';
import type { ExportFormat } from '../../shared/export/formats';
import { renderTable, type BenchRow } from './harness';
import { annotationBench } from './suites/annotation';
import { annotationImportBench } from './suites/annotation-import';
import { candidatesBench } from './suites/candidates';
import { claimsBench } from './suites/claims';
import { exportBaselineInThisProcess, exportDigestInThisProcess, exportDigests, exportInThisProcess, exportsBench } from './suites/exports';
import { articlesBench, readingBench } from './suites/articles';
import { foundationBench } from './suites/foundation';
import { linksBench } from './suites/links';
import { suggestionsBench } from './suites/suggestions';

const SUITES: Array<[string, () => Promise<BenchRow[]>]> = [
  ['foundation', foundationBench],
  ['articles', articlesBench],
  ['reading', readingBench],
  ['annotation', annotationBench],
  ['claims', claimsBench],
  ['links', linksBench],
  ['exports', exportsBench],
  ['candidates', candidatesBench],
  ['suggestions', suggestionsBench],
  ['annotation-import', annotationImportBench],
];

const ROWS_MARK = 'GAINSAY-BENCH-ROWS ';

/** Runs one suite in this process and prints its rows for the parent. */
async function runSuite(name: string): Promise<void> {
  const suite = SUITES.find(([s]) => s === name);
  if (!suite) throw new Error(`unknown suite ${name}`);
  console.log(ROWS_MARK + JSON.stringify(await suite[1]()));
}

function suiteInChild(name: string): BenchRow[] {
  process.stderr.write(`running ${name}…\n`);
  const child = spawnSync(process.execPath, [__filename, '--suite', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 });
  const line = child.stdout.split('\n').find((l) => l.startsWith(ROWS_MARK));
  if (child.status !== 0 || !line) throw new Error(`the ${name} suite failed (exit ${child.status})`);
  return JSON.parse(line.slice(ROWS_MARK.length)) as BenchRow[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--suite') return runSuite(args[1]!);
  if (args[0] === '--export') return exportInThisProcess(args[1]!, args[2] as ExportFormat, args[3]!);
  if (args[0] === '--export-digest') return exportDigestInThisProcess(args[1]!, args[2] as ExportFormat, args[3]!);
  if (args[0] === '--export-digests') return exportDigests(args[1]!);
  if (args[0] === '--export-baseline') return exportBaselineInThisProcess(args[1]!, args[2] as ExportFormat, args[3]!, args[4]!);
  const unknown = args.filter((name) => !SUITES.some(([suite]) => suite === name));
  if (unknown.length) throw new Error(`unknown suite ${unknown.join(', ')}; the suites are ${SUITES.map(([s]) => s).join(', ')}`);
  const rows = SUITES.filter(([name]) => args.length === 0 || args.includes(name)).flatMap(([name]) => suiteInChild(name));
  console.log(renderTable(rows));
  console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
