import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Worker } from 'node:worker_threads';
import { Backend } from '../../electron/backend/backend';
import { readMainFile } from '../../electron/backend/db/main-file';
import { exportProject } from '../../electron/backend/export/export-project';
import type { Host } from '../../electron/backend/host';
import type { ExportFormat } from '../../shared/export/formats';
import type { JobSnapshot } from '../../shared/jobs';
import { syntheticCorpus } from '../bench/corpus';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { call, tempBackend } from '../helpers/project';
import { buildSampleProject, SAMPLE_ARTICLES, type SampleProject } from '../helpers/sample-project';

/**
 * Export threads read the project's main file, held still for them (db/main-file.ts), instead of
 * a snapshot taken on the backend's thread. Nothing changed after an export began may reach it,
 * nothing changed meanwhile may be lost, and the file's lock must hold throughout.
 */

const hostFor = (out: string): Host => ({
  exportTarget: async () => ({ kind: 'path', path: out }),
  importPaths: async () => null,
  keepDownload: (_id, download) => download.dispose(),
});

/** What an export wrote, file by file (a folder's, or a single file's under '.'), its timestamps made alike. */
function written(out: string): Record<string, string> {
  const files = fs.statSync(out).isDirectory() ? fs.readdirSync(out).sort() : ['.'];
  return Object.fromEntries(files.map((name) => [name, fs.readFileSync(name === '.' ? out : path.join(out, name), 'utf8').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T')]));
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('an export reads the project file as it was when the export began', () => {
  let env: ReturnType<typeof tempBackend>;
  let sample: SampleProject;
  beforeEach(async () => {
    env = tempBackend();
    sample = await buildSampleProject(env.backend);
  });
  afterEach(() => env.dispose());

  const db = () => env.backend.project.db;
  const walPages = () => (fs.statSync(`${env.file}-wal`, { throwIfNoEntry: false })?.size ?? 0) / (db().pragma('page_size', { simple: true }) as number);

  async function startExport(format: ExportFormat, out: string): Promise<JobSnapshot> {
    const started = await env.backend.invoke('exports.start', { format }, undefined, hostFor(out));
    if (!started.ok) throw new Error(started.error.message);
    return started.value as JobSnapshot;
  }

  /** The project as it is now, exported on this thread. */
  async function exportNow(format: ExportFormat, name: string): Promise<Record<string, string>> {
    const out = path.join(env.dir, name);
    await exportProject(db(), env.backend.project.name, format, out);
    return written(out);
  }

  /** Changes through the contract: a claim added, an article deleted, and articles pasted until the WAL is past SQLite's automatic checkpoint (1,000 pages). */
  async function changeMuch(): Promise<string[]> {
    const text = SAMPLE_ARTICLES[0]!.text;
    const quote = 'The café owner';
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    const highlight = await call(env.backend, 'highlights.create', { articleId: sample.articleIds[0], start, end: start + quote.length, quote });
    await call(env.backend, 'claims.set', { highlightId: highlight.id, actor: { name: 'Harbour master of Velmora', kind: 'person' } });
    await call(env.backend, 'articles.delete', { id: sample.articleIds[1] });
    const pasted: string[] = [];
    for (const article of syntheticCorpus(200, 60_000, 11)) {
      if (walPages() > 1_000) break;
      pasted.push((await call(env.backend, 'articles.paste', { text: `${article.title}\n\n${article.text}`, title: article.title })).articleId);
    }
    expect(walPages()).toBeGreaterThan(1_000);
    return pasted;
  }

  it('keeps the main file still while an export reads it, through changes past the automatic checkpoint; a second export meanwhile takes a snapshot; then the WAL is checkpointed', async () => {
    const before = { csv: await exportNow('csv', 'before-csv'), json: await exportNow('json', 'before-json') };
    // This stands for an export thread slow to read the file (on a loaded machine, a large project):
    // the export below joins it, and the file must stay as it was, whenever its thread reads it.
    const slowReader = env.backend.project.mainFile.holdStill()!;
    expect(slowReader).not.toBeNull();
    const mainFile = sha(env.file);
    const first = await startExport('csv', path.join(env.dir, 'first-csv'));
    const pasted = await changeMuch();
    expect(db().pragma('wal_autocheckpoint', { simple: true }), 'no automatic checkpoint while the file is read').toBe(0);
    expect(sha(env.file), 'the main file is as it was').toBe(mainFile);
    // Started now, behind the file: from a snapshot of the project as it is now.
    const second = await startExport('json', path.join(env.dir, 'second-json'));
    const after = await exportNow('json', 'after-json');
    expect(await env.backend.jobs.finished(first.id)).toMatchObject({ state: 'done' });
    expect(await env.backend.jobs.finished(second.id)).toMatchObject({ state: 'done' });
    expect(written(path.join(env.dir, 'first-csv'))).toEqual(before.csv);
    expect(written(path.join(env.dir, 'second-json'))).toEqual(after);
    expect(written(path.join(env.dir, 'second-json'))).not.toEqual(before.json);
    expect(db().pragma('wal_autocheckpoint', { simple: true }), 'still held by the slow reader').toBe(0);

    slowReader();
    expect(db().pragma('wal_autocheckpoint', { simple: true }), 'restored once the last reader is done').toBe(1000);
    const [checkpoint] = db().pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
    expect(checkpoint!.checkpointed, 'every frame is in the main file').toBe(checkpoint!.log);
    expect(sha(env.file)).not.toBe(mainFile);
    // Read from the file again, now brought up to date.
    const third = await startExport('json', path.join(env.dir, 'third-json'));
    expect(await env.backend.jobs.finished(third.id)).toMatchObject({ state: 'done' });
    expect(written(path.join(env.dir, 'third-json'))).toEqual(after);

    expect((await call(env.backend, 'articles.list', {})).map((a: { id: string }) => a.id).sort()).toEqual([sample.articleIds[0], ...pasted].sort());
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('an export of the whole moment, with changes made while it runs: its file is the project as it began, the changes all kept', async () => {
    const before = await exportNow('json', 'before-json');
    const job = await startExport('json', path.join(env.dir, 'during-json'));
    const pasted = await changeMuch();
    expect(await env.backend.jobs.finished(job.id)).toMatchObject({ state: 'done' });
    expect(written(path.join(env.dir, 'during-json'))).toEqual(before);
    expect(db().pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect((await call(env.backend, 'articles.list', {})).length).toBe(1 + pasted.length);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('the project stays locked against other processes through and after an export (its descriptor is never closed while open)', async () => {
    const job = await startExport('csv', path.join(env.dir, 'locked-csv'));
    expect(await env.backend.jobs.finished(job.id)).toMatchObject({ state: 'done' });
    const other = runCli(['export', '--project', env.file, '--format', 'json', '--out', path.join(env.dir, 'other.json')]);
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/is open in another Gainsay/);
  });
});

describe('closing the project during an export', () => {
  it('stops the export cleanly, leaves nothing of it, and loses no change', async () => {
    const env = tempBackend();
    try {
      const sample = await buildSampleProject(env.backend);
      for (const article of syntheticCorpus(20, 60_000, 5)) await call(env.backend, 'articles.paste', { text: `${article.title}\n\n${article.text}`, title: article.title });
      const outFolder = path.join(env.dir, 'out');
      fs.mkdirSync(outFolder);
      const started = await env.backend.invoke('exports.start', { format: 'csv' }, undefined, hostFor(path.join(outFolder, 'csv')));
      if (!started.ok) throw new Error(started.error.message);
      const job = started.value as JobSnapshot;
      await call(env.backend, 'articles.delete', { id: sample.articleIds[1] });
      await call(env.backend, 'actors.create', { name: 'Port authority of Karsk', kind: 'organisation' });
      env.backend.close();
      expect(await env.backend.jobs.finished(job.id)).toMatchObject({ state: 'cancelled' });
      expect(fs.readdirSync(outFolder)).toEqual([]);

      const reopened = Backend.open(env.file, { preferencesFile: path.join(env.dir, 'preferences.json') });
      try {
        const articles = (await call(reopened, 'articles.list', {})) as Array<{ id: string }>;
        expect(articles.map((a) => a.id)).not.toContain(sample.articleIds[1]);
        expect(articles.length).toBe(21);
        expect((await call(reopened, 'actors.list', {})).map((a: { name: string }) => a.name)).toContain('Port authority of Karsk');
        expect(reopened.project.db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        reopened.close();
      }
      // Later reads are refused, not made through a closed (or reused) descriptor.
      expect(await readMainFile(env.backend.project.mainFile.fd, env.backend.project.mainFile.gate)).toBeNull();
      const closed = new Database(env.file, { readonly: true });
      expect(closed.pragma('integrity_check', { simple: true })).toBe('ok');
      closed.close();
    } finally {
      env.dispose();
    }
  });
});

describe('reading the main file', () => {
  it('gives every byte of it, in order, its two halves read each its own way', async () => {
    const env = tempBackend();
    try {
      // Pages of distinct bytes, so that a half read into the wrong place shows.
      const db = env.backend.project.db;
      db.exec('CREATE TABLE filler (n INTEGER PRIMARY KEY, text TEXT)');
      const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
      db.transaction(() => {
        for (let i = 0; i < 3000; i++) insert.run(crypto.createHash('sha256').update(String(i)).digest('hex').repeat(8));
      })();
      const letGo = env.backend.project.mainFile.holdStill()!;
      const { fd, gate } = env.backend.project.mainFile;
      const size = fs.fstatSync(fd).size;
      const whole = Buffer.alloc(size);
      for (let at = 0; at < size; ) at += fs.readSync(fd, whole, at, size - at, at);
      const read = await readMainFile(fd, gate);
      letGo();
      expect(size).toBeGreaterThan(1 << 20);
      expect(read!.equals(whole)).toBe(true);
      expect(Atomics.load(new Int32Array(gate), 0), 'the read no longer counted').toBe(0);
    } finally {
      env.dispose();
    }
  });
});

describe('closing the project while a thread reads its file', () => {
  it('waits for the read to end before the connection closes (and its last checkpoint writes the file)', async () => {
    const env = tempBackend();
    try {
      // A thread in the middle of a read, as readMainFile counts one, for 300 ms; it says when it is done.
      const done = new SharedArrayBuffer(4);
      const reader = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         const gate = new Int32Array(workerData.gate);
         Atomics.add(gate, 0, 1);
         parentPort.postMessage('reading');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
         Atomics.store(new Int32Array(workerData.done), 0, 1);
         Atomics.sub(gate, 0, 1);
         Atomics.notify(gate, 0);`,
        { eval: true, workerData: { gate: env.backend.project.mainFile.gate, done } },
      );
      await new Promise((resolve) => reader.once('message', resolve));
      env.backend.close();
      expect(Atomics.load(new Int32Array(done), 0), 'the read had ended when the connection closed').toBe(1);
      expect(Atomics.load(new Int32Array(env.backend.project.mainFile.gate), 0), 'closed to later reads').toBe(-1);
      await reader.terminate();
    } finally {
      env.dispose();
    }
  });
});

describe('a project whose file cannot be opened for reading', () => {
  it('is not left open: its connection is closed and the file can be opened again', () => {
    const temp = tempDir();
    try {
      const file = path.join(temp.dir, 'Harbour.gainsay');
      // The descriptor export threads read through is the only file a new project opens with fs.
      const refused = vi.spyOn(fs, 'openSync').mockImplementationOnce(() => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      });
      expect(() => Backend.open(file, { preferencesFile: path.join(temp.dir, 'preferences.json') })).toThrow('EACCES');
      refused.mockRestore();
      const backend = Backend.open(file, { preferencesFile: path.join(temp.dir, 'preferences.json') });
      expect(backend.project.db.pragma('integrity_check', { simple: true })).toBe('ok');
      backend.close();
    } finally {
      temp.remove();
    }
  });
});
