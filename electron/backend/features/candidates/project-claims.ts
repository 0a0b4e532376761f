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

/**
 * These claims (those that exist), as the scorer reads them: for updating an index after a few
 * claims were added or changed, without reading the project's other claims again.
 */
export function claimsById(db: Database.Database, ids: string[]): CandidateClaim[] {
  if (ids.length === 0) return [];
  const aliases = aliasesByActor(db);
  const rows = db
    .prepare(
      `SELECT c.id, h.quote, c.actor_id, ac.name, v.name, ar.id, ar.title, ar.outlet, coalesce(c.claimed_on, ar.published_at),
              (SELECT json_group_array(name) FROM (SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
                 WHERE ct.claim_id = c.id ORDER BY t.name COLLATE NOCASE))
       FROM json_each(?) k JOIN claims c ON c.id = k.value JOIN highlights h ON h.id = c.highlight_id
       JOIN articles ar ON ar.id = h.article_id JOIN actors ac ON ac.id = c.actor_id LEFT JOIN actors v ON v.id = c.via_actor_id
       ORDER BY k.key`,
    )
    .raw()
    .all(JSON.stringify(ids)) as Array<[string, string, string, string, string | null, string, string, string, string | null, string]>;
  return rows.map(([id, quote, actorId, actorName, viaName, articleId, articleTitle, outlet, date, tags]) => ({
    id,
    quote,
    actorId,
    actorName,
    actorAliases: aliases.get(actorId) ?? [],
    viaName,
    articleId,
    articleTitle,
    outlet,
    date,
    tags: JSON.parse(tags) as string[],
  }));
}

/** Pairs never to propose: every linked pair, whatever its kind or status. */
export function linkedPairs(db: Database.Database): ClaimPair[] {
  return (db.prepare('SELECT claim_a, claim_b FROM links').raw().all() as Array<[string, string]>).map(([a, b]) => ({ a, b }));
}
