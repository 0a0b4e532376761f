import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportProject } from '../../electron/backend/export/export-project';
import type { ExportFormat } from '../../shared/export/formats';
import { tempBackend } from '../helpers/project';
import { buildSampleProject } from '../helpers/sample-project';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Every file an export wrote, by name, as text (REFI-QDA's zip unzipped), its ids made alike: some
 * are random, made anew by each export (REFI-QDA's GUIDs, the W3C collection's id). What each
 * claim carries (its tags, notes, links and their sides) is what is compared.
 */
function written(out: string, format: ExportFormat): Record<string, string> {
  const files: Array<[string, Uint8Array]> =
    format === 'refi'
      ? Object.entries(unzipSync(fs.readFileSync(out)))
      : format === 'report'
        ? [['html', fs.readFileSync(out)], ['md', fs.readFileSync(out.replace(/\.html$/, '.md'))]]
        : fs.statSync(out).isDirectory()
          ? fs.readdirSync(out).map((name) => [name, fs.readFileSync(path.join(out, name))])
          : [['file', fs.readFileSync(out)]];
  return Object.fromEntries(files.map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8').replace(UUID, 'UUID')]));
}

/** The formats that find a claim's tags and links by its rowid (db/row-key.ts's rowKey; csv its tags), and json, which does not. */
const FORMATS: ExportFormat[] = ['brat', 'refi', 'report', 'w3c', 'csv', 'json'];

describe('a project file whose claims have rowids beyond 2^53 (written by another program)', () => {
  let env: ReturnType<typeof tempBackend>;
  const exported = async (label: string, format: ExportFormat) => {
    const out = path.join(env.dir, `${label}-${format}${format === 'report' ? '.html' : ''}`);
    const db = new Database(env.file, { readonly: true });
    try {
      await exportProject(db, 'Sample', format, out);
    } finally {
      db.close();
    }
    return written(out, format);
  };

  beforeAll(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
    env.backend.close();
    // The export's date, as every export writes it.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-31T12:00:00Z') });
  });
  afterAll(() => {
    vi.useRealTimers();
    env.dispose();
  });

  it('exports every claim with its own tags and links, as when its rowids were small', async () => {
    const before = Object.fromEntries(await Promise.all(FORMATS.map(async (f) => [f, await exported('before', f)] as const)));
    const db = new Database(env.file);
    const claims = db.prepare('SELECT count(*) FROM claims').pluck().get() as number;
    const tagged = db.prepare('SELECT count(DISTINCT claim_id) FROM claim_tags').pluck().get() as number;
    expect(claims).toBeGreaterThan(2);
    expect(tagged).toBeGreaterThan(1);
    expect(db.prepare('SELECT count(*) FROM links').pluck().get()).toBeGreaterThan(1);
    // Neighbouring rowids past 2^60 are one double apart at most 256: read as numbers, they would be one key.
    db.exec('UPDATE claims SET rowid = rowid + 1152921504606846976');
    expect(db.prepare('SELECT min(rowid) > 9007199254740991 FROM claims').pluck().get()).toBe(1);
    db.close();
    for (const format of FORMATS) expect(await exported('after', format), format).toEqual(before[format]);
  });
});
