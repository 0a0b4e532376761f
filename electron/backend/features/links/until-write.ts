import type Database from 'better-sqlite3';
import { preparedOnce } from '../../db/prepared';

/** At most this many answers are kept per project; past it they are all let go. */
const MOST_KEPT = 64;

interface Kept {
  stamp: string;
  answers: Map<string, unknown>;
}

const kept = new WeakMap<Database.Database, Kept>();

/**
 * What has been written to the project: SQLite's count of rows this connection has inserted,
 * changed or deleted, triggers' included (so every write path, undo and redo, imports and jobs on
 * this connection alike), with `data_version`, which moves when another connection commits.
 * A write rolled back still moves the count, so the worst it does is let an answer go early.
 */
function writeStamp(db: Database.Database): string {
  return preparedOnce(db, "SELECT total_changes() || ':' || data_version FROM pragma_data_version").pluck().get() as string;
}

/**
 * The answer kept for `key` if nothing has been written to the project since it was computed,
 * else `compute()`'s, kept until the next write. For reads that scrolling repeats with the same
 * filters (the review list's counts and filter sets), so only the first page pays for them.
 */
export function untilWrite<T>(db: Database.Database, key: string, compute: () => T): T {
  const stamp = writeStamp(db);
  let cache = kept.get(db);
  if (!cache || cache.stamp !== stamp || cache.answers.size >= MOST_KEPT) kept.set(db, (cache = { stamp, answers: new Map() }));
  if (cache.answers.has(key)) return cache.answers.get(key) as T;
  const answer = compute();
  cache.answers.set(key, answer);
  return answer;
}
