import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrations';
import { openProjectDatabase } from '../../electron/backend/db/open';
import { tempDir } from '../helpers/temp';

const T = '2026-01-01T00:00:00.000Z';

/** A version-10 file with three claims on two articles and two links (quote keys as the app folds them). */
function atVersion10(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, 10);
  for (const [id, hash] of [['art1', 'h1'], ['art2', 'h2']]) {
    db.prepare("INSERT INTO articles (id, title, text, content_hash, source_kind, published_at, created_at, updated_at) VALUES (?, 'Harbour', 'x', ?, 'txt', '2026-03-04', ?, ?)").run(id, hash, T, T);
  }
  db.prepare("INSERT INTO actors (id, name, folded, kind, created_at, updated_at) VALUES ('act', 'Harbour master', 'harbour master', 'person', ?, ?)").run(T, T);
  const quotes = [['h1', 'art1', ' the pier will reopen in may '], ['h2', 'art2', ' the ferry was never late '], ['h3', 'art2', ' no decision on the pier ']];
  for (const [id, article, key] of quotes) {
    db.prepare("INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, quote_key, created_at, updated_at) VALUES (?, ?, 0, 1, 'x', ?, ?, ?)").run(id, article, key, T, T);
    db.prepare("INSERT INTO claims (id, highlight_id, actor_id, created_at, updated_at) VALUES (?, ?, 'act', ?, ?)").run(`c${id}`, id, T, T);
  }
  const link = db.prepare("INSERT INTO links (id, claim_a, claim_b, kind, status, rationale_text, rationale_key, created_at, updated_at) VALUES (?, ?, ?, 'contradicts', ?, '', ?, ?, ?)");
  link.run('l1', 'ch1', 'ch2', 'open', '', T, T);
  link.run('l2', 'ch2', 'ch3', 'confirmed', ' the ministry denies it ', T, T);
  return db;
}

describe('migration 11 (review indexes)', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('indexes the words of existing links, keeps the index by its triggers, and the file then opens', () => {
    const file = path.join(temp.dir, 'v10.gainsay');
    const db = atVersion10(file);
    const links = () => db.prepare('SELECT * FROM links ORDER BY id').all();
    const before = links();

    migrate(db, 11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(links()).toEqual(before);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'links' AND name LIKE 'links_%' ORDER BY name").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['links_review_date', 'links_review_status', 'links_review_updated']));
    expect(indexes).not.toContain('links_kind_date');
    expect(indexes).not.toContain('links_kind_status');

    const found = (needle: string) =>
      db.prepare('SELECT l.id FROM link_words w JOIN links l ON l.rowid = w.rowid WHERE link_words MATCH ? ORDER BY l.id').pluck().all(`"${needle}"`);
    // Every needle finds exactly the links whose keys instr finds it in.
    const byInstr = (needle: string) =>
      db.prepare('SELECT id FROM links WHERE instr(a_quote_key, :n) OR instr(b_quote_key, :n) OR instr(rationale_key, :n) ORDER BY id').pluck().all({ n: needle });
    const needles = [' pier', ' the', 'erry', ' ministry denies', ' reopen in may ', 'pier will never', ' nothing'];
    for (const needle of needles) expect(found(needle), needle).toEqual(byInstr(needle));
    expect(found(' pier')).toEqual(['l1', 'l2']);
    expect(found(' ministry')).toEqual(['l2']);

    // A new link gets its quote keys from the link facts' trigger, and its words with them.
    db.prepare("INSERT INTO links (id, claim_a, claim_b, kind, created_at, updated_at) VALUES ('l3', 'ch1', 'ch3', 'corroborates', ?, ?)").run(T, T);
    expect(found(' no decision')).toEqual(['l2', 'l3']);
    expect(db.prepare("SELECT count(*) FROM link_words WHERE rowid = (SELECT rowid FROM links WHERE id = 'l3')").pluck().get()).toBe(1);
    // A quote's new words and a new rationale follow; a deleted link leaves the index.
    db.prepare("UPDATE highlights SET quote_key = ' the ferry sailed ' WHERE id = 'h2'").run();
    db.prepare("UPDATE links SET rationale_key = ' two accounts ' WHERE id = 'l1'").run();
    expect(found(' never late')).toEqual([]);
    expect(found(' sailed')).toEqual(['l1', 'l2']);
    expect(found(' two accounts')).toEqual(['l1']);
    expect(found(' ministry')).toEqual(['l2']);
    db.prepare("DELETE FROM links WHERE id = 'l2'").run();
    expect(found(' ministry')).toEqual([]);
    for (const needle of [...needles, ' sailed', ' two accounts', ' no decision']) expect(found(needle), needle).toEqual(byInstr(needle));
    expect(db.prepare('SELECT count(*) FROM link_words').pluck().get()).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // The schema check accepts the new indexes, the word index and its triggers as the app's own.
    openProjectDatabase(file).close();
  });
});
