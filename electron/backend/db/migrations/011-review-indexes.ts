import type { Migration } from '../migration';

/**
 * Indexes that let the review list page through 20,000 links without reading the links' rows,
 * which are wide (both quotes' search keys, the rationale): an OFFSET of 9,000 then steps over
 * 9,000 index entries rather than sorting every link or reading 9,000 rows.
 *
 * - `links_review_date` (kind, sort_date, status): the list by date with any choice of statuses,
 *   either way round; `links_review_status` (kind, status, sort_date): the counts by status (as
 *   `links_kind_status` did), one status by date, and the list sorted by status;
 *   `links_review_updated` (kind, updated_at, status): the list by last change. They replace
 *   `links_kind_date` and `links_kind_status`, which they begin with.
 * - `link_words`: filtering the list by words. An FTS5 index of each link's three search keys
 *   (both quotes' and the rationale's, see migration 003), keyed by the link's rowid; like
 *   `claim_quotes` (migration 007), trigram and case-sensitive over keys folded already, so a
 *   needle of three characters or more matches exactly where `instr` finds it in a key.
 *   Contentless: the keys are in `links`. Kept by the file's triggers, so it follows whatever
 *   writes links (this app, its undo and redo, an import, another tool). On insert, the entry is
 *   written from the row as it stands once the link facts' trigger (migration 003) may have filled
 *   its quote keys: whichever of the AFTER INSERT triggers runs first, one entry ends up current.
 */
export const migration011: Migration = {
  version: 11,
  name: 'review indexes',
  sql: `
      DROP INDEX links_kind_date;
      DROP INDEX links_kind_status;
      CREATE INDEX links_review_date ON links(kind, sort_date, status);
      CREATE INDEX links_review_status ON links(kind, status, sort_date);
      CREATE INDEX links_review_updated ON links(kind, updated_at, status);

      CREATE VIRTUAL TABLE link_words USING fts5(
        a_quote_key, b_quote_key, rationale_key, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1'
      );
      CREATE TRIGGER link_words_insert AFTER INSERT ON links BEGIN
        DELETE FROM link_words WHERE rowid = new.rowid;
        INSERT INTO link_words (rowid, a_quote_key, b_quote_key, rationale_key)
          SELECT rowid, a_quote_key, b_quote_key, rationale_key FROM links WHERE rowid = new.rowid;
      END;
      CREATE TRIGGER link_words_delete AFTER DELETE ON links BEGIN
        DELETE FROM link_words WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER link_words_update AFTER UPDATE OF a_quote_key, b_quote_key, rationale_key ON links BEGIN
        DELETE FROM link_words WHERE rowid = old.rowid;
        INSERT INTO link_words (rowid, a_quote_key, b_quote_key, rationale_key) VALUES (new.rowid, new.a_quote_key, new.b_quote_key, new.rationale_key);
      END;
      INSERT INTO link_words (rowid, a_quote_key, b_quote_key, rationale_key) SELECT rowid, a_quote_key, b_quote_key, rationale_key FROM links;
    `,
};
