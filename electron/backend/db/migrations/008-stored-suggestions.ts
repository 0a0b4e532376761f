import type { Migration } from '../migration';

/**
 * Suggested claims as the attribution extractor made them, stored so that they are made once per
 * article (in the background, after import) instead of each time it is read. Derived data: a run
 * is current only while its extractor version is the app's and its text hash is the article's
 * text's; otherwise the app makes it again. Rejections (migration 6) and highlights are
 * subtracted when suggestions are read, so accepting or rejecting never writes here, and neither
 * table is in the undo history (undoing an acceptance brings the suggestion back by itself).
 *
 * `body` is the rest of the suggestion as JSON (fragments, source, cue, channel); the columns
 * beside it are what the project-wide list filters and orders by (`speaker_key` is the speaker
 * folded by shared/fold.ts, like every search key), and what is checked against the text. The
 * index on confidence (descending; the key article_id, ordinal follows, as in any index of a
 * WITHOUT ROWID table) gives the list's order, surest first, without sorting.
 */
export const migration008: Migration = {
  version: 8,
  name: 'stored suggestions',
  sql: `
      CREATE TABLE suggestion_runs (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        extractor_version INTEGER NOT NULL,
        text_hash TEXT NOT NULL,
        skipped TEXT,
        made_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE suggestions (
        article_id TEXT NOT NULL REFERENCES suggestion_runs(article_id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
        end_cp INTEGER NOT NULL CHECK (end_cp > start_cp),
        quote TEXT NOT NULL,
        speaker TEXT NOT NULL,
        speaker_key TEXT NOT NULL,
        confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        body TEXT NOT NULL,
        PRIMARY KEY (article_id, ordinal)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX suggestions_confidence ON suggestions(confidence DESC);
    `,
};
