import type Database from 'better-sqlite3';

export interface Migration {
  /** The `PRAGMA user_version` the database has after this migration. Consecutive from 1. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
