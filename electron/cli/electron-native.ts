import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Builds better-sqlite3 for Electron's ABI into `.electron-native/<electron version>/`, apart from
 * the Node build in node_modules that tests, the CLI and browser mode use. Done once per Electron
 * version, on the first desktop start; needs Electron's headers, so it needs the network.
 * Returns null on success or the reason it failed.
 */
export function ensureElectronSqlite(appRoot: string, electronVersion: string): string | null {
  const target = path.join(appRoot, '.electron-native', electronVersion, 'better_sqlite3.node');
  if (fs.existsSync(target)) return null;
  const nodeGyp = process.env.npm_config_node_gyp;
  if (!nodeGyp) return 'node-gyp was not found (start Gainsay with `npm start`)';

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gainsay-sqlite-'));
  try {
    const source = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [appRoot] }));
    fs.cpSync(source, work, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) });
    // npm may point node-gyp at Node's own headers; Electron's must be used instead.
    const env = { ...process.env };
    delete env.npm_config_nodedir;
    const result = spawnSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      { cwd: work, env, encoding: 'utf8', timeout: 10 * 60 * 1000 },
    );
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !fs.existsSync(built)) {
      return `better-sqlite3 could not be built for Electron ${electronVersion}: ${failureSummary(result.stderr)}`;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    return null;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The telling line of a failed tool's output: its last error message, never a stack frame. */
export function failureSummary(text: string | null | undefined): string {
  const lines = (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const errors = lines.filter((line) => /error/i.test(line));
  return errors[errors.length - 1] ?? lines[lines.length - 1] ?? 'no output';
}
