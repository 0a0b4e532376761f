import type Database from 'better-sqlite3';
import { nextTurn } from '../../next-turn';
import { CandidateIndex, SCORER_VERSION, type ClaimPair } from '../../../../shared/assist/candidates';
import type { CandidatePair, ClaimSide, LinkKind } from '../../../../shared/domain';
import { GainsayError } from '../../../../shared/errors';
import { now } from '../../clock';
import { sideColumns, sideJoins, toSide } from '../links/sides';
import { watchClaims, takeDirty } from './dirty-claims';
import { candidateClaims, claimsById, linkedPairs } from './project-claims';
import { changesSoFar } from '../../db/changes';

/**
 * One candidate index per open project, kept while nothing has been written through its
 * connection (SQLite's total_changes() counts every row written, undo included). After a change,
 * only the claims whose records changed are read and scored again (see dirty-claims.ts).
 * `changes` is -1 for an index just built, which has yet to apply the changes made meanwhile.
 */
interface KeptIndex {
  changes: number;
  index: CandidateIndex;
}

const indexes = new WeakMap<Database.Database, KeptIndex>();

function dismissedPairs(db: Database.Database): ClaimPair[] {
  return (db.prepare('SELECT claim_a, claim_b FROM candidate_dismissals').raw().all() as Array<[string, string]>).map(([a, b]) => ({ a, b }));
}

/** Pairs never proposed: those already linked, and those the analyst dismissed. */
export const excludedPairs = (db: Database.Database) => [...linkedPairs(db), ...dismissedPairs(db)];

/** Claims added to a new index between pauses: about 50 ms of work at a time. */
const CLAIMS_PER_SLICE = 2_000;

const building = new WeakMap<Database.Database, Promise<void>>();

/**
 * Reads every claim into a new index, pausing between slices so that the backend answers other
 * calls meanwhile (a project of 100,000 claims takes seconds). Changes made during the build are
 * noted by the triggers, installed first, and applied right after it.
 */
async function buildIndex(db: Database.Database): Promise<void> {
  watchClaims(db);
  takeDirty(db);
  const index = new CandidateIndex([], excludedPairs(db));
  // Read whole before the first pause: a statement left open across a pause would make the
  // connection refuse every write that other calls make meanwhile.
  const claims = [...candidateClaims(db)];
  let count = 0;
  for (const claim of claims) {
    index.add(claim);
    if (++count % CLAIMS_PER_SLICE === 0) await nextTurn();
  }
  indexes.set(db, { changes: -1, index });
}

/** Brings the kept index up to date with the claims changed since it last looked. */
function updateIndex(db: Database.Database, kept: KeptIndex): CandidateIndex {
  if (kept.changes === changesSoFar(db)) return kept.index;
  const dirty = takeDirty(db);
  const present = claimsById(db, dirty.claimIds);
  const still = new Set(present.map((claim) => claim.id));
  for (const id of dirty.claimIds) if (!still.has(id)) kept.index.remove(id);
  for (const claim of present) kept.index.add(claim);
  if (dirty.pairs) kept.index.excludeOnly(excludedPairs(db));
  kept.changes = changesSoFar(db);
  return kept.index;
}

async function projectIndex(db: Database.Database): Promise<CandidateIndex> {
  if (!indexes.has(db)) {
    let pending = building.get(db);
    if (!pending) {
      pending = buildIndex(db).finally(() => building.delete(db));
      building.set(db, pending);
    }
    await pending;
  }
  return updateIndex(db, indexes.get(db)!);
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
export async function listCandidates(db: Database.Database, query: CandidateQuery): Promise<CandidatePair[]> {
  const index = await projectIndex(db);
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
  if (kept) kept.index.exclude({ a, b });
}
