import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectRecords } from '../../electron/backend/export/records';
import { SECTIONS } from '../../shared/export/project-json';
import { runCli } from '../helpers/cli';
import { call, tempBackend } from '../helpers/project';
import { buildSampleProject } from '../helpers/sample-project';
import { snapshot, snapshotFile } from '../helpers/snapshot';

/** Every record of every section, as the JSON export writes them. */
function allRecords(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const records = new ProjectRecords(db);
    return Object.fromEntries(SECTIONS.map((section) => [section, [...records.section(section)]]));
  } finally {
    db.close();
  }
}

describe('project JSON: export, round trip, merge and refusal', () => {
  let env: ReturnType<typeof tempBackend>;
  let out: string;
  beforeEach(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
    env.backend.close();
    out = path.join(env.dir, 'export.json');
    const result = runCli(['export', '--project', env.file, '--format', 'json', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
  afterEach(() => env.dispose());

  it('rebuilds an identical project from the JSON, record for record', () => {
    const copy = path.join(env.dir, 'copy.gainsay');
    const result = runCli(['import', '--project', copy, out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 articles, 5 actors, 3 tags, 5 highlights, 4 claims, 4 links');
    const before = allRecords(env.file);
    expect(before.links).toHaveLength(4);
    expect(allRecords(copy)).toEqual(before);
    // The copy works like the original: search, review list facts and folded names were rebuilt.
    const db = new Database(copy, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'velmora'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM links WHERE a_actor <> '' AND b_date IS NOT NULL").pluck().get()).toBe(4);
    db.close();
  });

  it('merges into the same project without duplicates, and reports records that differ as conflicts', () => {
    const again = runCli(['import', '--project', env.file, out]);
    expect(again.stdout + again.stderr).not.toMatch(/^refused|gainsay:/m);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 articles (+2 already there)');
    expect(again.stdout).toContain('0 imported, 1 skipped as duplicates, 0 refused.');
    expect(again.stdout).not.toContain('conflict');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    doc.links[0].status = 'dismissed';
    doc.actors[0].name = 'Someone else';
    fs.writeFileSync(out, JSON.stringify(doc));
    const before = snapshotFile(env.file);
    const merged = runCli(['import', '--project', env.file, out]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toMatch(/conflict {3}link .* differs from the project’s; the project’s is kept/);
    expect(merged.stdout).toMatch(/conflict {3}actor .* differs/);
    expect(snapshotFile(env.file)).toEqual(before);
  });

  it('merges through the app window too: a new project gets everything, the outcome lists conflicts, Undo history ends, a bad file changes nothing', async () => {
    const text = fs.readFileSync(out, 'utf8');
    const other = tempBackend();
    try {
      await call(other.backend, 'actors.create', { name: 'Analyst’s own actor', kind: 'person' });
      expect((await call(other.backend, 'history.state', {})).undo).toMatch(/Add actor/);
      const merged = await call(other.backend, 'project.importJson', { name: 'colleague.json', text });
      expect(merged).toMatchObject({ name: 'colleague.json', status: 'imported' });
      expect(merged.message).toContain('merged: added 2 articles, 5 actors, 3 tags, 5 highlights, 4 claims, 4 links');
      expect(merged.conflicts).toBeUndefined();
      expect(await call(other.backend, 'history.state', {})).toEqual({ undo: null, redo: null });
      expect((await call(other.backend, 'links.review', { filters: { kind: 'contradicts', statuses: ['open', 'confirmed', 'dismissed'] } })).total).toBeGreaterThan(0);

      const doc = JSON.parse(text);
      doc.actors[0].name = 'Someone else';
      const again = await call(other.backend, 'project.importJson', { name: 'colleague.json', text: JSON.stringify(doc) });
      expect(again.status).toBe('duplicate');
      expect(again.message).toMatch(/^nothing new: added 0 articles \(\+2 already there\), .*; 3 conflicts, where the project’s records were kept$/);
      // The changed actor, and what rests on it: its claim, and that claim's link.
      expect(again.conflicts).toHaveLength(3);
      expect(again.conflicts[0]).toMatch(/^actor .* differs from the project’s; the project’s is kept$/);

      const before = snapshot(other.backend.project.db);
      doc.highlights[0].quote = 'not what the text says';
      const refused = await call(other.backend, 'project.importJson', { name: 'broken.json', text: JSON.stringify(doc) });
      expect(refused.status).toBe('refused');
      expect(refused.message).toMatch(/^broken\.json was not imported; nothing was changed\. The problem:\n {2}- highlights\.0: .*does not match the article text/);
      expect(snapshot(other.backend.project.db)).toEqual(before);
    } finally {
      other.dispose();
    }
  });

  it('refuses malformed JSON, another format version, offsets outside the text and wrong quotes, listing the problems and writing nothing', () => {
    const target = path.join(env.dir, 'target.gainsay');
    runCli(['import', '--project', target, out]);
    const before = snapshotFile(target);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    const cases: Array<[string, string, RegExp]> = [
      ['broken.json', '{"format": "gainsay-project", ', /is not valid JSON/],
      ['v2.json', JSON.stringify({ ...doc, formatVersion: 2 }), /format version 2; this version of Gainsay reads version 1/],
      ['other.json', JSON.stringify({ hello: 'world' }), /not a Gainsay project export/],
    ];
    const bad = structuredClone(doc);
    bad.articles = [];
    bad.highlights[0].id = '11111111-1111-4111-8111-111111111111';
    bad.highlights[0].articleId = '22222222-2222-4222-8222-222222222222';
    bad.highlights[1].end = 100_000;
    bad.highlights[2].quote = 'not what the text says';
    bad.claims[0].actorId = 'not-an-id';
    cases.push(['bad.json', JSON.stringify(bad), /problems?:\n[\s\S]*- claims\.0\.actorId: Invalid UUID/]);
    const semantic = structuredClone(doc);
    semantic.highlights[1].end = 100_000;
    semantic.highlights[2].quote = 'not what the text says';
    semantic.links[0].claimB = semantic.links[0].claimA;
    cases.push(['semantic.json', JSON.stringify(semantic), /3 problems:[\s\S]*outside the article’s \d+ code points[\s\S]*does not match the article text[\s\S]*linked to itself/]);
    for (const [name, text, message] of cases) {
      const file = path.join(env.dir, name);
      fs.writeFileSync(file, text);
      const result = runCli(['import', '--project', target, file]);
      expect(result.status, name).toBe(1);
      expect(result.stdout, name).toMatch(message);
      expect(result.stdout, name).toContain('nothing was changed');
    }
    expect(snapshotFile(target)).toEqual(before);
  });

  it('writes a project file copy, and leaves nothing behind where it cannot write', () => {
    const copy = path.join(env.dir, 'copy-of.gainsay');
    expect(runCli(['export', '--project', env.file, '--format', 'sqlite', '--out', copy]).status).toBe(0);
    const db = new Database(copy, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(allRecords(copy)).toEqual(allRecords(env.file));
    // A folder that is a file cannot be written into (a permission test would not stop root).
    const notAFolder = path.join(env.dir, 'not-a-folder');
    fs.writeFileSync(notAFolder, 'x');
    for (const format of ['json', 'sqlite']) {
      const result = runCli(['export', '--project', env.file, '--format', format, '--out', path.join(notAFolder, `x.${format}`)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/Cannot write .*Nothing was written there\./);
    }
    expect(fs.readdirSync(env.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
