import { searchKey } from '../../../../shared/text/search-query';
import type { Migration } from '../migration';

/**
 * The review list of links. Quotes and rationales get a folded search key (shared searchKey:
 * words folded for case and diacritics, space-separated), so filtering 20,000 links by words is a
 * plain `instr` and stays in step with undo, which replays ordinary row changes (a full-text
 * index would not). The filters use the indexes schema 1 already has.
 */
export const migration003: Migration = {
  version: 3,
  name: 'link review',
  up(db) {
    db.exec(`
      ALTER TABLE highlights ADD COLUMN quote_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE links ADD COLUMN rationale_key TEXT NOT NULL DEFAULT '';
    `);
    const quotes = db.prepare('SELECT rowid, quote FROM highlights').all() as Array<{ rowid: number; quote: string }>;
    const setQuote = db.prepare('UPDATE highlights SET quote_key = ? WHERE rowid = ?');
    for (const row of quotes) setQuote.run(searchKey(row.quote), row.rowid);
    const rationales = db.prepare("SELECT rowid, rationale_text FROM links WHERE rationale_text <> ''").all() as Array<{ rowid: number; rationale_text: string }>;
    const setRationale = db.prepare('UPDATE links SET rationale_key = ? WHERE rowid = ?');
    for (const row of rationales) setRationale.run(searchKey(row.rationale_text), row.rowid);
  },
};
