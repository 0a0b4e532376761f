import type Database from 'better-sqlite3';

/**
 * A project file may come from anyone (analysts mail them to each other), so every connection to
 * one runs with SQLite's protections for untrusted databases: the file's own schema may not call
 * application functions or virtual tables (`trusted_schema=OFF`), SQL cannot corrupt the file on
 * purpose (defensive mode: no writable_schema, no writes to shadow tables, no journal_mode=OFF),
 * and b-tree cells are checked for size as they are read (`cell_size_check`). better-sqlite3 turns
 * defensive mode on by default; `unsafeMode(false)` says so here rather than relying on it.
 */
export function protect(db: Database.Database): void {
  db.unsafeMode(false);
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
}
