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

/**
 * A term found in more claims than this is common: the newest claims are walked for it (they
 * soon give a page), rather than all its claims read. Counting a term's claims stops here, so
 * telling a common term from a rare one costs at most this many index entries.
 */
export const COMMON_TERM = 2000;

/** A term whose claims the indexes can list: its needle is long enough for the quote index. */
function listable(term: TermPlan): boolean {
  return Array.from(term.needle).length >= INDEXED_NEEDLE;
}

/** A term found in quotes only (no actor, tag or outlet has it), and long enough for the quote index. */
function quotesOnly(term: TermPlan): boolean {
  return !term.actors.length && !term.tags.length && !term.outlets.length && listable(term);
}

/** SQL that holds when search term `i` is found in a claim's quote, actor or channel, outlet, or tags. */
function termHolds(i: number, term: TermPlan): string {
  const held = [`instr(hs.quote_key, :q${i})`];
  if (term.actors.length) held.push(`cs.actor_id IN (SELECT value FROM json_each(:actors${i}))`, `cs.via_actor_id IN (SELECT value FROM json_each(:actors${i}))`);
  if (term.outlets.length) held.push(`ars.outlet IN (SELECT value FROM json_each(:outlets${i}))`);
  if (term.tags.length) held.push(`EXISTS (SELECT 1 FROM claim_tags ct WHERE ct.claim_id = cs.id AND ct.tag_id IN (SELECT value FROM json_each(:tags${i})))`);
  return `(${held.join(' OR ')})`;
}

/**
 * The rowids of the claims search term `i` holds for, read from indexes (the same claims
 * termHolds accepts, since the trigram index matches exactly what instr finds in the key): one
 * SELECT for the quote index and one for each of actor, channel, outlet and tag. UNION ALL: a
 * claim may come more than once.
 */
function termClaims(i: number, term: TermPlan): string {
  const parts = [`SELECT rowid FROM claim_quotes WHERE claim_quotes MATCH :m${i}`];
  if (term.actors.length) {
    parts.push(`SELECT rowid FROM claims WHERE actor_id IN (SELECT value FROM json_each(:actors${i}))`);
    parts.push(`SELECT rowid FROM claims WHERE via_actor_id IN (SELECT value FROM json_each(:actors${i}))`);
  }
  if (term.outlets.length) {
    parts.push(
      `SELECT c.rowid FROM articles a JOIN highlights h ON h.article_id = a.id JOIN claims c ON c.highlight_id = h.id WHERE a.outlet IN (SELECT value FROM json_each(:outlets${i}))`,
    );
  }
  if (term.tags.length) parts.push(`SELECT c.rowid FROM claim_tags t JOIN claims c ON c.id = t.claim_id WHERE t.tag_id IN (SELECT value FROM json_each(:tags${i}))`);
  return parts.join(' UNION ALL ');
}

/** The FTS5 query finding every needle: each quoted, so nothing typed is FTS syntax. */
function quoteMatch(terms: TermPlan[]): string {
  return terms.map((term) => `"${term.needle.replaceAll('"', '""')}"`).join(' AND ');
}

/** The parameters term `i`'s SQL (termHolds, termClaims) names. */
function termParams(i: number, term: TermPlan): Record<string, string> {
  const params: Record<string, string> = { [`q${i}`]: term.needle, [`m${i}`]: quoteMatch([term]) };
  if (term.actors.length) params[`actors${i}`] = JSON.stringify(term.actors);
  if (term.tags.length) params[`tags${i}`] = JSON.stringify(term.tags);
  if (term.outlets.length) params[`outlets${i}`] = JSON.stringify(term.outlets);
  return params;
}

/**
 * Where the search starts, and the terms it answers on its own (the rest are tested on each claim):
 * - `quotes`: the quote index's matches of every quotes-only term, newest first;
 * - `term`: every claim one term holds for (termClaims), read whole and put newest first;
 * - `walk`: every claim, newest first.
 */
type Start = { from: 'quotes'; answers: TermPlan[] } | { from: 'term'; answers: [TermPlan]; index: number } | { from: 'walk'; answers: [] };

/** How many claims `sql` lists, counted up to `most`. */
function countUpTo(db: Database.Database, most: number, sql: string, params: Record<string, unknown>): number {
  return db.prepare(`SELECT count(*) FROM (${sql} LIMIT ${most})`).pluck().get(params) as number;
}

