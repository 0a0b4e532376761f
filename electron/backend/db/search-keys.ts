import type Database from 'better-sqlite3';
import { FOLD_VERSION, fold } from '../../../shared/fold';
import { searchText } from '../../../shared/search-text';
import { searchKey } from '../../../shared/text/search-query';
import { MAX_ARTICLE_LENGTH, MAX_NAME, MAX_QUOTE } from '../../../shared/domain';
import { MAX_NOTE_TEXT } from '../../../shared/notes/note-state';

const NAME = 'fold';

/**
 * Makes every stored search key again when the file's keys were made by another version of the
 * folding (or by none): actor names and aliases, quotes, rationales, and the full-text index's
 * copy of each article. One transaction, before anything else reads the keys; the links' copies
 * of the quote keys follow by the file's own trigger.
 */
export function ensureSearchKeys(db: Database.Database): void {
  const stored = db.prepare('SELECT version FROM derived_versions WHERE name = ?').pluck().get(NAME) as number | undefined;
  if (stored === FOLD_VERSION) return;
  db.transaction(() => {
    const each = <Row>(select: string, update: string, key: (row: Row) => unknown[]) => {
      const write = db.prepare(update);
      for (const row of db.prepare(select).all() as Row[]) write.run(...key(row));
    };
    // Keys of strings longer than Gainsay stores are made from their bounded start.
    each<{ rowid: number; name: string }>(`SELECT rowid, substr(name, 1, ${MAX_NAME}) AS name FROM actors`, 'UPDATE actors SET folded = ? WHERE rowid = ?', (r) => [fold(r.name), r.rowid]);
    each<{ rowid: number; alias: string }>(`SELECT rowid, substr(alias, 1, ${MAX_NAME}) AS alias FROM actor_aliases`, 'UPDATE actor_aliases SET folded = ? WHERE rowid = ?', (r) => [fold(r.alias), r.rowid]);
    each<{ rowid: number; quote: string }>(`SELECT rowid, substr(quote, 1, ${MAX_QUOTE}) AS quote FROM highlights`, 'UPDATE highlights SET quote_key = ? WHERE rowid = ?', (r) => [searchKey(r.quote), r.rowid]);
    each<{ rowid: number; text: string }>(`SELECT rowid, substr(rationale_text, 1, ${MAX_NOTE_TEXT}) AS text FROM links`, 'UPDATE links SET rationale_key = ? WHERE rowid = ?', (r) => [searchKey(r.text), r.rowid]);
    db.prepare('DELETE FROM articles_fts').run();
    const index = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
    // One article in memory at a time (texts run to megabytes). A text or title longer than
    // Gainsay ever stores (a file written by another program) is not indexed: it cannot be opened.
    const article = db.prepare(
      `SELECT CASE WHEN length(title) > ${MAX_NAME} THEN '' ELSE title END AS title,
              CASE WHEN length(text) > ${MAX_ARTICLE_LENGTH} THEN '' ELSE text END AS text
       FROM articles WHERE seq = ?`,
    );
    for (const seq of db.prepare('SELECT seq FROM articles').pluck().all() as number[]) {
      const { title, text } = article.get(seq) as { title: string; text: string };
      index.run(seq, searchText(title), searchText(text));
    }
    // Stored suggestions carry folded speakers too; being derived data, they are simply made again.
    db.prepare('DELETE FROM suggestion_runs').run();
    db.prepare('INSERT INTO derived_versions (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version').run(NAME, FOLD_VERSION);
  })();
}
