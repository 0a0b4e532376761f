// Bundles the Node-side entry points (CLI, npm start, Electron main and preload, benchmarks) into
// dist/ as CommonJS. Native and host-provided modules stay external. The export thread's script
// goes beside each bundle that exports (electron/backend/jobs/export-job.ts finds it there).
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
  external: ['electron', 'better-sqlite3', 'playwright-core', '@playwright/test', 'pdfjs-dist', 'jsdom'],
};

await Promise.all([
  build({ ...common, entryPoints: { cli: 'electron/cli/cli.ts', start: 'electron/cli/start.ts', 'export-worker': 'electron/backend/jobs/export-worker.ts' }, outdir: 'dist/node', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { bench: 'tests/bench/bench.ts', 'eval-attribution': 'tests/bench/eval-attribution-main.ts' }, outdir: 'dist/node', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { main: 'electron/main/main.ts', preload: 'electron/preload/preload.ts', 'export-worker': 'electron/backend/jobs/export-worker.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
]);
