/**
 * `npm start`: the desktop window when an Electron runtime can be had, otherwise the same UI in
 * browser mode, with one plain line saying why.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultProjectPath } from '../backend/paths';
import { ensureElectronSqlite, failureSummary } from './electron-native';
import { parsePort, serveBrowserMode } from './serve';

const appRoot = path.resolve(__dirname, '..', '..');

/** The Electron executable, fetching the runtime on first start. Returns it, or why it can't. */
function electronExecutable(): { path: string } | { reason: string } {
  let electronDir: string;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json', { paths: [appRoot] }));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const executable = () => {
    const pathFile = path.join(electronDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const file = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(file) ? file : null;
  };
  const existing = executable();
  if (existing) return { path: existing };
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 5 * 60 * 1000,
  });
  const fetched = executable();
  if (install.status === 0 && fetched) return { path: fetched };
  return { reason: `its runtime could not be downloaded (${failureSummary(install.stderr || install.stdout)})` };
}

function electronVersion(): string {
  const pkg = require.resolve('electron/package.json', { paths: [appRoot] });
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      project: { type: 'string' },
      port: { type: 'string' },
      browser: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const project = path.resolve(values.project ?? defaultProjectPath());

  if (!values.browser) {
    const electron = electronExecutable();
    const reason = 'reason' in electron ? electron.reason : ensureElectronSqlite(appRoot, electronVersion());
    if (reason === null && 'path' in electron) {
      const child = spawn(electron.path, [appRoot, '--project', project], { stdio: 'inherit' });
      child.on('exit', (code) => process.exit(code ?? 1));
      return;
    }
    console.log(`The desktop window cannot start here: ${reason}. Serving Gainsay in your browser instead.`);
  }
  await serveBrowserMode(project, parsePort(values.port));
}

main().catch((error: unknown) => {
  console.error(`gainsay: ${(error as Error).message ?? String(error)}`);
  process.exitCode = 1;
});
