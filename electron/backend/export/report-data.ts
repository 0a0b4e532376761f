import type Database from 'better-sqlite3';
import type { ActorRef, Link, LinkKind } from '../../../shared/domain';
import { getLinks } from '../features/links/repository';
import { claimRows, type ClaimRow } from './claim-rows';

export interface PairGroup {
  a: ActorRef;
  b: ActorRef;
  links: Link[];
}

/** Links of a kind grouped by actor pair, the pair with most links first; within a pair, by date. */
export function linksByPair(db: Database.Database, kind: LinkKind, articleIds: string[] | null): PairGroup[] {
  const scope = articleIds ? 'AND a_article IN (SELECT value FROM json_each(:articles)) AND b_article IN (SELECT value FROM json_each(:articles))' : '';
  const ids = db
    .prepare(`SELECT id FROM links WHERE kind = :kind ${scope} ORDER BY sort_date, id`)
    .pluck()
    .all({ kind, ...(articleIds ? { articles: JSON.stringify(articleIds) } : {}) }) as string[];
  const groups = new Map<string, PairGroup>();
  // Read in slices so a large project is never read whole.
  for (let i = 0; i < ids.length; i += 500) {
    for (const link of getLinks(db, ids.slice(i, i + 500))) {
      const [a, b] = [link.a.actor, link.b.actor].sort((x, y) => x.name.localeCompare(y.name));
      const key = `${a!.id} ${b!.id}`;
      const group = groups.get(key) ?? { a: a!, b: b!, links: [] };
      group.links.push(link);
      groups.set(key, group);
    }
  }
  return [...groups.values()].sort((x, y) => y.links.length - x.links.length || x.a.name.localeCompare(y.a.name));
}

/** Claims grouped by actor (alphabetical), each actor's in date order. */
export function* claimsByActor(db: Database.Database, articleIds: string[] | null): Generator<{ actor: string; claims: ClaimRow[] }> {
  const byActor = new Map<string, { actor: string; claims: ClaimRow[] }>();
  for (const claim of claimRows(db, articleIds)) {
    const entry = byActor.get(claim.actorId) ?? { actor: claim.actor, claims: [] };
    entry.claims.push(claim);
    byActor.set(claim.actorId, entry);
  }
  const date = (c: ClaimRow) => c.claimedOn ?? c.publishedAt ?? '';
  for (const entry of [...byActor.values()].sort((x, y) => x.actor.localeCompare(y.actor))) {
    entry.claims.sort((x, y) => date(x).localeCompare(date(y)));
    yield entry;
  }
}
