import type Database from 'better-sqlite3';
import { MAX_NAME, MAX_TAG, type ClaimSide } from '../../../../shared/domain';
import { upTo } from '../bounded';
import { keyNeedle, parseSearch, searchKey } from '../../../../shared/text/search-query';
import { sideColumns, sideDate, sideJoins, toSide } from './sides';

export interface ClaimQuery {
  text: string;
  excludeClaimId?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** Ids of the actors whose name or an alias contains the needle at a word start. */
function actorsMatching(names: Array<{ id: string; key: string }>, needle: string): string[] {
  return [...new Set(names.filter((n) => n.key.includes(needle)).map((n) => n.id))];
}

/** SQL that holds when search term `i` is found in a claim's quote, actor or channel, outlet, or tags. */
function termHolds(i: number): string {
  return `(instr(hs.quote_key, :q${i})
    OR cs.actor_id IN (SELECT value FROM json_each(:actors${i}))
    OR cs.via_actor_id IN (SELECT value FROM json_each(:actors${i}))
    OR ars.outlet IN (SELECT value FROM json_each(:outlets${i}))
    OR EXISTS (SELECT 1 FROM claim_tags ct WHERE ct.claim_id = cs.id AND ct.tag_id IN (SELECT value FROM json_each(:tags${i}))))`;
}

/**
 * Claims anywhere in the project for the link picker. Every word or "phrase" typed must be found
 * in the quote, the actor's name or aliases (or the channel's), the outlet, or a tag; the dates
 * bound the claim's date. The most recently recorded first (the other side of a link is often
 * the claim just recorded). Nothing is listed until something is typed. Words found in few claims
 * make this read every claim (about 200 ms for 100,000).
 */
export function searchClaims(db: Database.Database, query: ClaimQuery): ClaimSide[] {
  const terms = parseSearch(query.text);
  if (!terms.length) return [];
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit };
  const names = (
    db.prepare(`SELECT id, ${upTo('name', MAX_NAME)} AS name FROM actors UNION ALL SELECT actor_id, ${upTo('alias', MAX_NAME)} FROM actor_aliases`).all() as Array<{ id: string; name: string }>
  ).map(({ id, name }) => ({ id, key: searchKey(name) }));
  const tags = (db.prepare(`SELECT id, ${upTo('name', MAX_TAG)} AS name FROM tags`).all() as Array<{ id: string; name: string }>).map(({ id, name }) => ({ id, key: searchKey(name) }));
  // Outlets are compared whole in SQL (IN), so an outlet too long to be one Gainsay wrote is left out.
  const outlets = (db.prepare(`SELECT DISTINCT outlet FROM articles WHERE outlet <> '' AND length(outlet) <= ${MAX_NAME}`).pluck().all() as string[]).map((outlet) => ({ outlet, key: searchKey(outlet) }));
  terms.forEach((term, i) => {
    const needle = keyNeedle(term);
    params[`q${i}`] = needle;
    params[`actors${i}`] = JSON.stringify(actorsMatching(names, needle));
    params[`tags${i}`] = JSON.stringify(tags.filter((t) => t.key.includes(needle)).map((t) => t.id));
    params[`outlets${i}`] = JSON.stringify(outlets.filter((o) => o.key.includes(needle)).map((o) => o.outlet));
    where.push(termHolds(i));
  });
  if (query.excludeClaimId) {
    where.push('cs.id <> :exclude');
    params.exclude = query.excludeClaimId;
  }
  if (query.from) {
    where.push(`${sideDate('s')} >= :from`);
    params.from = query.from;
  }
  if (query.to) {
    where.push(`${sideDate('s')} <= :to`);
    params.to = query.to;
  }
  // Newest first, so SQLite walks the claims backwards and stops at the limit; then the details
  // of only those claims are read.
  const ids = db
    .prepare(
      `SELECT cs.id FROM claims cs JOIN highlights hs ON hs.id = cs.highlight_id JOIN articles ars ON ars.id = hs.article_id
       WHERE ${where.join(' AND ')} ORDER BY cs.rowid DESC LIMIT :limit`,
    )
    .pluck()
    .all(params) as string[];
  const rows = db
    .prepare(`SELECT ${sideColumns('s')} FROM json_each(?) k ${sideJoins('s', 'k.value')} ORDER BY k.key`)
    .all(JSON.stringify(ids)) as Array<Record<string, unknown>>;
  return rows.map((row) => toSide(row, 's'));
}
