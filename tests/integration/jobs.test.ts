import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/backend/host';
import { exportProject } from '../../electron/backend/export/export-project';
import { observeWrites } from '../../electron/backend/export/output';
import { CancelledError } from '../../electron/backend/jobs/jobs';
import type { ImportJobResult, JobSnapshot } from '../../shared/jobs';
import { EXPORT_FORMATS } from '../../shared/export/formats';
import { tempBackend } from '../helpers/project';
import { buildSampleProject } from '../helpers/sample-project';

/** A host that writes where the test says and imports what it names, as the CLI's does. */
const hostFor = (out: string | null, paths: string[] = []): Host => ({
  exportTarget: async () => (out ? { kind: 'path', path: out } : null),
  importPaths: async () => ({ paths }),
  keepDownload: (_id, download) => download.dispose(),
});

/** The files of a folder and below, as name → bytes (a folder export compared whole; the report's two files beside its name). */
function tree(target: string): Record<string, string> {
  if (!fs.existsSync(target)) return Object.fromEntries(['.html', '.md'].map((ext) => [ext, fs.readFileSync(target + ext, 'base64')]));
  if (fs.statSync(target).isFile()) return { '.': fs.readFileSync(target, 'base64') };
  const files: Record<string, string> = {};
  for (const name of (fs.readdirSync(target, { recursive: true }) as string[]).sort()) {
    const full = path.join(target, name);
    if (fs.statSync(full).isFile()) files[name] = fs.readFileSync(full, 'base64');
  }
  return files;
}

/** Removes what changes from one export to the next: the moment it was made and REFI's fresh GUIDs. */
const timeless = (text: string) => text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'G');

