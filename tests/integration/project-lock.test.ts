import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { lockPath } from '../../electron/backend/db/project-lock';
import { CLI, runCli, startProcess } from '../helpers/cli';
import { fileHash } from '../helpers/files';
import { tempDir } from '../helpers/temp';

describe('one running Gainsay per project file', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('refuses a project another Gainsay process holds, with a clear message, and opens it once that one has stopped', async () => {
    const file = path.join(temp.dir, 'Ceasefire.gainsay');
    const server = await startProcess(CLI, ['serve', '--project', file]);
    try {
      const before = fileHash(file);
      const note = path.join(temp.dir, 'note.txt');
      fs.writeFileSync(note, 'Tass cited the spokesman as saying there was no agreement.');
      const refused = runCli(['import', '--project', file, note]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/“Ceasefire\.gainsay” is open in another Gainsay \(process \d+, since .*\)\. Close it there first; the file was not touched\./);
      expect(fileHash(file)).toBe(before);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(lockPath(file))).toBe(false);
    expect(runCli(['import', '--project', file, path.join(temp.dir, 'note.txt')]).status).toBe(0);
  });

  it('takes over the lock of a process that died, and shares it between opens in one process', () => {
    const file = path.join(temp.dir, 'new folder', 'Stale.gainsay');
    fs.mkdirSync(path.dirname(file));
    // A lock left by a process that no longer exists (pid far above any in use).
    fs.writeFileSync(lockPath(file), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));
    const first = Backend.open(file);
    const second = Backend.open(file);
    expect(JSON.parse(fs.readFileSync(lockPath(file), 'utf8')).pid).toBe(process.pid);
    second.close();
    expect(fs.existsSync(lockPath(file))).toBe(true);
    first.close();
    expect(fs.existsSync(lockPath(file))).toBe(false);
  });
});
