/**
 * `npm run bench`: runs every benchmark suite and prints one table, each figure beside its target.
 * Exits non-zero only if a suite fails to run; a missed target is reported in the table.
 * `npm run bench -- NAME...` runs only the named suites.
 */
import { renderTable, type BenchRow } from './harness';
import { annotationBench } from './suites/annotation';
import { articlesBench, readingBench } from './suites/articles';
import { foundationBench } from './suites/foundation';

const SUITES: Array<[string, () => Promise<BenchRow[]>]> = [
  ['foundation', foundationBench],
  ['articles', articlesBench],
  ['reading', readingBench],
  ['annotation', annotationBench],
];

async function main(): Promise<void> {
  // `npm run bench -- reading articles` runs only the suites named.
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !SUITES.some(([suite]) => suite === name));
  if (unknown.length) throw new Error(`unknown suite ${unknown.join(', ')}; the suites are ${SUITES.map(([s]) => s).join(', ')}`);
  const rows: BenchRow[] = [];
  for (const [name, run] of SUITES) {
    if (only.length && !only.includes(name)) continue;
    process.stderr.write(`running ${name}…\n`);
    rows.push(...(await run()));
  }
  console.log(renderTable(rows));
  console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