describe('exports and imports as jobs', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeEach(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
  });
  afterEach(() => env.dispose());

  async function startedJob(method: 'exports.start' | 'imports.start', input: unknown, host: Host): Promise<{ job: JobSnapshot; events: JobSnapshot[] }> {
    const events: JobSnapshot[] = [];
    env.backend.jobs.onEvent((event) => events.push(event));
    const started = await env.backend.invoke(method, input, undefined, host);
    if (!started.ok) throw new Error(started.error.message);
    return { job: started.value as JobSnapshot, events };
  }

  it('an export job writes what the exporter writes, in every format, with progress, from its own copy of the project', async () => {
    for (const format of EXPORT_FORMATS) {
      const viaJob = path.join(env.dir, `job-${format}`);
      const direct = path.join(env.dir, `direct-${format}`);
      const { job, events } = await startedJob('exports.start', { format }, hostFor(viaJob));
      // The project may change at once: the export is of the moment it started.
      await env.backend.invoke('actors.create', { name: `Added after the ${format} export began`, kind: 'person' });
      const ended = await env.backend.jobs.finished(job.id);
      expect(ended, format).toMatchObject({ state: 'done', kind: 'export', result: { kind: 'export', name: viaJob, download: false } });
      expect(events[0]).toMatchObject({ id: job.id, state: 'running' });
      // The same bytes as the exporter run directly on the project as it was, without the actor added since.
      env.backend.project.db.prepare("DELETE FROM actors WHERE name LIKE 'Added after%'").run();
      if (format === 'sqlite') {
        expect(new Database(viaJob, { readonly: true }).prepare("SELECT count(*) FROM actors WHERE name LIKE 'Added after%'").pluck().get(), 'the copy is of the moment the export began').toBe(0);
        continue;
      }
      expect(events.some((e) => e.state === 'running' && e.done > 0 && /^Writing /.test(e.message)), format).toBe(true);
      await exportProject(env.backend.project.db, env.backend.project.name, format, direct);
      const a = tree(viaJob);
      const b = tree(direct);
      expect(Object.keys(a), format).toEqual(Object.keys(b));
      if (format === 'refi') continue; // a zip: its entries' times differ; the REFI tests read it
      for (const name of Object.keys(a)) expect(timeless(Buffer.from(a[name]!, 'base64').toString('utf8')), `${format} ${name}`).toBe(timeless(Buffer.from(b[name]!, 'base64').toString('utf8')));
    }
  });

  it('a cancelled export leaves nothing behind, in every format', async () => {
    for (const format of EXPORT_FORMATS) {
      const out = path.join(env.dir, 'out', `cancelled-${format}`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const { job } = await startedJob('exports.start', { format }, hostFor(out));
      expect(env.backend.jobs.cancel(job.id)).toBe(true);
      const ended = await env.backend.jobs.finished(job.id);
      expect(ended, format).toMatchObject({ state: 'cancelled', message: 'Stopped: nothing was written.', result: null });
      expect(fs.readdirSync(path.dirname(out)), format).toEqual([]);
      expect(env.backend.jobs.cancel(job.id)).toBe(false);
    }
  });

  it('an export stopped part way, as the export thread stops when cancelled, removes what it had begun', async () => {
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'sqlite')) {
      const out = path.join(env.dir, 'part-way', format);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      let pieces = 0;
      // What the thread's observer does once the cancel flag is set: the second piece written stops the export.
      observeWrites(() => {
        if (++pieces === 2) throw new CancelledError();
      });
      try {
        await expect(exportProject(env.backend.project.db, env.backend.project.name, format, out), format).rejects.toThrow('Stopped: nothing was written.');
      } finally {
        observeWrites(null);
      }
      expect(pieces, format).toBe(2);
      expect(fs.readdirSync(path.dirname(out)), format).toEqual([]);
    }
  });

  it('a cancelled dialog starts nothing, and a failing export says why', async () => {
    expect(await env.backend.invoke('exports.start', { format: 'json' }, undefined, hostFor(null))).toEqual({ ok: true, value: null });
    expect(env.backend.jobs.list()).toEqual([]);
    const { job } = await startedJob('exports.start', { format: 'json', articleIds: ['00000000-0000-4000-8000-000000000000'] }, hostFor(path.join(env.dir, 'x.json')));
    expect(await env.backend.jobs.finished(job.id)).toMatchObject({ state: 'failed', error: 'There is no article 00000000-0000-4000-8000-000000000000 in this project.' });
    expect((await env.backend.invoke('exports.start', { format: 'exe' }, undefined, hostFor('x'))).ok).toBe(false);
  });

  it('an import job reports each file; cancelled, it keeps what it imported and lists what it did not reach', async () => {
    const files = ['a', 'b', 'c'].map((letter) => {
      const file = path.join(env.dir, `${letter}.txt`);
      fs.writeFileSync(file, `Report ${letter}\n\nThe spokesman said in report ${letter} that no troops would come.\n`);
      return file;
    });
    const { job, events } = await startedJob('imports.start', {}, hostFor(null, files));
    env.backend.jobs.onEvent((event) => {
      if (event.id === job.id && event.state === 'running' && event.done === 1) env.backend.jobs.cancel(job.id);
    });
    const ended = await env.backend.jobs.finished(job.id);
    expect(ended).toMatchObject({ state: 'cancelled', unit: 'files', done: 1, total: 3, message: 'Stopped: 1 imported, 0 duplicates, 0 refused; 2 not imported.' });
    const result = ended.result as ImportJobResult;
    expect(result.outcomes.map((o) => [o.name, o.status])).toEqual([[files[0], 'imported']]);
    expect(result.notReached).toEqual([files[1], files[2]]);
    expect(events.some((e) => e.message === `Imported: ${files[0]}`)).toBe(true);
    // Importing the same files again finishes the job: the first is a duplicate.
    const again = await startedJob('imports.start', {}, hostFor(null, files));
    expect(await env.backend.jobs.finished(again.job.id)).toMatchObject({ state: 'done', done: 3, total: 3 });
    expect(((await env.backend.jobs.finished(again.job.id)).result as ImportJobResult).outcomes.map((o) => o.status)).toEqual(['duplicate', 'imported', 'imported']);
  });
});
