import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { importPaths } from '../../electron/backend/import/import-paths';
import { CLI, startProcess, type RunningProcess } from '../helpers/cli';
import { exportOverHttp } from '../helpers/http-export';
import { tempDir } from '../helpers/temp';

/** A project served by the real `gainsay serve`, called over HTTP as the browser does. */
async function serve(file: string) {
  const server = await startProcess(CLI, ['serve', '--project', file]);
  const { origin, searchParams } = new URL(server.url);
  const headers = { 'Content-Type': 'application/json', 'X-Gainsay-Token': searchParams.get('token')! };
  const invoke = async (method: string, input: unknown) =>
    (await (await fetch(`${origin}/api/invoke`, { method: 'POST', headers, body: JSON.stringify({ method, input }) })).json()) as {
      ok: boolean;
      value?: any;
      error?: { code: string; message: string };
    };
  /** Export ▸ Project file copy, as the browser downloads it. */
  const saveCopy = async (to: string) => fs.writeFileSync(to, (await exportOverHttp(origin, searchParams.get('token')!, 'sqlite')).bytes);
  return { server, invoke, saveCopy };
}

function actorsIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT name FROM actors ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

const REFUSED = /^This change was not saved: “Ceasefire\.gainsay” was (deleted or moved|replaced) while open\. Use Save a Copy… \(Export ▸ Project file copy\) to keep everything up to now\.$/;

describe('a project file deleted, moved or replaced while open', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  let running: RunningProcess | undefined;
  beforeEach(() => {
    temp = tempDir();
    file = path.join(temp.dir, 'Ceasefire.gainsay');
  });
  afterEach(async () => {
    await running?.stop();
    temp.remove();
  });

  const away: Array<[string, (file: string) => void]> = [
    ['deleted', (f) => fs.rmSync(f)],
    ['moved', (f) => fs.renameSync(f, path.join(path.dirname(f), 'Elsewhere.gainsay'))],
    // As a mail client or a sync tool replaces a file: another one renamed over it.
    ['replaced', (f) => fs.renameSync(path.join(path.dirname(f), 'Other.gainsay'), f)],
  ];

  for (const [how, moveAway] of away) {
    it(`refuses every write once the file was ${how}, and a saved copy still holds every earlier write`, async () => {
      fs.writeFileSync(path.join(temp.dir, 'Other.gainsay'), 'not this project');
      const { server, invoke, saveCopy } = await serve(file);
      running = server;
      const names = ['Dmitri Pelkov', 'İlham Qadirov', 'Søren Ødegård'];
      for (const name of names) expect((await invoke('actors.create', { name, kind: 'person' })).ok).toBe(true);
      expect((await invoke('actors.update', { id: (await invoke('actors.list', {})).value[0].id, name: 'Dmitri S. Pelkov', kind: 'person' })).ok).toBe(true);

      moveAway(file);
      const writes: Array<[string, unknown]> = [
        ['actors.create', { name: 'Zofia Łukasiewicz', kind: 'person' }],
        ['history.undo', {}],
        ['articles.paste', { text: 'Tass cited the spokesman as saying there was no agreement.', title: 'Tass' }],
      ];
      for (const [method, input] of writes) {
        const result = await invoke(method, input);
        expect(result.ok, method).toBe(false);
        expect(result.error, method).toMatchObject({ code: 'file_gone', message: expect.stringMatching(REFUSED) });
      }
      // Reading still works, and shows nothing of the refused writes.
      const listed = await invoke('actors.list', {});
      expect(listed.value.map((a: { name: string }) => a.name).sort()).toEqual(['Dmitri S. Pelkov', 'Søren Ødegård', 'İlham Qadirov']);

      const copy = path.join(temp.dir, 'Saved copy.gainsay');
      await saveCopy(copy);
      expect(actorsIn(copy)).toEqual(['Dmitri S. Pelkov', 'Søren Ødegård', 'İlham Qadirov']);
    });
  }

  it('stops an import of files (gainsay import, the desktop’s Import ▸ Files) at the first file after the project went away', async () => {
    const backend = Backend.open(file);
    try {
      const notes = ['one.txt', 'two.txt'].map((name, i) => {
        const note = path.join(temp.dir, name);
        fs.writeFileSync(note, `Report ${i}: the spokesman said there was no agreement.`);
        return note;
      });
      expect((await importPaths(backend.project, [notes[0]!])).outcomes[0]).toMatchObject({ status: 'imported' });
      fs.rmSync(file);
      await expect(importPaths(backend.project, [notes[1]!])).rejects.toThrow(REFUSED);
      expect(backend.project.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    } finally {
      backend.close();
    }
  });
});
