import type Database from 'better-sqlite3';
import { preparedOnce } from './prepared';

/**
 * Rows inserted, updated or deleted through this connection since it was opened (SQLite's
 * total_changes()): every statement that changes a row moves it, the rows its triggers and
 * cascades change included (so undo and redo, imports and jobs alike), even one rolled back later,
 * and reading it reads no table. What is kept in memory until the project's next write is stamped
 * with it. The project file is opened with an exclusive lock, so no other connection writes to it.
 */
export function changesSoFar(db: Database.Database): number {
  return preparedOnce(db, 'SELECT total_changes()').pluck().get() as number;
}
