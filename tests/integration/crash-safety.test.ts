import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { CLI, startProcess } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('crash safety', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('keeps every acknowledged write and a sound file when the backend is killed (SIGKILL) in the middle of a burst', async () => {
    const file = path.join(temp.dir, 'Crash.gainsay');
    const server = await startProcess(CLI, ['serve', '--project', file]);
    const { origin, searchParams } = new URL(server.url);
    const token = searchParams.get('token')!;
    const acknowledged: string[] = [];
    const write = async (i: number) => {
      const name = `Spokesman ${i} Łukasiewicz`;
      const response = await fetch(`${origin}/api/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': token },
        body: JSON.stringify({ method: 'actors.create', input: { name, kind: 'person' } }),
      });
      const result = (await response.json()) as { ok: boolean };
      if (result.ok) acknowledged.push(name);
    };
    // Eight writers at once; the process is killed once 150 writes are acknowledged, with more under way.
    let next = 0;
    const writers = Array.from({ length: 8 }, async () => {
      while (next < 10_000) {
        const i = next++;
        if (i === 150) server.child.kill('SIGKILL');
        try {
          await write(i);
        } catch {
          return; // the connection died with the process
        }
      }
    });
    await Promise.all(writers);
    await new Promise((resolve) => (server.child.exitCode !== null || server.child.signalCode ? resolve(null) : server.child.once('exit', resolve)));
    expect(server.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(140);

    // The file opens again at once (the OS dropped the dead process's lock; nothing was removed by
    // hand), passes the integrity check, and holds every write that was acknowledged.
    const reopened = Backend.open(file);
    reopened.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const names = new Set(db.prepare('SELECT name FROM actors').pluck().all() as string[]);
      for (const name of acknowledged) expect(names.has(name), name).toBe(true);
    } finally {
      db.close();
    }
  });
});
