import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { NO_HOST, type Host } from '../../electron/backend/host';
import { importPaths } from '../../electron/backend/import/import-paths';
import { CLI, ROOT, runCli, startProcess } from '../helpers/cli';
import { fileHash } from '../helpers/files';
import { tempDir } from '../helpers/temp';

const OPEN_ELSEWHERE = /“Ceasefire\.gainsay” is open in another Gainsay \(a window, gainsay serve or gainsay import\) or another program\. Close it there first; the file was not touched\./;

describe('one running Gainsay per project file', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  let note: string;
  beforeEach(() => {
    temp = tempDir();
    file = path.join(temp.dir, 'Ceasefire.gainsay');
    note = path.join(temp.dir, 'note.txt');
    fs.writeFileSync(note, 'Tass cited the spokesman as saying there was no agreement.');
  });
  afterEach(() => temp.remove());

  it('refuses a project another Gainsay process holds, with a clear message, and opens it once that one has stopped', async () => {
    const server = await startProcess(CLI, ['serve', '--project', file]);
    try {
      const before = fileHash(file);
      const started = Date.now();
      const refused = runCli(['import', '--project', file, note]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(OPEN_ELSEWHERE);
      // Refused at once, not after SQLite's busy timeout.
      expect(Date.now() - started).toBeLessThan(4000);
      expect(fileHash(file)).toBe(before);
    } finally {
      await server.stop();
    }
    expect(runCli(['import', '--project', file, note]).status).toBe(0);
    // No lock file is left beside the project.
    expect(fs.readdirSync(temp.dir).sort()).toEqual(['Ceasefire.gainsay', 'note.txt']);
  });

  it('opens at once after the holder was killed (SIGKILL), with nothing deleted by hand', async () => {
    const server = await startProcess(CLI, ['serve', '--project', file]);
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    const imported = runCli(['import', '--project', file, note]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/1 imported/);
  });

  it('never reads its own file as an import (named, linked into a folder, or chosen as annotations) nor writes an export over it, so its lock keeps other processes out', async () => {
    const backend = Backend.open(file);
    try {
      const folder = path.join(temp.dir, 'articles');
      fs.mkdirSync(folder);
      // The same file under another name: a hard link.
      fs.linkSync(file, path.join(folder, 'linked.txt'));
      fs.copyFileSync(note, path.join(folder, 'note.txt'));
      const own = (shown: string) => `“${shown}” is this project's own file: it cannot be imported into itself.`;
      const run = await importPaths(backend.project, [file, folder]);
      expect(run.outcomes.map((o) => [o.name, o.status, o.status === 'refused' ? o.message : ''])).toEqual([
        [file, 'refused', own(file)],
        [path.join(folder, 'linked.txt'), 'refused', own(path.join(folder, 'linked.txt'))],
        [path.join(folder, 'note.txt'), 'imported', ''],
      ]);
      const chooser: Host = { ...NO_HOST, importPaths: async () => ({ paths: [file] }) };
      expect(await backend.invoke('annotations.preview', { choose: 'files' }, undefined, chooser)).toEqual({ ok: false, error: { code: 'invalid_input', message: own('Ceasefire.gainsay') } });

      // Nor is an export written over it (the file would be replaced while open).
      const overwriter: Host = { ...NO_HOST, exportTarget: async () => ({ kind: 'path', path: path.join(folder, 'linked.txt') }) };
      expect(await backend.invoke('exports.start', { format: 'json' }, undefined, overwriter)).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: '“linked.txt” is this project\'s own file: an export cannot be written over it. Choose another name.' },
      });

      // Nothing opened and closed the file, so SQLite's lock on it still holds.
      const refused = runCli(['import', '--project', file, note]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(OPEN_ELSEWHERE);
    } finally {
      backend.close();
    }
  });

  it('is not blocked by a lock file naming a live process (an older Gainsay’s, a reused pid)', () => {
    for (const pid of [1, process.pid, process.ppid]) {
      fs.writeFileSync(`${file}-lock`, JSON.stringify({ pid, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));
      const backend = Backend.open(file);
      backend.close();
    }
    expect(runCli(['import', '--project', file, note]).status).toBe(0);
  });

  it('refuses a second open within one process, and opens again once the first is closed', () => {
    const first = Backend.open(file);
    try {
      expect(() => Backend.open(file)).toThrow('“Ceasefire.gainsay” is already open in this Gainsay.');
    } finally {
      first.close();
    }
    Backend.open(file).close();
  });

  it('keeps other SQLite programs from reading or writing the file while it is open', () => {
    const backend = Backend.open(file);
    try {
      const other = spawnSync(
        process.execPath,
        ['-e', `const D = require('better-sqlite3'); const db = new D(process.argv[1], { timeout: 100 }); db.exec("DELETE FROM actors");`, file],
        { encoding: 'utf8', cwd: ROOT },
      );
      expect(other.status).not.toBe(0);
      expect(other.stderr).toMatch(/database is locked/);
    } finally {
      backend.close();
    }
  });
});
