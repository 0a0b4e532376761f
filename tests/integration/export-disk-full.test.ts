import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { prepareDownload } from '../../electron/backend/export/download';
import { EXPORT_FORMATS } from '../../shared/export/formats';
import { runCli } from '../helpers/cli';
import { call, tempBackend } from '../helpers/project';
import { buildSampleProject } from '../helpers/sample-project';

/** Words in an order deflate cannot shrink much, so every format's output is bigger than the room left. */
function prose(words: number): string {
  let seed = 7;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out.push(seed.toString(36).slice(0, 3 + (seed % 5)));
  }
  return out.join(' ');
}

/**
 * A real full disk: a 256 KB tmpfs (mounting needs root; elsewhere these tests are skipped) filled
 * up to its last 12 KB, and a project whose every export is bigger than that.
 */
const MOUNT_ERROR = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'mounting a tmpfs needs root on Linux';
  return null;
})();

describe.skipIf(MOUNT_ERROR)('an export to a full disk', () => {
  let env: ReturnType<typeof tempBackend>;
  let disk: string;
  let before: unknown;
  const counts = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return { check: db.pragma('integrity_check', { simple: true }), highlights: db.prepare('SELECT count(*) FROM highlights').pluck().get(), claims: db.prepare('SELECT count(*) FROM claims').pluck().get() };
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
    const text = prose(6000);
    const { articleId } = await call(env.backend, 'articles.paste', { text, title: 'Long report' });
    const quote = Array.from(text).slice(0, 20_000).join('');
    const h = await call(env.backend, 'highlights.create', { articleId, start: 0, end: 20_000, quote });
    await call(env.backend, 'claims.set', { highlightId: h.id, actor: { name: 'Long speaker', kind: 'person' } });
    env.backend.close();
    before = counts(env.file);
    disk = path.join(env.dir, 'disk');
    fs.mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]);
    fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(244 * 1024));
  });
  afterAll(() => {
    if (disk) execFileSync('umount', [disk]);
    env.dispose();
  });

  it.each(EXPORT_FORMATS)('%s: one line says the disk is full, nothing was exported and the project is intact; nothing is left there', (format) => {
    const out = path.join(disk, format === 'report' ? 'briefing.html' : `out-${format}`);
    const result = runCli(['export', '--project', env.file, '--format', format, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`gainsay: The disk is full: nothing was exported to ${out}, and the project is intact.\n`);
    expect(fs.readdirSync(disk)).toEqual(['filler']);
    expect(counts(env.file)).toEqual(before);
  });

  it('a download prepared on a full disk says the same, without the temporary place, and leaves nothing', async () => {
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = disk;
    const backend = Backend.open(env.file);
    try {
      for (const format of EXPORT_FORMATS) {
        await expect(prepareDownload(backend.project.db, backend.project.name, format, false)).rejects.toThrow(/^The disk is full: nothing was exported, and the project is intact\.$/);
        expect(fs.readdirSync(disk)).toEqual(['filler']);
      }
    } finally {
      backend.close();
      process.env.TMPDIR = tmp;
    }
    expect(counts(env.file)).toEqual(before);
  });
});
