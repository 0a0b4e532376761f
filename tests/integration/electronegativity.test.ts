import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

const SCAN = path.join(ROOT, 'tests', 'helpers', 'electronegativity-scan.cjs');

interface Finding {
  issue: string;
  severity: string;
  filename: string;
  location: string;
}

/** Runs Electronegativity over a folder (through its API, offline) and returns its findings. */
function scan(input: string): Finding[] {
  const result = spawnSync(process.execPath, [SCAN, input, '45.4.1'], { encoding: 'utf8', timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Finding[];
}

describe('Electronegativity over the desktop shell', () => {
  it('finds nothing of high or medium severity in electron/ (suppressions are justified in the code)', () => {
    const findings = scan(path.join(ROOT, 'electron'));
    expect(findings.filter((f) => ['HIGH', 'MEDIUM'].includes(f.severity)).map((f) => `${f.issue} ${f.filename}:${f.location}`)).toEqual([]);
  }, 150_000);

  it('does flag an insecure window (the scan can fail)', () => {
    const findings = scan(path.join(ROOT, 'tests', 'fixtures', 'electron-insecure'));
    expect(findings.map((f) => f.issue)).toEqual(expect.arrayContaining(['SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']));
    expect(findings.some((f) => ['HIGH', 'MEDIUM'].includes(f.severity))).toBe(true);
  }, 150_000);
});
