import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The export thread's script is loaded at the start of every export, inside its timed window:
 * zod alone was ~85% of it (750 of 870 KB, ~30-45 ms to load). The thread only writes formats,
 * it checks none, so nothing it imports may reach zod (schemas live apart: project-json.ts,
 * brat-records-schema.ts, note-state.ts).
 */
describe('the export thread’s bundle', () => {
  it('does not include zod', async () => {
    const result = await build({
      entryPoints: ['electron/backend/jobs/export-worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['electron', 'better-sqlite3'],
      alias: { 'buffer-crc32': './electron/backend/export/native-crc32.cjs' },
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('export-project'))).toBe(true);
    expect(inputs.filter((input) => input.includes('node_modules/zod'))).toEqual([]);
  });
});
