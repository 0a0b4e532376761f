import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { makeCleanCopy } from '../../electron/backend/db/clean-copy';
import { ProjectRecords } from '../../electron/backend/export/records';
import { noteFromText } from '../../shared/notes/note-state';
import { ROOT, runCli } from '../helpers/cli';
import { fileHash } from '../helpers/files';
import { ARTICLE_TEXT } from '../helpers/hostile-files';
import { call } from '../helpers/project';
import { tempDir } from '../helpers/temp';

/** A project the app wrote: an article, two actors (one with an alias), a tag, three claims, two links. */
async function writeProject(file: string): Promise<{ badHighlight: string }> {
  const backend = Backend.open(file);
  try {
    const { articleId } = await call(backend, 'articles.paste', { text: ARTICLE_TEXT, title: '' });
    const speaker = await call(backend, 'actors.create', { name: 'Ilya Varetsky', kind: 'person' });
    const agency = await call(backend, 'actors.create', { name: 'Nordpress', kind: 'outlet' });
    await call(backend, 'actors.addAlias', { id: speaker.id, alias: 'Ilja Warezki' });
    const claims: string[] = [];
    const highlights: string[] = [];
    for (const quote of ['no foreign troops would join the mission', 'There was no such agreement', 'Ceasefire monitors']) {
      const start = [...ARTICLE_TEXT.slice(0, ARTICLE_TEXT.indexOf(quote))].length;
      const highlight = await call(backend, 'highlights.create', { articleId, start, end: start + [...quote].length, quote });
      const set = await call(backend, 'claims.set', { highlightId: highlight.id, actor: { id: speaker.id }, via: { id: agency.id }, tags: ['troops'] });
      claims.push(set.claim.id);
      highlights.push(highlight.id);
    }
    await call(backend, 'links.create', { claimA: claims[0], claimB: claims[1], kind: 'corroborates', rationaleJson: noteFromText('Same denial'), rationaleText: 'Same denial' });
    await call(backend, 'links.create', { claimA: claims[1], claimB: claims[2], kind: 'contradicts', rationaleJson: '', rationaleText: '' });
    return { badHighlight: highlights[2]! };
  } finally {
    backend.close();
  }
}

function records(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const r = new ProjectRecords(db);
    return { articles: [...r.articles()], actors: [...r.actors()], tags: [...r.tags()], highlights: [...r.highlights()], claims: [...r.claims()], links: [...r.links()] };
  } finally {
    db.close();
  }
}

