/**
 * A corpus of hostile project files, as a colleague's mailed `.gainsay` might be: each starts as a
 * real project written by the app and is then altered with plain SQLite, the way an attacker
 * would. Schema attacks must be refused before anything in them runs; data attacks open, and
 * everything that reads them must stay bounded. Payloads that act try to create a file in
 * `canary` (anywhere outside the project would do) or to delete a project's articles.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Backend } from '../../electron/backend/backend';
import { call } from './project';

export interface HostileFile {
  name: string;
  /** schema: must be refused unopened; data: opens, and every reader must stay bounded. */
  kind: 'schema' | 'data';
  file: string;
}

/** The tables the undo log puts triggers on: a column name in each is an injection point. */
export const UNDO_TABLES = ['actors', 'actor_aliases', 'tags', 'highlights', 'claims', 'claim_tags', 'links', 'candidate_dismissals', 'suggestion_rejections'];

export const ARTICLE_TEXT = [
  'Ceasefire monitors: foreign troops “not on the agenda”, spokesman says',
  'The spokesman, Ilya Varetsky, told the Nordpress agency on Tuesday that no foreign troops would join the mission.',
  '“There was no such agreement,” he said.',
].join('\n\n');

/** A project as the app writes it: one article, two actors, a claim with a tag, a second claim and a link. */
async function writeProject(file: string): Promise<void> {
  const backend = Backend.open(file);
  try {
    const imported = await call(backend, 'articles.paste', { text: ARTICLE_TEXT, title: '' });
    const articleId = imported.articleId as string;
    const quoteA = 'no foreign troops would join the mission';
    const quoteB = 'There was no such agreement';
    const speaker = await call(backend, 'actors.create', { name: 'Ilya Varetsky', kind: 'person' });
    const agency = await call(backend, 'actors.create', { name: 'Nordpress', kind: 'outlet' });
    await call(backend, 'actors.addAlias', { id: speaker.id, alias: 'I. Varetski' });
    const claims: string[] = [];
    for (const quote of [quoteA, quoteB]) {
      const start = [...ARTICLE_TEXT.slice(0, ARTICLE_TEXT.indexOf(quote))].length;
      const highlight = await call(backend, 'highlights.create', { articleId, start, end: start + [...quote].length, quote });
      const claimed = await call(backend, 'claims.set', {
        highlightId: highlight.id,
        actor: { id: speaker.id },
        via: { id: agency.id },
        tags: ['troops'],
      });
      claims.push(claimed.claim.id);
    }
    await call(backend, 'links.create', { claimA: claims[0], claimB: claims[1], kind: 'corroborates', rationaleJson: '', rationaleText: '' });
  } finally {
    backend.close();
  }
}

/** Opens a file as an attacker would: plain SQLite, no protections. */
function tamper(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.unsafeMode(true);
  try {
    change(db);
  } finally {
    db.close();
  }
}

/** SQL that, if it ever runs, creates a database file in `canary`. */
function attachPayload(canary: string, tag: string): string {
  return `ATTACH '${path.join(canary, `${tag}.db`)}' AS p; CREATE TABLE p.t(a); DETACH p;`;
}

/** The column name the red team used: it closes the undo log's trigger and runs its own SQL. */
function injectedColumn(canary: string, tag: string): string {
  return `a'); END; ${attachPayload(canary, tag)} --`;
}

const SPIN = 'WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) AS n FROM r';