/**
 * Starts from the rarest thing the indexes can list: the quote index's matches of all quotes-only
 * terms together, or all the claims of one term (a word that also names an actor, say). Its
 * claims are counted up to `commonTerm`; when everything is common, the search starts as it always
 * did (the quote index if some term is in quotes only, else the walk), since the newest claims
 * soon give a page.
 */
function chooseStart(db: Database.Database, terms: TermPlan[], commonTerm: number): Start {
  const inQuotes = terms.filter(quotesOnly);
  const common: Start = inQuotes.length ? { from: 'quotes', answers: inQuotes } : { from: 'walk', answers: [] };
  let best: { start: Start; count: number } = { start: common, count: commonTerm };
  if (inQuotes.length) {
    const count = countUpTo(db, best.count, 'SELECT rowid FROM claim_quotes WHERE claim_quotes MATCH :match', { match: quoteMatch(inQuotes) });
    if (count < best.count) best = { start: common, count };
  }
  terms.forEach((term, index) => {
    if (quotesOnly(term) || !listable(term)) return;
    // Counted only up to the fewest found so far: a term with more cannot be the start.
    const count = countUpTo(db, best.count, termClaims(index, term), termParams(index, term));
    if (count < best.count) best = { start: { from: 'term', answers: [term], index }, count };
  });
  return best.start;
}

/** The claims the search starts from, as SQL with `cs` the claim, `newest` its order, what they must meet, and its parameters. */
function startSql(start: Start): { from: string; newest: string; where: string[]; params: Record<string, unknown> } {
  switch (start.from) {
    case 'quotes':
      return { from: 'claim_quotes f CROSS JOIN claims cs ON cs.rowid = f.rowid', newest: 'f.rowid', where: ['f.claim_quotes MATCH :match'], params: { match: quoteMatch(start.answers) } };
    case 'term': {
      const [term] = start.answers;
      // UNION ALL may list a claim twice: DISTINCT, and CROSS JOIN keeps the short list the outer loop.
      return { from: `(SELECT DISTINCT rowid FROM (${termClaims(start.index, term)})) d CROSS JOIN claims cs ON cs.rowid = d.rowid`, newest: 'd.rowid', where: [], params: termParams(start.index, term) };
    }
    case 'walk':
      return { from: 'claims cs', newest: 'cs.rowid', where: [], params: {} };
  }
}

/**
 * Claims anywhere in the project for the link picker. Every word or "phrase" typed must be found
 * in the quote, the actor's name or aliases (or the channel's), the outlet, or a tag; the dates
 * bound the claim's date. The most recently recorded first (the other side of a link is often
 * the claim just recorded). Nothing is listed until something is typed.
 *
 * The search starts from the rarest term the indexes can list (chooseStart), so a word in few or
 * no claims costs only those claims, whatever else is typed beside it ("speaker 299 café" reads
 * the few hundred claims of Speaker 299, not the thousands with "café"); the other terms are
 * tested on each. When every term is common, the claims are walked newest first (through the
 * quote index when a term is found in quotes only) until the limit, which comes soon.
 * `commonTerm` null walks every claim whatever is typed, for comparison in tests.
 */
export function searchClaims(db: Database.Database, query: ClaimQuery, commonTerm: number | null = COMMON_TERM): ClaimSide[] {
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
  const start: Start = commonTerm === null ? { from: 'walk', answers: [] } : chooseStart(db, terms, commonTerm);
  const { from, newest, where, params: startParams } = startSql(start);
  const params: Record<string, unknown> = { ...startParams, limit: query.limit };
  terms.forEach((term, i) => {
    if ((start.answers as TermPlan[]).includes(term)) return;
    Object.assign(params, termParams(i, term));
    where.push(termHolds(i, term));
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
  // Newest first, so SQLite walks the start's claims (CROSS JOIN keeps them the outer loop) or the
  // claims backwards and stops at the limit; then the details of only those claims are read.
  const ids = db
    .prepare(
      `SELECT cs.id FROM ${from} JOIN highlights hs ON hs.id = cs.highlight_id JOIN articles ars ON ars.id = hs.article_id
       WHERE ${['1', ...where].join(' AND ')} ORDER BY ${newest} DESC LIMIT :limit`,
    )
    .pluck()
    .all(params) as string[];
  const rows = db
    .prepare(`SELECT ${sideColumns('s')} FROM json_each(?) k ${sideJoins('s', 'k.value')} ORDER BY k.key`)
    .all(JSON.stringify(ids)) as Array<Record<string, unknown>>;
  return rows.map((row) => toSide(row, 's'));
}
