import type { Migration } from '../migration';

/**
 * Full-text search over article titles and text. FTS5's unicode61 tokenizer folds case and most
 * diacritics (Erdoğan → erdogan) and splits on every Unicode space (NBSP included). Letters it
 * leaves alone (ł, ø, ı, ß, ...) are folded by the app before indexing (shared/fold.ts), so the
 * index keeps its own copy of the text rather than reading `articles`. Rows are keyed by
 * `articles.seq`.
 */
export const migration002: Migration = {
  version: 2,
  name: 'article full-text search',
  sql: `
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
};
