/**
 * `npm run bench`: runs every benchmark suite and prints one table, each figure beside its target.
 * Exits non-zero only if a suite fails to run; a missed target is reported in the table.
 */
import { renderTable, type BenchRow } from './harness';
import { foundationBench } from './suites/foundation';

const SUITES: Array<[string, () => Promise<BenchRow[]>]> = [['foundation', foundationBench]];

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const [name, run] of SUITES) {
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
