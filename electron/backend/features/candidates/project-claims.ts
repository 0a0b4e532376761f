import type Database from 'better-sqlite3';
import type { CandidateClaim, ClaimPair } from '../../../../shared/assist/candidates';
import { claimRows } from '../../export/claim-rows';

/** Every actor's aliases by actor id, read at once. */
function aliasesByActor(db: Database.Database): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  const rows = db.prepare('SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias').raw().iterate() as IterableIterator<[string, string]>;
  for (const [actor, alias] of rows) {
    const list = aliases.get(actor);
    if (list) list.push(alias);
    else aliases.set(actor, [alias]);
  }
  return aliases;
}

/** The project's claims as the candidate scorer reads them, article by article in reading order. */
export function* candidateClaims(db: Database.Database): Generator<CandidateClaim> {
  const aliases = aliasesByActor(db);
  for (const row of claimRows(db, null, { tags: true, context: false })) {
    yield {
      id: row.claimId,
      quote: row.quote,
      actorId: row.actorId,
      actorName: row.actor,
      actorAliases: aliases.get(row.actorId) ?? [],
      viaName: row.via,
      articleId: row.articleId,
      articleTitle: row.articleTitle,
      outlet: row.outlet,
      date: row.claimedOn ?? row.publishedAt,
      tags: row.tags,
    };
  }
}

/** Pairs never to propose: every linked pair, whatever its kind or status. */
export function linkedPairs(db: Database.Database): ClaimPair[] {
  return (db.prepare('SELECT claim_a, claim_b FROM links').raw().all() as Array<[string, string]>).map(([a, b]) => ({ a, b }));
}