/** Writes every hostile file into `dir`. */
export async function writeHostileCorpus(dir: string, canary: string): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const base = path.join(dir, 'base.gainsay');
  await writeProject(base);
  const make = (name: string, kind: HostileFile['kind'], change: (db: Database.Database) => void) => {
    const file = path.join(dir, `${name}.gainsay`);
    fs.copyFileSync(base, file);
    tamper(file, change);
    files.push({ name, kind, file });
  };

  for (const table of UNDO_TABLES) {
    make(`column-injection-${table}`, 'schema', (db) => {
      db.exec(`ALTER TABLE ${table} ADD COLUMN "${injectedColumn(canary, table).replaceAll('"', '""')}" TEXT`);
    });
  }
  make('extra-trigger-wipes-articles', 'schema', (db) => {
    db.exec('CREATE TRIGGER wipe AFTER INSERT ON actors BEGIN DELETE FROM articles; END');
  });
  make('shadowing-view', 'schema', (db) => {
    db.pragma('foreign_keys = OFF');
    db.pragma('legacy_alter_table = ON');
    db.exec(`ALTER TABLE articles RENAME TO articles_kept; CREATE VIEW articles AS SELECT * FROM articles_kept, (${SPIN})`);
  });
  make('recursive-view-in-trigger', 'schema', (db) => {
    db.exec(`CREATE VIEW spin AS ${SPIN}; CREATE TRIGGER spin_on_actor AFTER INSERT ON actors BEGIN SELECT n FROM spin; END`);
  });
  make('altered-check', 'schema', (db) => {
    // The same table, with a CHECK that costs a full recursion per row read by quick_check.
    db.pragma('writable_schema = ON');
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'tags'").pluck().get() as string;
    db.prepare("UPDATE sqlite_schema SET sql = ? WHERE name = 'tags'").run(sql.replace('updated_at TEXT NOT NULL', 'updated_at TEXT NOT NULL CHECK (length(updated_at) < 1e9)'));
  });
  make('extra-index', 'schema', (db) => {
    db.exec('CREATE INDEX sneaky ON articles(title)');
  });

  // The payload only in the WAL: a clean main file beside a -wal that adds the injected column.
  {
    const file = path.join(dir, 'wal-only-injection.gainsay');
    fs.copyFileSync(base, path.join(dir, 'wal-source.gainsay'));
    const db = new Database(path.join(dir, 'wal-source.gainsay'));
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(path.join(dir, 'wal-source.gainsay'), file);
    db.exec(`ALTER TABLE actors ADD COLUMN "${injectedColumn(canary, 'wal').replaceAll('"', '""')}" TEXT`);
    fs.copyFileSync(path.join(dir, 'wal-source.gainsay-wal'), `${file}-wal`);
    db.close();
    fs.rmSync(path.join(dir, 'wal-source.gainsay'));
    files.push({ name: 'wal-only-injection', kind: 'schema', file });
  }

  make('offsets-out-of-range', 'data', (db) => {
    db.prepare('UPDATE highlights SET end_cp = ? WHERE rowid = (SELECT min(rowid) FROM highlights)').run(2 ** 53);
    db.prepare('UPDATE highlights SET start_cp = 100000, end_cp = 100010 WHERE rowid = (SELECT max(rowid) FROM highlights)').run();
  });
  make('quote-mismatch', 'data', (db) => {
    db.prepare("UPDATE highlights SET quote = 'words that are not there'").run();
  });
  make('huge-strings', 'data', (db) => {
    // Keys are remade on the next open, over text past every limit (a crash once: V8 ran out of room).
    db.exec("DELETE FROM derived_versions");
    db.prepare('INSERT INTO articles (id, title, text, content_hash, source_kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      '00000000-0000-4000-8000-0000000000aa', 'Éé', 'éa'.repeat(14_000_000), 'huge-non-ascii', 'txt', 't', 't',
    );
    db.prepare('UPDATE articles SET title = ?').run('Headline '.repeat(2_300_000));
    db.prepare('UPDATE articles SET text = text || ?').run('\n\nfiller paragraph '.repeat(2_800_000));
    db.prepare('UPDATE actors SET name = ? WHERE rowid = (SELECT min(rowid) FROM actors)').run('Varetsky '.repeat(5_600_000));
    db.prepare('UPDATE claims SET note_text = ?').run('note '.repeat(10_000_000));
  });
  make('invalid-utf8', 'data', (db) => {
    db.exec("UPDATE articles SET title = CAST(x'48656c6c6ffffe80' AS TEXT)");
    db.exec("UPDATE actors SET name = CAST(x'c328a0a1' AS TEXT) WHERE rowid = (SELECT min(rowid) FROM actors)");
    db.exec("UPDATE highlights SET quote = CAST(x'e28228' AS TEXT) WHERE rowid = (SELECT min(rowid) FROM highlights)");
  });
  make('broken-foreign-keys', 'data', (db) => {
    db.pragma('foreign_keys = OFF');
    db.exec("UPDATE claims SET actor_id = '00000000-0000-4000-8000-000000000000' WHERE rowid = (SELECT min(rowid) FROM claims)");
    db.exec("UPDATE highlights SET article_id = '00000000-0000-4000-8000-000000000001' WHERE rowid = (SELECT max(rowid) FROM highlights)");
    db.exec("INSERT INTO claim_tags (claim_id, tag_id) SELECT id, '00000000-0000-4000-8000-000000000002' FROM claims LIMIT 1");
  });
  make('article-id-traversal', 'data', (db) => {
    // An id that, used as a file name by an export to DIR/NAME, would write DIR/../canary/victim.
    const id = `../../${path.basename(canary)}/victim`;
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE highlights SET article_id = ?').run(id);
    db.prepare('UPDATE articles SET id = ?').run(id);
  });
  make('bad-enums-and-notes', 'data', (db) => {
    db.exec('PRAGMA ignore_check_constraints = ON');
    db.exec("UPDATE claims SET claimed_on = '<img src=x onerror=alert(1)> [x](javascript:alert(1))'");
    db.exec("UPDATE actors SET kind = 'wizard' WHERE rowid = (SELECT min(rowid) FROM actors)");
    db.exec("UPDATE links SET kind = 'refutes', status = 'maybe'");
    db.exec(`UPDATE claims SET note_json = '{"root":{"type":"root","children":[{"type":"link","url":"javascript:alert(1)","children":[]}]}}'`);
  });
  fs.rmSync(base);
  return files;
}
