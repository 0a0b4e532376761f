import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GainsayError } from '../../shared/errors';
import type { ExportFormat } from '../../shared/export/formats';
import type { JobSnapshot } from '../../shared/jobs';
import type { Host } from '../../electron/backend/host';
import { exportProject } from '../../electron/backend/export/export-project';
import { alongside, type PartRequest, type PartResult } from '../../electron/backend/export/parts';
import { runPart } from '../../electron/backend/export/run-part';
import { PartThread, SECOND_THREAD_FROM_BYTES, secondThreadPays } from '../../electron/backend/jobs/part-thread';
import { buildLinkedProject } from '../bench/linked-project';
import { tempBackend } from '../helpers/project';
import { buildSampleProject } from '../helpers/sample-project';

/**
 * An export's parts (export/parts.ts) are made on a second thread with a copy of its own of the
 * project, where that pays (a large project, a core to spare), and in line otherwise: the bytes
 * must be the same either way, a part's failure must fail the export, and a failed export must
 * leave nothing of its part behind.
 */

/** The export thread's script, which serves parts when started as a part thread. */
const SCRIPT = path.resolve(__dirname, '../../dist/node/export-worker.cjs');

const hostFor = (out: string): Host => ({
  exportTarget: async () => ({ kind: 'path', path: out }),
  importPaths: async () => null,
  keepDownload: (_id, download) => download.dispose(),
});

/** A folder's files, or a file, by name; a report's two files beside its name. */
function files(target: string): Record<string, string> {
  if (target.endsWith('.html')) return { html: fs.readFileSync(target, 'utf8'), md: fs.readFileSync(target.replace(/\.html$/, '.md'), 'utf8') };
  if (fs.statSync(target).isFile()) return { '.': fs.readFileSync(target, 'utf8') };
  return Object.fromEntries(fs.readdirSync(target).sort().map((name) => [name, fs.readFileSync(path.join(target, name), 'utf8')]));
}

/** A part's result as plain data, bytes as text (a thread passes Buffers on as Uint8Arrays; JSON writes a Buffer as its toJSON). */
const plain = (result: PartResult) =>
  JSON.parse(
    JSON.stringify(result, (_key, value) => {
      if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
      if (value?.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data).toString('utf8');
      return value;
    }),
  );

