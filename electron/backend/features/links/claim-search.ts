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

/** What one search term is looked for in: its needle in quote keys, and the actors, tags and outlets it names. */
interface TermPlan {
  needle: string;
  actors: string[];
  tags: string[];
  outlets: string[];
}

/** The trigram index answers needles of three characters or more (`claim_quotes`, migration 007). */
const INDEXED_NEEDLE = 3;

/** A term found in quotes only (no actor, tag or outlet has it), and long enough for the quote index. */
function quotesOnly(term: TermPlan): boolean {
  return !term.actors.length && !term.tags.length && !term.outlets.length && Array.from(term.needle).length >= INDEXED_NEEDLE;
}

/** SQL that holds when search term `i` is found in a claim's quote, actor or channel, outlet, or tags. */
function termHolds(i: number, term: TermPlan): string {
  const held = [`instr(hs.quote_key, :q${i})`];
  if (term.actors.length) held.push(`cs.actor_id IN (SELECT value FROM json_each(:actors${i}))`, `cs.via_actor_id IN (SELECT value FROM json_each(:actors${i}))`);
  if (term.outlets.length) held.push(`ars.outlet IN (SELECT value FROM json_each(:outlets${i}))`);
  if (term.tags.length) held.push(`EXISTS (SELECT 1 FROM claim_tags ct WHERE ct.claim_id = cs.id AND ct.tag_id IN (SELECT value FROM json_each(:tags${i})))`);
  return `(${held.join(' OR ')})`;
}

/** The FTS5 query finding every needle: each quoted, so nothing typed is FTS syntax. */
function quoteMatch(terms: TermPlan[]): string {
  return terms.map((term) => `"${term.needle.replaceAll('"', '""')}"`).join(' AND ');
}

/**
 * Claims anywhere in the project for the link picker. Every word or "phrase" typed must be found
 * in the quote, the actor's name or aliases (or the channel's), the outlet, or a tag; the dates
 * bound the claim's date. The most recently recorded first (the other side of a link is often
 * the claim just recorded). Nothing is listed until something is typed.
 *
 * Terms found only in quotes are looked up in the quote index, which yields its matches newest
 * first, so SQLite reads only those claims and stops at the limit: a word in no claim costs
 * nothing. Otherwise (every term also names an actor, tag or outlet, or is under three
 * characters) the claims are walked newest first, testing every term, until the limit: such
 * terms match many claims, so the walk stops early. `useQuoteIndex: false` always walks, for
 * comparison in tests.
 */
export function searchClaims(db: Database.Database, query: ClaimQuery, useQuoteIndex = true): ClaimSide[] {
  const typed = parseSearch(query.text);
  if (!typed.length) return [];
  const names = (
    db.prepare(`SELECT id, ${upTo('name', MAX_NAME)} AS name FROM actors UNION ALL SELECT actor_id, ${upTo('alias', MAX_NAME)} FROM actor_aliases`).all() as Array<{ id: string; name: string }>
  ).map(({ id, name }) => ({ id, key: searchKey(name) }));
  const tags = (db.prepare(`SELECT id, ${upTo('name', MAX_TAG)} AS name FROM tags`).all() as Array<{ id: string; name: string }>).map(({ id, name }) => ({ id, key: searchKey(name) }));
  // Outlets are compared whole in SQL (IN), so an outlet too long to be one Gainsay wrote is left out.
  const outlets = (db.prepare(`SELECT DISTINCT outlet FROM articles WHERE outlet <> '' AND length(outlet) <= ${MAX_NAME}`).pluck().all() as string[]).map((outlet) => ({ outlet, key: searchKey(outlet) }));
  const terms: TermPlan[] = typed.map((term) => {
    const needle = keyNeedle(term);
    return {
      needle,
      actors: actorsMatching(names, needle),
      tags: tags.filter((t) => t.key.includes(needle)).map((t) => t.id),
      outlets: outlets.filter((o) => o.key.includes(needle)).map((o) => o.outlet),
    };
  });
  const indexed = useQuoteIndex ? terms.filter(quotesOnly) : [];
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit };
  terms.forEach((term, i) => {
    if (indexed.includes(term)) return;
    params[`q${i}`] = term.needle;
    if (term.actors.length) params[`actors${i}`] = JSON.stringify(term.actors);
    if (term.tags.length) params[`tags${i}`] = JSON.stringify(term.tags);
    if (term.outlets.length) params[`outlets${i}`] = JSON.stringify(term.outlets);
    where.push(termHolds(i, term));
  });
  if (indexed.length) {
    where.push('f.claim_quotes MATCH :match');
    params.match = quoteMatch(indexed);
  }
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
  // Newest first, so SQLite walks the index's matches (CROSS JOIN keeps it the outer loop) or the
  // claims backwards and stops at the limit; then the details of only those claims are read.
  const [from, newest] = indexed.length ? ['claim_quotes f CROSS JOIN claims cs ON cs.rowid = f.rowid', 'f.rowid'] : ['claims cs', 'cs.rowid'];
  const ids = db
    .prepare(
      `SELECT cs.id FROM ${from} JOIN highlights hs ON hs.id = cs.highlight_id JOIN articles ars ON ars.id = hs.article_id
       WHERE ${where.join(' AND ')} ORDER BY ${newest} DESC LIMIT :limit`,
    )
    .pluck()
    .all(params) as string[];
  const rows = db
    .prepare(`SELECT ${sideColumns('s')} FROM json_each(?) k ${sideJoins('s', 'k.value')} ORDER BY k.key`)
    .all(JSON.stringify(ids)) as Array<Record<string, unknown>>;
  return rows.map((row) => toSide(row, 's'));
}
