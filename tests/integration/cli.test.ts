import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, startProcess } from '../helpers/cli';
import { fileHash } from '../helpers/files';
import { tempDir } from '../helpers/temp';

const START = path.join(ROOT, 'dist', 'node', 'start.cjs');

describe('the gainsay command', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli.cjs'))) throw new Error('Run `npm run build` before the tests.');
  });
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('prints its usage', () => {
    const result = runCli(['help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('gainsay serve [--project FILE] [--port N]');
  });

  it('rejects an unknown command with exit code 2', () => {
    const result = runCli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command “frobnicate”');
  });

  it('serves a project in browser mode and answers the token holder', async () => {
    const file = path.join(temp.dir, 'served.gainsay');
    const running = await startProcess(CLI, ['serve', '--project', file]);
    try {
      expect(running.output()).toContain(`Gainsay is serving ${file}`);
      const url = new URL(running.url);
      const reply = await fetch(new URL('/api/invoke', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': url.searchParams.get('token')! },
        body: JSON.stringify({ method: 'actors.create', input: { name: 'Agence Véritas', kind: 'outlet' } }),
      });
      expect(await reply.json()).toMatchObject({ ok: true, value: { name: 'Agence Véritas' } });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      await running.stop();
    }
    expect(running.child.exitCode).toBe(0);
  });

  it('refuses to serve a file that is not a project, leaving it untouched', () => {
    const file = path.join(temp.dir, 'report.gainsay');
    fs.writeFileSync(file, 'Subscribe to our newsletters\n');
    const before = fileHash(file);
    const result = runCli(['serve', '--project', file]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('gainsay: “report.gainsay” is not a Gainsay project (it is not an SQLite database). The file was left untouched.');
    expect(fileHash(file)).toBe(before);
  });

  it('rejects a bad port in one line', () => {
    const result = runCli(['serve', '--project', path.join(temp.dir, 'p.gainsay'), '--port', 'eighty']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('gainsay: --port must be a whole number from 0 to 65535, not “eighty”.');
  });

  it('npm start falls back to browser mode in one plain line when Electron cannot be had', async (ctx) => {
    const electronDir = path.join(ROOT, 'node_modules', 'electron');
    if (fs.existsSync(path.join(electronDir, 'path.txt'))) ctx.skip(); // a real runtime is installed here
    const file = path.join(temp.dir, 'started.gainsay');
    // An unreachable mirror makes the runtime download fail the same way on every machine.
    const running = await startProcess(START, ['--project', file], { ELECTRON_MIRROR: 'http://127.0.0.1:9/' });
    try {
      const lines = running.output().trim().split('\n');
      expect(lines[0]).toMatch(/^The desktop window cannot start here: its runtime could not be downloaded \(.+\)\. Serving Gainsay in your browser instead\.$/);
      expect(lines[1]).toBe(`Gainsay is serving ${file}`);
      expect((await fetch(running.url)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