describe('gainsay clean-copy', () => {
  let temp: ReturnType<typeof tempDir>;
  let canary: string;
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli.cjs'))) throw new Error('Run `npm run build` before the tests.');
  });
  beforeEach(() => {
    temp = tempDir();
    canary = path.join(temp.dir, 'canary');
    fs.mkdirSync(canary);
  });
  afterEach(() => temp.remove());

  it('copies the records of a refused file into a new project, leaving out its own objects and every record that fails validation', async () => {
    const file = path.join(temp.dir, 'From a colleague.gainsay');
    const { badHighlight } = await writeProject(file);
    const original = records(file);
    const db = new Database(file);
    db.unsafeMode(true);
    db.exec(`CREATE TRIGGER wipe AFTER INSERT ON actors BEGIN DELETE FROM articles; END`);
    db.exec(`ALTER TABLE actors ADD COLUMN "a'); END; ATTACH '${path.join(canary, 'x.db')}' AS p; CREATE TABLE p.t(a); --" TEXT`);
    db.prepare('UPDATE highlights SET end_cp = ? WHERE id = ?').run(2 ** 53, badHighlight);
    const linkNote = '{"root":{"type":"root","children":[{"type":"link","url":"javascript:alert(1)","children":[]}]}}';
    const noted = original.claims.find((c) => c.highlightId !== badHighlight)!.id;
    db.prepare("UPDATE claims SET note_json = ?, note_text = 'See the source' WHERE id = ?").run(linkNote, noted);
    db.close();
    const before = fileHash(file);
    const siblings = fs.readdirSync(temp.dir).sort();

    const refused = runCli(['serve', '--project', file]);
    expect(refused.status).toBe(1);
    const suggested = /gainsay clean-copy --project (".*?") --out (".*?")$/m.exec(refused.stderr);
    expect(suggested, refused.stderr).not.toBeNull();
    const copy = JSON.parse(suggested![2]!) as string;
    expect(copy).toBe(path.join(temp.dir, 'From a colleague (clean copy).gainsay'));

    const result = runCli(['clean-copy', '--project', JSON.parse(suggested![1]!), '--out', copy]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`clean copy written to ${copy}: 1 article, 2 actors, 1 tag, 2 highlights, 2 claims, 1 link`);
    expect(result.stdout).toContain('left out an extra trigger “wipe” on actors');
    expect(result.stdout).toContain('left out an altered table “actors”');
    expect(result.stdout).toContain(`left out highlight ${badHighlight}: end: `);
    expect(result.stdout).toMatch(/left out claim [\w-]+: its highlight is not in the copy/);
    expect(result.stdout).toMatch(/left out link [\w-]+: one of its claims is not in the copy/);
    expect(result.stdout).toContain(`left out the formatting of claim ${noted}’s note: it holds a “link” node, which the note editor does not make; its text is kept`);
    expect(result.stdout).toMatch(/6 left out; the original was not changed\.\n$/);

    expect(fileHash(file)).toBe(before);
    expect(fs.readdirSync(temp.dir).sort()).toEqual([...siblings, path.basename(copy)].sort()); // no -wal or -shm left beside the original
    expect(fs.readdirSync(canary)).toEqual([]);
    // The copy opens, and holds the original's records exactly, less those left out.
    const copied = records(copy);
    expect(copied.articles).toEqual(original.articles);
    expect(copied.actors).toEqual(original.actors);
    expect(copied.tags).toEqual(original.tags);
    expect(copied.highlights).toEqual(original.highlights.filter((h) => h.id !== badHighlight));
    expect(copied.claims).toEqual(
      original.claims
        .filter((c) => c.highlightId !== badHighlight)
        .map((c) => (c.id === noted ? { ...c, noteJson: noteFromText('See the source'), noteText: 'See the source' } : c)),
    );
    expect(copied.links).toHaveLength(1);
    expect(copied.links[0]).toEqual(original.links.find((l) => l.rationaleText === 'Same denial'));
    const backend = Backend.open(copy);
    expect(await call(backend, 'actors.create', { name: 'Agence Lumière', kind: 'outlet' })).toMatchObject({ name: 'Agence Lumière' });
    backend.close();
    expect(records(copy).articles).toHaveLength(1); // no trigger came along to wipe them
  });

  it('gives records whose ids Gainsay does not make new ids in the clean copy, and the records naming them the new ones, keeping every record', async () => {
    const file = path.join(temp.dir, 'Other tool.gainsay');
    await writeProject(file);
    const original = records(file);
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    const [articleId, actorId] = [original.articles[0]!.id, original.actors.find((a) => a.name === 'Nordpress')!.id];
    db.transaction(() => {
      db.prepare("UPDATE articles SET id = 'report-2' WHERE id = ?").run(articleId);
      db.prepare("UPDATE highlights SET article_id = 'report-2' WHERE article_id = ?").run(articleId);
      db.prepare("UPDATE actors SET id = 'nordpress' WHERE id = ?").run(actorId);
      db.prepare("UPDATE claims SET via_actor_id = 'nordpress' WHERE via_actor_id = ?").run(actorId);
    })();
    db.close();
    const copy = path.join(temp.dir, 'Other tool (clean copy).gainsay');
    const result = runCli(['clean-copy', '--project', file, '--out', copy]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`clean copy written to ${copy}: 1 article, 2 actors, 1 tag, 3 highlights, 3 claims, 2 links`);
    expect(result.stdout).toMatch(/gave article "report-2" the new id [\w-]+\n/);
    expect(result.stdout).toMatch(/gave actor "nordpress" the new id [\w-]+\n/);
    expect(result.stdout).toMatch(/Nothing was left out; the original was not changed\.\n$/);
    const copied = records(copy);
    const newArticle = copied.articles[0]!.id;
    const newAgency = copied.actors.find((a) => a.name === 'Nordpress')!.id;
    expect(copied.highlights.every((h) => h.articleId === newArticle)).toBe(true);
    expect(copied.claims.every((c) => c.viaActorId === newAgency)).toBe(true);
    expect(copied.links).toHaveLength(2);
    const backend = Backend.open(copy);
    expect(await call(backend, 'articles.open', { id: newArticle })).toMatchObject({ article: { id: newArticle } });
    backend.close();
  });

  it('refuses, changing nothing, a file whose tables cannot be read safely', async () => {
    const file = path.join(temp.dir, 'shadowed.gainsay');
    await writeProject(file);
    const db = new Database(file);
    db.pragma('legacy_alter_table = ON');
    db.exec('ALTER TABLE articles RENAME TO articles_kept; CREATE VIEW articles AS SELECT * FROM articles_kept');
    db.close();
    const before = fileHash(file);
    const out = path.join(temp.dir, 'copy.gainsay');
    const result = runCli(['clean-copy', '--project', file, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('gainsay: No clean copy of “shadowed.gainsay” could be made: its “articles” is not the table Gainsay makes, so its records cannot be read safely. The file was left untouched.');
    expect(fs.existsSync(out)).toBe(false);
    expect(fileHash(file)).toBe(before);
  });

  it('checks each highlight against its article once, however many an article has', async () => {
    const file = path.join(temp.dir, 'long.gainsay');
    await writeProject(file);
    const text = `${'Die Straße — “kein Abkommen”. '.repeat(40_000)}`; // 1.2 million characters
    const db = new Database(file);
    db.exec('CREATE TRIGGER extra AFTER INSERT ON tags BEGIN SELECT 1; END');
    db.prepare("INSERT INTO articles (id, title, text, content_hash, source_kind, created_at, updated_at) VALUES ('00000000-0000-4000-8000-00000000000a', 'Long', ?, 'long', 'txt', 't', 't')").run(text);
    const insert = db.prepare("INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, created_at, updated_at) VALUES (?, '00000000-0000-4000-8000-00000000000a', ?, ?, 'Die Straße', 't', 't')");
    for (let i = 0; i < 3000; i++) insert.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, i * 30, i * 30 + 10);
    db.close();
    const out = path.join(temp.dir, 'long copy.gainsay');
    const started = Date.now();
    const report = makeCleanCopy(file, out);
    // Checked with one offset map per article this takes about a second; remade per highlight, minutes.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(report.copied.highlights).toBe(3003);
  }, 60_000);

  it('never writes over a file', async () => {
    const file = path.join(temp.dir, 'p.gainsay');
    await writeProject(file);
    fs.writeFileSync(path.join(temp.dir, 'taken.gainsay'), 'mine');
    const result = runCli(['clean-copy', '--project', file, '--out', path.join(temp.dir, 'taken.gainsay')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('“taken.gainsay” already exists; choose a new file for the clean copy.');
    expect(fs.readFileSync(path.join(temp.dir, 'taken.gainsay'), 'utf8')).toBe('mine');
    expect(runCli(['clean-copy', '--project', file, '--out', file]).stderr).toContain('must be written to a new file');
  });
});