describe('parts of an export on a second thread', () => {
  let env: ReturnType<typeof tempBackend>;
  let thread: PartThread;
  beforeAll(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
    thread = new PartThread(SCRIPT, new SharedArrayBuffer(4));
    thread.load(Buffer.from(env.backend.project.db.serialize()));
  });
  afterAll(async () => {
    await thread.close();
    env.dispose();
  });
  const db = () => env.backend.project.db;
  const articleIds = () => db().prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];

  it('makes the same bytes and gives back the same as the part made in line', async () => {
    const folders = ['thread', 'inline'].map((name) => path.join(env.dir, `brat-${name}`));
    for (const folder of folders) fs.mkdirSync(folder);
    const request = (folder: string): PartRequest => ({ name: 'brat-half', folder, articleIds: articleIds(), scope: null });
    const [viaThread, inLine] = [await thread.start(request(folders[0]!)).done, await runPart(db(), request(folders[1]!))];
    expect(Object.keys(files(folders[0]!)).length).toBe(2 * articleIds().length);
    expect(files(folders[0]!)).toEqual(files(folders[1]!));
    expect(plain(viaThread)).toEqual(plain(inLine));
    expect(viaThread.brat!.claimsLeftOut).toBe(0);
    expect(Object.keys(viaThread.brat!.entities).length).toBeGreaterThan(0);

    const target = path.join(env.dir, 'report.md');
    const markdown: PartRequest = { name: 'report-markdown', target, articleIds: null, project: 'Parts', generated: '2026-03-31' };
    const temps = [(await thread.start(markdown).done).temp!, (await runPart(db(), markdown)).temp!];
    expect(temps[0]).not.toBe(temps[1]);
    for (const temp of temps) expect(path.dirname(temp)).toBe(env.dir);
    expect(fs.readFileSync(temps[0]!, 'utf8')).toBe(fs.readFileSync(temps[1]!, 'utf8'));
    expect(fs.readFileSync(temps[0]!, 'utf8')).toMatch(/^# Parts: who contradicts whom/);
  });

  it('fails as the part failed, with its message', async () => {
    const nowhere = path.join(env.dir, 'no such folder', 'report.md');
    const failed = thread.start({ name: 'report-markdown', target: nowhere, articleIds: null, project: 'Parts', generated: '2026-03-31' }).done;
    await expect(failed).rejects.toBeInstanceOf(GainsayError);
    await expect(failed).rejects.toThrow(/^Cannot write .*no such folder.*report\.md: .*Nothing was written there\.$/);
  });

  it('when the rest of the export fails, the part is stopped or waited for, and what it wrote is removed', async () => {
    const folder = path.join(env.dir, 'failing');
    fs.mkdirSync(folder);
    const markdown: PartRequest = { name: 'report-markdown', target: path.join(folder, 'report.md'), articleIds: null, project: 'Parts', generated: '2026-03-31' };
    const work = alongside(thread.start, markdown, async (part) => {
      await part; // the part's temporary file is on disk now
      expect(fs.readdirSync(folder)).toHaveLength(1);
      throw new GainsayError('invalid_input', 'The rest of the export failed.');
    });
    await expect(work).rejects.toThrow('The rest of the export failed.');
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('a part that fails fails the export, once the rest is done', async () => {
    let rest = false;
    const nowhere: PartRequest = { name: 'report-markdown', target: path.join(env.dir, 'no such folder', 'report.md'), articleIds: null, project: 'Parts', generated: '2026-03-31' };
    await expect(alongside(thread.start, nowhere, async () => void (rest = true))).rejects.toThrow(/^Cannot write/);
    expect(rest).toBe(true);
  });
});

describe('when a second thread pays', () => {
  it('only for formats with parts, from a size, with a core to spare and memory for a second copy', () => {
    const size = SECOND_THREAD_FROM_BYTES;
    const roomy = { cores: 2, freeMemory: 8 * size };
    expect(secondThreadPays('brat', size, roomy)).toBe(true);
    expect(secondThreadPays('report', size, roomy)).toBe(true);
    for (const format of ['json', 'csv', 'w3c', 'sqlite'] as ExportFormat[]) expect(secondThreadPays(format, size, roomy), format).toBe(false);
    expect(secondThreadPays('brat', size - 1, roomy)).toBe(false);
    expect(secondThreadPays('brat', size, { cores: 1, freeMemory: 8 * size })).toBe(false);
    expect(secondThreadPays('brat', size, { cores: 2, freeMemory: 3 * size - 1 })).toBe(false);
  });
});

describe('an export job of a project large enough for a second thread', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeAll(async () => {
    env = tempBackend();
    await buildLinkedProject(env.backend, 60, 20_000, 4_000);
  }, 120_000);
  afterAll(() => env.dispose());

  it('writes what the exporter writes in line, in every format with parts', async () => {
    env.backend.project.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const format of ['brat', 'report'] as const) {
      // What the export thread decides (export-worker.ts): this machine has the cores and the memory.
      expect(secondThreadPays(format, fs.statSync(env.file).size), format).toBe(true);
      const suffix = format === 'report' ? '.html' : '';
      const viaJob = path.join(env.dir, `job-${format}${suffix}`);
      const started = await env.backend.invoke('exports.start', { format }, undefined, hostFor(viaJob));
      if (!started.ok) throw new Error(started.error.message);
      expect(await env.backend.jobs.finished((started.value as JobSnapshot).id), format).toMatchObject({ state: 'done' });
      const inLine = path.join(env.dir, `inline-${format}${suffix}`);
      await exportProject(env.backend.project.db, env.backend.project.name, format, inLine);
      expect(files(viaJob), format).toEqual(files(inLine));
    }
  }, 120_000);
});
