// Bundles the Node-side entry points (CLI, npm start, Electron main and preload, benchmarks) into
// dist/ as CommonJS. Native and host-provided modules stay external.
import fs from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Sources that find their files through import.meta when run as ES modules use __dirname first in a bundle.
  logOverride: { 'empty-import-meta': 'silent' },
  // xmllint-wasm starts its worker and finds its .wasm beside its own files.
  external: ['electron', 'better-sqlite3', 'playwright-core', '@playwright/test', 'pdfjs-dist', 'jsdom', 'xmllint-wasm'],
  // yazl checksums every byte it zips with buffer-crc32, in JavaScript: Node's own crc32 is ~5x faster.
  alias: { 'buffer-crc32': './electron/backend/export/native-crc32.cjs' },
};

// Worker threads' scripts, beside each host's entry point that starts them: background suggesting
// (SUGGEST_WORKER_FILE in electron/backend/features/suggestions/extractor-thread.ts) and exports
// (electron/backend/jobs/export-job.ts).
const WORKERS = {
  'suggest-worker': 'electron/backend/features/suggestions/worker.ts',
  'export-worker': 'electron/backend/jobs/export-worker.ts',
};

await Promise.all([
  build({ ...common, entryPoints: { cli: 'electron/cli/cli.ts', start: 'electron/cli/start.ts', ...WORKERS }, outdir: 'dist/node', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { bench: 'tests/bench/bench.ts', 'eval-attribution': 'tests/bench/eval-attribution-main.ts' }, outdir: 'dist/node', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { main: 'electron/main/main.ts', preload: 'electron/preload/preload.ts', ...WORKERS }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
]);

// The REFI-QDA project schema a .qdpx is validated against at import (electron/backend/import/refi/qde-schema.ts), beside each bundle.
for (const out of ['dist/node', 'dist/electron']) fs.copyFileSync('electron/backend/import/refi/Project-mrt2019.xsd', `${out}/Project-mrt2019.xsd`);
