import type { Migration } from '../migration';

/**
 * Suggested claims the analyst rejected, remembered by article, span (code points) and quote so
 * that the same suggestion is never shown again, whatever extractor version makes it.
 */
export const migration006: Migration = {
  version: 6,
  name: 'suggestion rejections',
  sql: `
      CREATE TABLE suggestion_rejections (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
        end_cp INTEGER NOT NULL CHECK (end_cp > start_cp),
        quote TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (article_id, start_cp, end_cp, quote)
      ) STRICT;
    `,
};
