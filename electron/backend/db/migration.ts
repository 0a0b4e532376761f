/**
 * One step of the project file's schema. Its SQL is literal text, frozen once released: it never
 * calls the app's code, so a file migrated today and one migrated next year end up the same.
 * Values derived by the app's code (search keys) are not a migration's business: see
 * `db/search-keys.ts`.
 */
export interface Migration {
  /** The `PRAGMA user_version` the database has after this migration. Consecutive from 1. */
  version: number;
  name: string;
  sql: string;
  /**
   * Set when the step rebuilds a table others refer to: it then runs with foreign keys off (as
   * SQLite's ALTER TABLE procedure requires) and every reference is checked before it commits.
   */
  rebuildsTables?: true;
}
