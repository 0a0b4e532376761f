import type Database from 'better-sqlite3';
import { changesSoFar } from '../../db/changes';

/** At most this many answers are kept per project; past it they are all let go. */
const MOST_KEPT = 64;

interface Kept {
  /** changesSoFar when the answers were computed. */
  stamp: number;
  answers: Map<string, unknown>;
}

const kept = new WeakMap<Database.Database, Kept>();

/**
 * The answer kept for `key` if nothing has been written to the project since it was computed,
 * else `compute()`'s, kept until the next write. For reads that scrolling repeats with the same
 * filters (the review list's counts and filter sets), so only the first page pays for them. A
 * write rolled back still counts as a write: the worst it does is let an answer go early.
 */
export function untilWrite<T>(db: Database.Database, key: string, compute: () => T): T {
  const stamp = changesSoFar(db);
  let cache = kept.get(db);
  if (!cache || cache.stamp !== stamp || cache.answers.size >= MOST_KEPT) kept.set(db, (cache = { stamp, answers: new Map() }));
  if (cache.answers.has(key)) return cache.answers.get(key) as T;
  const answer = compute();
  cache.answers.set(key, answer);
  return answer;
}
