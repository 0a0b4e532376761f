import type Database from 'better-sqlite3';
import { CandidateIndex, SCORER_VERSION, type ClaimPair } from '../../../../shared/assist/candidates';
import type { CandidatePair, ClaimSide, LinkKind } from '../../../../shared/domain';
import { GainsayError } from '../../../../shared/errors';
import { now } from '../../clock';
import { sideColumns, sideJoins, toSide } from '../links/sides';
import { candidateClaims, linkedPairs } from './project-claims';

/**
 * One candidate index per open project, kept while nothing has been written through its
 * connection (SQLite's total_changes() counts every row written, undo included). A change rebuilds
 * it, which takes milliseconds for a project of a few thousand claims.
 */
const indexes = new WeakMap<Database.Database, { changes: number; index: CandidateIndex }>();

function totalChanges(db: Database.Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

function dismissedPairs(db: Database.Database): ClaimPair[] {
  return (db.prepare('SELECT claim_a, claim_b FROM candidate_dismissals').raw().all() as Array<[string, string]>).map(([a, b]) => ({ a, b }));
}

function projectIndex(db: Database.Database): CandidateIndex {
  const changes = totalChanges(db);
  const kept = indexes.get(db);
  if (kept?.changes === changes) return kept.index;
  const index = new CandidateIndex(candidateClaims(db), [...linkedPairs(db), ...dismissedPairs(db)]);
  indexes.set(db, { changes, index });
  return index;
}

/** Both claims' sides as lists show them, read at once. */
function sidesOf(db: Database.Database, claimIds: string[]): Map<string, ClaimSide> {
  const rows = db.prepare(`SELECT ${sideColumns('s')} FROM json_each(?) k ${sideJoins('s', 'k.value')}`).all(JSON.stringify(claimIds)) as Array<Record<string, unknown>>;
  return new Map(rows.map((row) => toSide(row, 's')).map((side) => [side.claimId, side]));
}

export interface CandidateQuery {
  kind?: LinkKind;
  claimId?: string;
  limit: number;
}

/** The best candidate pairs of the project, or of one claim, with both sides as lists show them. */
export function listCandidates(db: Database.Database, query: CandidateQuery): CandidatePair[] {
  const index = projectIndex(db);
  const options = { kind: query.kind, limit: query.limit };
  const pairs = query.claimId ? index.candidatesFor(query.claimId, options) : index.list(options);
  const sides = sidesOf(db, [...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))]);
  return pairs.map(({ a, b, kind, score, reasons }) => ({ a: sides.get(a)!, b: sides.get(b)!, kind, score, reasons }));
}

/** Remembers that the analyst dismissed this pair: it is not proposed again. */
export function dismissCandidate(db: Database.Database, claimA: string, claimB: string): void {
  const found = db.prepare('SELECT count(*) FROM claims WHERE id IN (?, ?)').pluck().get(claimA, claimB) as number;
  if (found !== 2) throw new GainsayError('not_found', 'One of these claims no longer exists.');
  const [a, b] = claimA < claimB ? [claimA, claimB] : [claimB, claimA];
  db.prepare('INSERT INTO candidate_dismissals (claim_a, claim_b, scorer_version, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(a, b, SCORER_VERSION, now());
  // The kept index only needs the pair left out; rebuilding it would cost more.
  const kept = indexes.get(db);
  if (kept) {
    kept.index.exclude({ a, b });
    kept.changes = totalChanges(db);
  }
}
