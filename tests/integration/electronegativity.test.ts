import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const SCANNER = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

/**
 * Runs Electronegativity over a folder and returns its findings. The check for newer Electron
 * releases needs the network and is left out; `got` is refused (tests download nothing).
 */
function scan(input: string, out: string): Array<Record<string, string>> {
  const result = spawnSync(process.execPath, ['--require', path.join(ROOT, 'tests', 'helpers', 'no-network.cjs'), SCANNER, '-i', input, '-e', '45.4.1', '-r', '-v', 'false', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return parse(fs.readFileSync(out, 'utf8'), { columns: true, trim: true }) as Array<Record<string, string>>;
}

describe('Electronegativity over the desktop shell', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('finds nothing of high or medium severity in electron/ (suppressions are justified in the code)', () => {
    const findings = scan(path.join(ROOT, 'electron'), path.join(temp.dir, 'shell.csv'));
    expect(findings.filter((f) => ['HIGH', 'MEDIUM'].includes(f.severity!)).map((f) => `${f.issue} ${f.filename}:${f.location}`)).toEqual([]);
  }, 150_000);

  it('does flag an insecure window (the scan can fail)', () => {
    const findings = scan(path.join(ROOT, 'tests', 'fixtures', 'electron-insecure'), path.join(temp.dir, 'insecure.csv'));
    expect(findings.map((f) => f.issue)).toEqual(expect.arrayContaining(['SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']));
    expect(findings.some((f) => ['HIGH', 'MEDIUM'].includes(f.severity!))).toBe(true);
  }, 150_000);
});
