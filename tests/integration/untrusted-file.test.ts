import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { LATEST_SCHEMA_VERSION, migrate } from '../../electron/backend/db/migrations';
import { openProjectDatabase } from '../../electron/backend/db/open';
import { expectOpenRefused } from '../helpers/refused';
import { call } from '../helpers/project';
import { tempDir } from '../helpers/temp';

/** Opening must be refused as untrusted, with the file and its folder left exactly as they were. */
const expectRefusedUntouched = (file: string) => expectOpenRefused(file, 'untrusted');

describe('SQLite protections on every project connection', () => {
  let temp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  beforeEach(() => {
    temp = tempDir();
    db = openProjectDatabase(path.join(temp.dir, 'p.gainsay'));
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('trusted_schema is off: a view or trigger of the file cannot call an application function', () => {
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    db.function('probe', () => 1);
    expect(db.prepare('SELECT probe() AS x').get()).toEqual({ x: 1 }); // the app itself may
    db.exec("ATTACH ':memory:' AS scratch; CREATE TABLE scratch.t(a); CREATE VIEW scratch.v AS SELECT probe() AS x");
    expect(() => db.prepare('SELECT x FROM scratch.v').get()).toThrow(/unsafe use of probe/);
    db.exec('CREATE TRIGGER scratch.tr AFTER INSERT ON t BEGIN SELECT probe(); END');
    expect(() => db.prepare('INSERT INTO scratch.t VALUES (1)').run()).toThrow(/unsafe use of probe/);
  });

  it('defensive mode is on: the schema and FTS shadow tables cannot be written, the journal not turned off', () => {
    db.pragma('writable_schema = ON');
    expect(() => db.prepare("UPDATE sqlite_schema SET sql = 'x' WHERE name = 'tags'").run()).toThrow(/may not be modified/);
    expect(() => db.prepare("INSERT INTO articles_fts_data (id, block) VALUES (999, x'00')").run()).toThrow(/may not be modified/);
    db.pragma('journal_mode = OFF');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('cell_size_check is on, and extensions cannot be loaded from SQL', () => {
    expect(db.pragma('cell_size_check', { simple: true })).toBe(1);
    expect(() => db.prepare("SELECT load_extension('/tmp/anything')").get()).toThrow(/not authorized/);
  });
});

const STAMP = '2026-03-01T00:00:00.000Z';

describe('the schema check on opening', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('opens what the app wrote, closed with planner statistics (sqlite_stat1 and stat4)', async () => {
    const file = path.join(temp.dir, 'worked.gainsay');
    const backend = Backend.open(file);
    await call(backend, 'articles.paste', { text: 'Monitors arrive\n\nThe ministry said monitors had arrived.', title: '' });
    await call(backend, 'actors.create', { name: 'Ministry of Defence', kind: 'government' });
    backend.project.db.exec('ANALYZE');
    backend.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'sqlite_stat%' ORDER BY name").pluck().all()).toEqual(['sqlite_stat1', 'sqlite_stat4']);
    db.close();
    openProjectDatabase(file).close();
  });

  for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
    it(`opens and upgrades a project saved at format ${version}`, () => {
      const file = path.join(temp.dir, `v${version}.gainsay`);
      const old = new Database(file);
      migrate(old, version);
      old.close();
      const db = openProjectDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      db.close();
    });
  }

  it('refuses an older file whose records break a rule of the current format, as one a clean copy can rescue, leaving it as it was', () => {
    const file = path.join(temp.dir, 'v8-wizard.gainsay');
    const old = new Database(file);
    migrate(old, 8);
    old.pragma('journal_mode = WAL');
    old.pragma('ignore_check_constraints = ON');
    old.prepare("INSERT INTO actors (id, name, folded, kind, role, created_at, updated_at) VALUES ('11111111-1111-4111-8111-111111111111', 'Nordpress', 'nordpress', 'wizard', '', ?, ?)").run(STAMP, STAMP);
    old.close();
    const error = expectOpenRefused(file, 'untrusted');
    expect(error.message).toMatch(/^“v8-wizard\.gainsay” was not opened: it is in an older project format, and a record in it breaks a rule of the current one \(CHECK constraint failed: .*\), so it cannot be brought up to date\. Its records were left as they were\. A clean copy keeps/);
  });

  it('names what differs: an extra trigger, a view in place of a table, an altered table, a missing index', () => {
    const file = path.join(temp.dir, 'altered.gainsay');
    openProjectDatabase(file).close();
    const db = new Database(file);
    db.exec(`
      CREATE TRIGGER wipe AFTER INSERT ON actors BEGIN DELETE FROM articles; END;
      ALTER TABLE tags ADD COLUMN colour TEXT;
      DROP INDEX claims_actor;
      ALTER TABLE claim_tags RENAME TO claim_tags_old;
      CREATE VIEW claim_tags AS SELECT * FROM claim_tags_old;
    `);
    db.close();
    const error = expectRefusedUntouched(file);
    expect(error.message).toContain('an extra trigger “wipe” on actors');
    expect(error.message).toContain('an altered table “tags”');
    expect(error.message).toContain('a view “claim_tags” where Gainsay has a table');
    // Five are named (the missing index “claims_actor” is the sixth), the rest counted.
    expect(error.message).toContain('; and 1 more)');
  });

  it('refuses a project whose text is stored as UTF-16', () => {
    const file = path.join(temp.dir, 'utf16.gainsay');
    const db = new Database(file);
    db.pragma("encoding = 'UTF-16le'");
    migrate(db);
    db.close();
    expect(expectRefusedUntouched(file).message).toContain('text stored as UTF-16le');
  });

  it('refuses any addition to the schema, whatever it is called, before any of it runs (property)', () => {
    const base = path.join(temp.dir, 'base.gainsay');
    openProjectDatabase(base).close();
    const canary = path.join(temp.dir, 'canary');
    fs.mkdirSync(canary);
    const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const payload = `'); END; ATTACH '${path.join(canary, 'x.db')}' AS p; CREATE TABLE p.t(a); --`;
    const nameArb = fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.constantFrom(payload, `x${payload}`, 'rowid', 'sqlite_x', 'articles_fts_extra', "a'b", 'a"b', 'a]b'),
    ).filter((n) => !n.includes('\0') && !/^sqlite_/i.test(n));
    const tableArb = fc.constantFrom('articles', 'actors', 'actor_aliases', 'tags', 'highlights', 'claims', 'claim_tags', 'links');
    const additionArb = fc.oneof(
      fc.record({ kind: fc.constant('column' as const), table: tableArb, name: nameArb }),
      fc.record({ kind: fc.constant('table' as const), table: tableArb, name: nameArb }),
      fc.record({ kind: fc.constant('index' as const), table: tableArb, name: nameArb }),
      fc.record({ kind: fc.constant('trigger' as const), table: tableArb, name: nameArb }),
      fc.record({ kind: fc.constant('view' as const), table: tableArb, name: nameArb }),
    );
    let n = 0;
    fc.assert(
      fc.property(additionArb, (addition) => {
        const file = path.join(temp.dir, `p${n++}.gainsay`);
        fs.copyFileSync(base, file);
        const db = new Database(file);
        try {
          const sql = {
            column: `ALTER TABLE ${addition.table} ADD COLUMN ${quoted(addition.name)} TEXT`,
            table: `CREATE TABLE ${quoted(addition.name)} (a)`,
            index: `CREATE INDEX ${quoted(addition.name)} ON ${addition.table}(created_at)`,
            trigger: `CREATE TRIGGER ${quoted(addition.name)} AFTER INSERT ON ${addition.table} BEGIN SELECT 1; END`,
            view: `CREATE VIEW ${quoted(addition.name)} AS SELECT 1`,
          }[addition.kind];
          try {
            db.exec(sql);
          } catch {
            return; // a name SQLite itself refuses (e.g. one already taken) makes no file to test
          }
        } finally {
          db.close();
        }
        expectRefusedUntouched(file);
        expect(fs.readdirSync(canary)).toEqual([]);
        fs.rmSync(file);
      }),
      { numRuns: 60 },
    );
  });
});
