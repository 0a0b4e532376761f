// Bundles the Node-side entry points (CLI, npm start, Electron main and preload, benchmarks) into
// dist/ as CommonJS. Native and host-provided modules stay external.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'playwright-core', '@playwright/test', 'pdfjs-dist', 'jsdom'],
};

// Background suggesting's worker thread, beside each host's entry point that starts it
// (SUGGEST_WORKER_FILE in electron/backend/features/suggestions/extractor-thread.ts).
const SUGGEST_WORKER = { 'suggest-worker': 'electron/backend/features/suggestions/worker.ts' };

await Promise.all([
  build({ ...common, entryPoints: { cli: 'electron/cli/cli.ts', start: 'electron/cli/start.ts', ...SUGGEST_WORKER }, outdir: 'dist/node', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { bench: 'tests/bench/bench.ts', 'eval-attribution': 'tests/bench/eval-attribution-main.ts' }, outdir: 'dist/node', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { main: 'electron/main/main.ts', preload: 'electron/preload/preload.ts', ...SUGGEST_WORKER }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
]);
