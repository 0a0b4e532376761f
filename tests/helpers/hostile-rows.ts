import { createHash, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * Writes rows straight into a closed project file, as another tool (or someone crafting a file
 * to mail) could: nothing here goes through Gainsay's checks. `ignoreChecks` also lifts the
 * table's CHECK constraints (SQLite lets any writer do so), for offsets the schema forbids.
 */
export function writeRows<T>(file: string, write: (db: Database.Database) => T, { ignoreChecks = false } = {}): T {
  const db = new Database(file);
  try {
    if (ignoreChecks) db.pragma('ignore_check_constraints = ON');
    return db.transaction(() => write(db))();
  } finally {
    db.close();
  }
}

const STAMP = '2026-03-01T00:00:00.000Z';

/** Inserts an article row (no search index entry) and returns its id. */
export function insertArticleRow(db: Database.Database, title: string, text: string): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO articles (id, title, text, content_hash, source_kind, created_at, updated_at) VALUES (?, ?, ?, ?, 'txt', ?, ?)`,
  ).run(id, title, text, createHash('sha256').update(text).digest('hex'), STAMP, STAMP);
  return id;
}

/** Inserts a highlight row with any offsets and quote, and returns its id. */
export function insertHighlightRow(db: Database.Database, articleId: string, start: number | bigint, end: number | bigint, quote: string): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, quote_key, prefix, suffix, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?)`,
  ).run(id, articleId, start, end, quote, quote.toLowerCase(), STAMP, STAMP);
  return id;
}

/** Inserts a claim row on a highlight, by an existing actor, with any note, and returns its id. */
export function insertClaimRow(db: Database.Database, highlightId: string, actorId: string, noteJson = '', noteText = ''): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO claims (id, highlight_id, actor_id, note_json, note_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, highlightId, actorId, noteJson, noteText, STAMP, STAMP);
  return id;
}

/** A note as another Lexical editor (one with links) would save it: the note editor has no link node. */
export const NOTE_WITH_LINK = JSON.stringify({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', text: 'See ', detail: 0, format: 0, mode: 'normal', style: '', version: 1 },
          {
            type: 'link',
            url: 'https://example.org/transcript',
            rel: null,
            target: null,
            title: null,
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [{ type: 'text', text: 'the transcript', detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
          },
        ],
      },
    ],
  },
});
export const NOTE_WITH_LINK_TEXT = 'See the transcript';
