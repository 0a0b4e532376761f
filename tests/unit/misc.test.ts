import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/version';
import { failureSummary } from '../../electron/cli/electron-native';
import { defaultProjectPath } from '../../electron/backend/paths';
import { meets, percentile, ratio, renderTable } from '../bench/harness';
import { syntheticArticle } from '../bench/corpus';

describe('small pieces', () => {
  it('keeps the app version equal to package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('summarises a failed tool by its error line, not a stack frame', () => {
    const stderr = 'TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n    at async downloadArtifact (x.js:1:1)\n';
    expect(failureSummary(stderr)).toBe('TypeError: fetch failed');
    expect(failureSummary('')).toBe('no output');
  });

  it('puts the default project where Electron keeps user data', () => {
    expect(defaultProjectPath({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/Gainsay/Default.gainsay');
    expect(defaultProjectPath({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Gainsay');
    expect(defaultProjectPath({}, 'darwin')).toContain(path.join('Library', 'Application Support', 'Gainsay'));
  });

  it('computes percentiles and marks missed targets', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 100)).toBe(5);
    const row = { name: 'x', figure: 12, unit: 'ms', target: 10, better: 'lower' as const };
    expect(meets(row)).toBe(false);
    expect(renderTable([row])).toContain('NO');
  });

  it('judges a row by its ratio to the same-run baseline as well as by its absolute target', () => {
    const baseline = { figure: 4, name: 'bare write' };
    const row = { name: 'x', figure: 6, unit: 'ms', target: 10, better: 'lower' as const, baseline, ratioTarget: 2 };
    expect(ratio(row)).toBe(1.5);
    expect(meets(row)).toBe(true);
    expect(meets({ ...row, ratioTarget: 1.2 })).toBe(false);
    expect(meets({ ...row, target: 5 })).toBe(false);
    expect(meets({ ...row, target: null, baseline: undefined })).toBe(false);
    expect(meets({ ...row, target: null, ratioTarget: undefined })).toBe(null);
    const table = renderTable([row]);
    expect(table).toContain('1.50×');
    expect(table).toContain('≤ 2.00×');
    expect(table).toContain('baseline: bare write');
  });

  it('generates the same synthetic article for the same seed, with the mess real reports have', () => {
    const a = syntheticArticle(7, 4000);
    expect(syntheticArticle(7, 4000)).toEqual(a);
    expect(a.text.length).toBeGreaterThanOrEqual(4000);
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs.filter((p) => p === paragraphs[0]).length).toBe(2);
    expect(syntheticArticle(8, 4000).text).not.toBe(a.text);
  });
});
