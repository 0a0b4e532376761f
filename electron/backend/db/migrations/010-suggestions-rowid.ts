import type { Migration } from '../migration';

/**
 * Stored suggestions (migration 8) become an ordinary rowid table. Their rows (a quote and a JSON
 * body, often 600 bytes or more) are larger than SQLite advises for a WITHOUT ROWID table, and the
 * index on confidence then held each row's article id; as a rowid table with the index on
 * confidence alone (ties in the order stored, by rowid), storing an article's run on the backend's
 * thread took about 40 % less time (docs/suggestions.md). The rows are kept; the key (article,
 * ordinal) stays unique, and still goes with its run.
 */
export const migration010: Migration = {
  version: 10,
  name: 'suggestions as a rowid table',
  sql: `
      CREATE TABLE suggestions_by_rowid (
        article_id TEXT NOT NULL REFERENCES suggestion_runs(article_id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
        end_cp INTEGER NOT NULL CHECK (end_cp > start_cp),
        quote TEXT NOT NULL,
        speaker TEXT NOT NULL,
        speaker_key TEXT NOT NULL,
        confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        body TEXT NOT NULL,
        UNIQUE (article_id, ordinal)
      ) STRICT;
      INSERT INTO suggestions_by_rowid (article_id, ordinal, start_cp, end_cp, quote, speaker, speaker_key, confidence, body)
        SELECT article_id, ordinal, start_cp, end_cp, quote, speaker, speaker_key, confidence, body FROM suggestions ORDER BY article_id, ordinal;
      DROP TABLE suggestions;
      ALTER TABLE suggestions_by_rowid RENAME TO suggestions;
      CREATE INDEX suggestions_confidence ON suggestions(confidence DESC);
    `,
};
