import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../electron/backend/db/file-identity';
import type { Migration } from '../../electron/backend/db/migration';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../electron/backend/db/migrations';
import { FOLD_VERSION } from '../../shared/fold';
import { openProjectDatabase } from '../../electron/backend/db/open';
import { tempDir } from '../helpers/temp';

describe('migrations', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('are numbered consecutively from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring an empty file to the latest version with the project settings on', () => {
    const db = openProjectDatabase(path.join(temp.dir, 'new.gainsay'));
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      // Ordinary tables are STRICT; FTS5's virtual and shadow tables are SQLite's own.
      const tables = (db.pragma('table_list') as Array<{ schema: string; name: string; type: string; strict: number }>).filter(
        (t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'),
      );
      expect(tables.length).toBeGreaterThan(5);
      for (const table of tables) expect(table.strict, table.name).toBe(1);
    } finally {
      db.close();
    }
  });

  // One test per migration, each starting from the version before it.
  for (const migration of MIGRATIONS) {
    it(`migration ${migration.version} (${migration.name}) applies from version ${migration.version - 1} in one step`, () => {
      const db = new Database(path.join(temp.dir, `m${migration.version}.gainsay`));
      try {
        migrate(db, migration.version - 1);
        expect(db.pragma('user_version', { simple: true })).toBe(migration.version - 1);
        migrate(db, migration.version);
        expect(db.pragma('user_version', { simple: true })).toBe(migration.version);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        db.close();
      }
    });
  }

  it('are not applied twice', () => {
    const file = path.join(temp.dir, 'twice.gainsay');
    openProjectDatabase(file).close();
    const db = openProjectDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('roll back a failing migration whole through migrate(), leaving the version where it was', () => {
    const db = new Database(path.join(temp.dir, 'fail.gainsay'));
    try {
      const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER) STRICT; CREATE TABLE half_done (y INTEGER);' };
      expect(() => migrate(db, 2, [MIGRATIONS[0]!, broken])).toThrow(/already exists/);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('are literal SQL: no migration calls the app to compute anything', () => {
    for (const migration of MIGRATIONS) {
      expect(typeof migration.sql, migration.name).toBe('string');
      // The one other key is a flag for how the runner applies the SQL, never code to run.
      const keys = Object.keys(migration).sort();
      expect(keys, migration.name).toEqual(migration.rebuildsTables ? ['name', 'rebuildsTables', 'sql', 'version'] : ['name', 'sql', 'version']);
      if (migration.rebuildsTables) expect(migration.rebuildsTables).toBe(true);
    }
  });

  describe('schema 1 constraints', () => {
    let db: Database.Database;
    const t = '2026-01-01T00:00:00.000Z';
    beforeEach(() => {
      db = openProjectDatabase(path.join(temp.dir, 'c.gainsay'));
      db.prepare("INSERT INTO articles (id, title, text, content_hash, source_kind, created_at, updated_at) VALUES ('art', 'A', 'Some text here', 'h', 'txt', ?, ?)").run(t, t);
      db.prepare("INSERT INTO actors (id, name, folded, kind, created_at, updated_at) VALUES ('act', 'X', 'x', 'person', ?, ?)").run(t, t);
    });
    afterEach(() => db.close());

    const highlight = (id: string, start: number, end: number) =>
      db.prepare('INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, 'art', start, end, 'q', t, t);
    const claim = (id: string, hl: string) =>
      db.prepare('INSERT INTO claims (id, highlight_id, actor_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, hl, 'act', t, t);

    it('rejects empty or negative spans and wrong types (STRICT)', () => {
      expect(() => highlight('h0', 5, 5)).toThrow(/CHECK/);
      expect(() => highlight('h1', -1, 3)).toThrow(/CHECK/);
      expect(() =>
        db.prepare("INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, created_at, updated_at) VALUES ('h2', 'art', 'one', 3, 'q', ?, ?)").run(t, t),
      ).toThrow(/cannot store TEXT value in INTEGER column/);
    });

    it('enforces foreign keys and one claim per highlight', () => {
      highlight('h1', 0, 4);
      claim('c1', 'h1');
      expect(() => claim('c2', 'h1')).toThrow(/UNIQUE/);
      expect(() => claim('c3', 'missing')).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare("DELETE FROM actors WHERE id = 'act'").run()).toThrow(/FOREIGN KEY/);
    });

    it('stores a link once per pair, ordered, and cascades from claims', () => {
      highlight('h1', 0, 4);
      highlight('h2', 5, 9);
      claim('c1', 'h1');
      claim('c2', 'h2');
      const link = (id: string, a: string, b: string) =>
        db.prepare("INSERT INTO links (id, claim_a, claim_b, kind, created_at, updated_at) VALUES (?, ?, ?, 'contradicts', ?, ?)").run(id, a, b, t, t);
      expect(() => link('l0', 'c2', 'c1')).toThrow(/CHECK/);
      expect(() => link('l1', 'c1', 'c1')).toThrow(/CHECK/);
      link('l2', 'c1', 'c2');
      expect(() => link('l3', 'c1', 'c2')).toThrow(/UNIQUE/);
      db.prepare("DELETE FROM articles WHERE id = 'art'").run();
      expect(db.prepare('SELECT count(*) AS n FROM links').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM claims').get()).toEqual({ n: 0 });
    });
  });

  /** A project at version 2 with the rows every later migration transforms: two claims, a link, dates. */
  function atVersion2(file: string): Database.Database {
    const db = new Database(file);
    const t = '2026-01-01T00:00:00.000Z';
    migrate(db, 2);
    db.prepare("INSERT INTO articles (id, title, text, content_hash, source_kind, published_at, created_at, updated_at) VALUES ('art', 'Straße', 'Łukasiewicz: “Nie!” Erdoğan', 'h', 'txt', '2026-03-04T10:00:00Z', ?, ?)").run(t, t);
    db.prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (1, 'Strase', 'Lukasiewicz: “Nie!” Erdoğan')").run();
    db.prepare("INSERT INTO actors (id, name, folded, kind, created_at, updated_at) VALUES ('act', 'Þór', 'thor', 'person', ?, ?), ('bct', 'Y', 'y', 'person', ?, ?)").run(t, t, t, t);
    for (const [id, start, end, quote, actor, on] of [['h1', 0, 18, 'Łukasiewicz: “Nie!”', 'act', '2026-02-01'], ['h2', 19, 26, 'Erdoğan', 'bct', null]] as const) {
      db.prepare('INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, 'art', start, end, quote, t, t);
      db.prepare('INSERT INTO claims (id, highlight_id, actor_id, claimed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(`c${id}`, id, actor, on, t, t);
    }
    db.prepare("INSERT INTO links (id, claim_a, claim_b, kind, rationale_text, created_at, updated_at) VALUES ('l', 'ch1', 'ch2', 'contradicts', 'Straße NBSP here', ?, ?)").run(t, t);
    return db;
  }

  it('migration 3 gives existing links the facts of both sides, and the sort date', () => {
    const db = atVersion2(path.join(temp.dir, 'facts.gainsay'));
    try {
      migrate(db, 3);
      expect(db.prepare('SELECT a_actor, b_actor, a_article, b_article, a_date, b_date, sort_date FROM links').get()).toEqual({
        a_actor: 'act', b_actor: 'bct', a_article: 'art', b_article: 'art', a_date: '2026-02-01', b_date: '2026-03-04', sort_date: '2026-03-04',
      });
      // Its triggers keep them: a redated claim moves its link.
      db.prepare("UPDATE claims SET claimed_on = '2026-05-06' WHERE id = 'ch1'").run();
      expect(db.prepare('SELECT a_date, sort_date FROM links').get()).toEqual({ a_date: '2026-05-06', sort_date: '2026-05-06' });
    } finally {
      db.close();
    }
  });

  it('migration 4 adds the table of derived key versions, empty', () => {
    const db = atVersion2(path.join(temp.dir, 'v4.gainsay'));
    try {
      migrate(db, 3);
      migrate(db, 4);
      expect(db.prepare('SELECT count(*) FROM derived_versions').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM links').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('migration 7 indexes the quotes of existing claims and counts the existing links by actor pair', () => {
    const db = atVersion2(path.join(temp.dir, 'v7.gainsay'));
    try {
      migrate(db, 6);
      db.prepare("UPDATE highlights SET quote_key = CASE id WHEN 'h1' THEN ' lukasiewicz nie ' ELSE ' erdogan ' END").run();
      migrate(db, 7);
      const found = (needle: string) => db.prepare('SELECT c.id FROM claim_quotes f JOIN claims c ON c.rowid = f.rowid WHERE claim_quotes MATCH ?').pluck().all(`"${needle}"`);
      expect(found(' lukas')).toEqual(['ch1']);
      expect(found('rdoga')).toEqual(['ch2']);
      expect(found(' nie erdogan')).toEqual([]);
      expect(db.prepare('SELECT * FROM link_pair_counts').all()).toEqual([{ kind: 'contradicts', x: 'act', y: 'bct', total: 1, open: 1, confirmed: 0, dismissed: 0 }]);
      // Its triggers keep both: a new quote key and a confirmed link.
      db.prepare("UPDATE highlights SET quote_key = ' ilham ' WHERE id = 'h2'").run();
      db.prepare("UPDATE links SET status = 'confirmed'").run();
      expect(found(' ilh')).toEqual(['ch2']);
      expect(found('rdoga')).toEqual([]);
      expect(db.prepare('SELECT total, open, confirmed FROM link_pair_counts').all()).toEqual([{ total: 1, open: 0, confirmed: 1 }]);
      db.prepare('DELETE FROM links').run();
      expect(db.prepare('SELECT count(*) FROM link_pair_counts').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('opening a file whose search keys are from an older folding makes every key again (strasse finds Straße)', () => {
    const file = path.join(temp.dir, 'keys.gainsay');
    const old = atVersion2(file);
    migrate(old, 3);
    // As the previous folding left them: ß as s, Þ kept.
    old.prepare("UPDATE highlights SET quote_key = ' strase ' WHERE id = 'h2'").run();
    old.prepare("UPDATE actors SET folded = 'þor' WHERE id = 'act'").run();
    old.close();
    const db = openProjectDatabase(file);
    try {
      expect(db.prepare('SELECT quote_key FROM highlights ORDER BY id').pluck().all()).toEqual([' lukasiewicz nie ', ' erdogan ']);
      expect(db.prepare('SELECT rationale_key, b_quote_key FROM links').get()).toEqual({ rationale_key: ' strasse nbsp here ', b_quote_key: ' erdogan ' });
      expect(db.prepare("SELECT folded FROM actors WHERE id = 'act'").pluck().get()).toBe('thor');
      expect(db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'strasse'").pluck().all()).toEqual([1]);
      expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'strase'").pluck().get()).toBe(0);
      expect(db.prepare("SELECT version FROM derived_versions WHERE name = 'fold'").pluck().get()).toBe(FOLD_VERSION);
    } finally {
      db.close();
    }
  });
});
