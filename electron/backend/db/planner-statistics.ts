import type Database from 'better-sqlite3';
import { SQLITE_STATISTICS } from './app-schema';

/** Rows ANALYZE reads of each index (SQLite's advice for `PRAGMA optimize`); the app's own close uses the same. */
export const ANALYSIS_LIMIT = 400;

/**
 * The query planner's statistics (sqlite_stat1, sqlite_stat4) come with the file and steer the
 * plan of every query: a crafted file's, saying that each index matches every row, made the
 * library's list scan three tables inside one another (minutes for 3,000 claims, with the whole
 * app waiting). A file that has them gets them made again from its own rows at open, bounded as
 * `PRAGMA optimize` is at close (~50 ms on a 180 MB project, 0.2 s with nothing in the OS's cache);
 * a file without them (new, or never closed) keeps SQLite's defaults.
 */
export function remakePlannerStatistics(db: Database.Database): void {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sqlite\\_stat%' ESCAPE '\\'").pluck().all() as string[]);
  // The names deleted from are the code's own, never text read from the file.
  const present = [...SQLITE_STATISTICS.keys()].filter((name) => tables.has(name));
  if (present.length === 0) return;
  db.transaction(() => {
    for (const table of present) db.exec(`DELETE FROM ${table}`);
    db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
    // Loads what it gathers into this connection's planner, in place of what the file said.
    db.exec('ANALYZE');
  })();
}
