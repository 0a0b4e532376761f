import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli';
import { tempBackend } from '../helpers/project';
import { buildLinkedProject } from '../bench/linked-project';

/**
 * Starts a real `gainsay export`, waits until a temporary file for `name` appears in `folder`,
 * and kills it with SIGKILL there (no chance to clean up). Returns the folder's names after.
 */
async function killMidway(args: string[], folder: string, name: string): Promise<string[]> {
  const before = new Set(fs.readdirSync(folder));
  const started = () => fs.readdirSync(folder).some((entry) => entry.startsWith(`.${name}.`) && entry.includes('.partial') && !before.has(entry));
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let finished = false;
  void exited.then(() => (finished = true));
  while (!finished && !started()) await new Promise((resolve) => setImmediate(resolve));
  child.kill('SIGKILL');
  // Killed mid-way, not finished: otherwise the test would prove nothing.
  expect(await exited).toBeNull();
  return fs.readdirSync(folder).sort();
}

describe('an export killed mid-way', () => {
  let env: ReturnType<typeof tempBackend>;
  let out: string;
  /**
   * Never removed: a running export's temporary file (this test runner is alive), one from
   * another computer sharing the folder (its process id means nothing here), and unrelated files.
   */
  const host = os.hostname().replace(/[^A-Za-z0-9]/g, '') || 'host';
  const untouchable = (target: string) => [
    `.${target}.gainsay-export.${host}.${process.pid}.0123456789ab.partial`,
    `.${target}.gainsay-export.elsewhere${host}.999999999.0123456789ab.partial`,
    `.${target}.partial`,
    'notes.txt',
  ];

  beforeAll(async () => {
    env = tempBackend();
    // Big enough that an export takes a moment: 40 reports, 20,000 claims, 4,000 links.
    await buildLinkedProject(env.backend, 40, 20_000, 4_000);
    env.backend.close();
  }, 120_000);
  afterAll(() => env.dispose());

  const prepare = (name: string, target: string) => {
    out = path.join(env.dir, name);
    fs.mkdirSync(out);
    for (const file of untouchable(target)) fs.writeFileSync(path.join(out, file), 'keep');
  };
  const exportAgain = (format: string, target: string) => {
    const result = runCli(['export', '--project', env.file, '--format', format, '--out', path.join(out, target)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  };

  it('JSON: leaves a temporary file that the next export to the same place removes, and only that', async () => {
    prepare('json', 'project.json');
    const left = await killMidway(['export', '--project', env.file, '--format', 'json', '--out', path.join(out, 'project.json')], out, 'project.json');
    expect(left).not.toContain('project.json');
    expect(left.length).toBeGreaterThan(untouchable('project.json').length);
    exportAgain('json', 'project.json');
    expect(fs.readdirSync(out).sort()).toEqual(['project.json', ...untouchable('project.json')].sort());
    expect(JSON.parse(fs.readFileSync(path.join(out, 'project.json'), 'utf8')).claims).toHaveLength(20_000);
  });

  it('CSV: leaves a temporary folder that the next export to the same place removes', async () => {
    prepare('csv', 'tables');
    const left = await killMidway(['export', '--project', env.file, '--format', 'csv', '--out', path.join(out, 'tables')], out, 'tables');
    expect(left).not.toContain('tables');
    exportAgain('csv', 'tables');
    expect(fs.readdirSync(out).sort()).toEqual(['tables', ...untouchable('tables')].sort());
    expect(fs.readdirSync(path.join(out, 'tables')).sort()).toEqual(['actors.csv', 'articles.csv', 'claims.csv', 'links.csv']);
  });

  it('the report: its .html and .md appear together or not at all, and the next export leaves just the two', async () => {
    prepare('report', 'briefing.html');
    // Killed while the Markdown is being written: the HTML must not be there without it.
    const left = await killMidway(['export', '--project', env.file, '--format', 'report', '--out', path.join(out, 'briefing.html')], out, 'briefing.md');
    expect(left).not.toContain('briefing.html');
    expect(left).not.toContain('briefing.md');
    exportAgain('report', 'briefing.html');
    const expected = ['briefing.html', 'briefing.md', ...untouchable('briefing.html')];
    expect(fs.readdirSync(out).sort()).toEqual(expected.sort());
  });
});

describe('a report whose second file cannot be put in place', () => {
  it('leaves neither file, and says which one could not be written', () => {
    const env = tempBackend();
    try {
      env.backend.close();
      // A folder where the Markdown file should go: its rename fails after the HTML's succeeded.
      fs.mkdirSync(path.join(env.dir, 'briefing.md'));
      fs.writeFileSync(path.join(env.dir, 'briefing.md', 'keep.txt'), 'keep');
      const result = runCli(['export', '--project', env.file, '--format', 'report', '--out', path.join(env.dir, 'briefing.html')]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^gainsay: Cannot write ${path.join(env.dir, 'briefing.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*\\. Nothing was written there\\.\\n$`));
      expect(fs.readdirSync(env.dir).filter((name) => name.includes('briefing'))).toEqual(['briefing.md']);
      expect(fs.readdirSync(path.join(env.dir, 'briefing.md'))).toEqual(['keep.txt']);
    } finally {
      env.dispose();
    }
  });
});
