import type { Migration } from '../migration';

/**
 * Actors of kind "country" ("Russia", "Tervelia"), told apart from a government body ("the
 * Defence Ministry"). SQLite cannot change a CHECK constraint in place, so the actors table is
 * rebuilt as SQLite's ALTER TABLE documentation prescribes: a new table, its rows copied, the old
 * one dropped and the new one renamed, its index made again. Foreign keys are off while this runs
 * (`rebuildsTables`), so dropping the old table neither cascades to aliases nor trips the claims'
 * references; the runner checks every reference before the step commits.
 */
export const migration009: Migration = {
  version: 9,
  name: 'country actors',
  rebuildsTables: true,
  sql: `
      CREATE TABLE actors_rebuilt (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        folded TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'government', 'country', 'organisation', 'outlet', 'other')),
        role TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO actors_rebuilt (id, name, folded, kind, role, created_at, updated_at)
        SELECT id, name, folded, kind, role, created_at, updated_at FROM actors;
      DROP TABLE actors;
      ALTER TABLE actors_rebuilt RENAME TO actors;
      CREATE INDEX actors_folded ON actors(folded);
    `,
};
