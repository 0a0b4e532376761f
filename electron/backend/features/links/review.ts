import type Database from 'better-sqlite3';
import { LINK_STATUSES, type LinkStatus, type ReviewFilters, type ReviewPage, type ReviewSort } from '../../../../shared/domain';
import { keyNeedle, parseSearch } from '../../../../shared/text/search-query';
import { preparedOnce } from '../../db/prepared';
import { rowKey, type RowKey } from '../../db/row-key';
import { getLinksByRowid } from './repository';
import { showingMatch } from './rationale-excerpt';
import { untilWrite } from './until-write';

/**
 * Filtering and sorting read only the links table and its indexes: each link carries its sides'
 * facts (migration 003), and the review indexes (migration 011) hold what the list sorts and
 * counts by, so a page far down the list by date, status or last change steps over index entries
 * rather than sorting every link or reading its wide row. A page is read as rowids, and only its
 * own links are then read whole.
 */
const FILTER_FROM = 'FROM links l';

const SORT_KEYS: Record<ReviewSort, string> = {
  date: 'l.sort_date',
  // The alphabetically first actor of the pair.
  actor: `(SELECT min(name COLLATE NOCASE) FROM actors WHERE id IN (l.a_actor, l.b_actor))`,
  status: `CASE l.status WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END`,
  updated: 'l.updated_at',
};

/** The statuses in the order of the status sort, ascending (its CASE above). */
const STATUS_ORDER: readonly LinkStatus[] = ['open', 'confirmed', 'dismissed'];

/** The word index answers needles of three characters or more (`link_words`, migration 011). */
const INDEXED_NEEDLE = 3;

interface Query {
  where: string[];
  params: Record<string, unknown>;
}

/**
 * A filter that is a set of links (an outlet's, a tag's, some words'): its links' rowids, found
 * once (the counts and the page both use them) and kept until the project's next write, as JSON
 * for json_each. `sql` lists rowids, from indexes only.
 */
function linkSet(db: Database.Database, query: Query, name: string, sql: string, params: Record<string, unknown>): void {
  const found = untilWrite(db, `${sql}\n${JSON.stringify(params)}`, () => {
    const rowids = preparedOnce(db, sql).pluck().all(params) as RowKey[];
    return { json: JSON.stringify(rowids), size: rowids.length };
  });
  const links = untilWrite(db, 'links', () => preparedOnce(db, 'SELECT count(*) FROM links').pluck().get() as number);
  // A link looked up by rowid reads its wide row (~2 µs), an index entry walked past costs ~0.3:
  // a set of more than an eighth of the links is read by walking the index of the order asked for
  // (`+` keeps the planner from looking each up), a smaller one by looking its links up.
  const walk = found.size * 8 > links ? '+' : '';
  query.where.push(`${walk}l.rowid IN (SELECT value FROM json_each(:${name}))`);
  query.params[name] = found.json;
}

/** The links with a side in a set of claims or articles, from the side columns' indexes (each holds the rowid). */
function eitherSide(a: string, b: string, inSet: string): string {
  return `SELECT ${rowKey('rowid')} FROM links WHERE ${a} IN (${inSet}) UNION SELECT ${rowKey('rowid')} FROM links WHERE ${b} IN (${inSet})`;
}

/** The rowids of the links of an outlet, of a tag, and with some words (exported for the query-plan test). */
export const LINK_SETS = {
  outlet: eitherSide('a_article', 'b_article', 'SELECT id FROM articles WHERE outlet = :outlet'),
  tag: eitherSide('claim_a', 'claim_b', 'SELECT claim_id FROM claim_tags WHERE tag_id = :tag'),
  words: `SELECT ${rowKey('rowid')} FROM link_words WHERE link_words MATCH :words`,
} as const;

/**
 * Each search term in either quote's key or the rationale's: terms long enough for the word index
 * through it (an FTS5 phrase finds where instr does), shorter ones by instr on the keys.
 */
function wordClauses(db: Database.Database, text: string, query: Query): void {
  const needles = parseSearch(text).map(keyNeedle);
  const indexed = needles.filter((needle) => Array.from(needle).length >= INDEXED_NEEDLE);
  if (indexed.length) {
    // Each needle quoted, so nothing typed is FTS syntax.
    const words = indexed.map((needle) => `"${needle.replaceAll('"', '""')}"`).join(' AND ');
    linkSet(db, query, 'wordLinks', LINK_SETS.words, { words });
  }
  needles
    .filter((needle) => Array.from(needle).length < INDEXED_NEEDLE)
    .forEach((needle, i) => {
      query.where.push(`(instr(l.a_quote_key, :t${i}) OR instr(l.b_quote_key, :t${i}) OR instr(l.rationale_key, :t${i}))`);
      query.params[`t${i}`] = needle;
    });
}

/** The WHERE clauses for every filter but the status (counts per status leave that one out). */
function filterClauses(db: Database.Database, filters: ReviewFilters): Query | null {
  // A link's actors and articles are the narrowest filters: with one chosen, its index is the way
  // in (`+` keeps the planner off the kind's indexes, which, without statistics for them, it would
  // take for narrower still).
  const narrow = !!(filters.actorId || filters.articleId);
  const query: Query = { where: [narrow ? '+l.kind = :kind' : 'l.kind = :kind'], params: { kind: filters.kind } };
  const { where, params } = query;
  if (filters.actorId && filters.otherActorId) {
    where.push('((l.a_actor = :actor AND l.b_actor = :other) OR (l.a_actor = :other AND l.b_actor = :actor))');
    Object.assign(params, { actor: filters.actorId, other: filters.otherActorId });
  } else if (filters.actorId) {
    where.push('(l.a_actor = :actor OR l.b_actor = :actor)');
    params.actor = filters.actorId;
  }
  if (filters.articleId) {
    where.push('(l.a_article = :article OR l.b_article = :article)');
    params.article = filters.articleId;
  }
  if (filters.outlet) {
    linkSet(db, query, 'outletLinks', LINK_SETS.outlet, { outlet: filters.outlet });
  }
  if (filters.tag) {
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE').pluck().get(filters.tag.trim());
    if (!tagId) return null;
    linkSet(db, query, 'tagLinks', LINK_SETS.tag, { tag: tagId });
  }
  if (filters.from) {
    where.push('l.sort_date >= :from');
    params.from = filters.from;
  }
  if (filters.to) {
    where.push("l.sort_date <> '' AND l.sort_date <= :to");
    params.to = filters.to;
  }
  if (filters.text) wordClauses(db, filters.text, query);
  return query;
}

/** The statuses chosen, each once (a status named twice once counted twice in the total). */
function listedStatuses(filters: ReviewFilters): LinkStatus[] {
  return STATUS_ORDER.filter((status) => filters.statuses.includes(status));
}

/** The statuses the list is narrowed to, or null for all three. */
function chosenStatuses(filters: ReviewFilters): LinkStatus[] | null {
  const listed = listedStatuses(filters);
  return listed.length === LINK_STATUSES.length ? null : listed;
}

/**
 * The SQL of the review list (exported for the query-plan test): the counts by status, and the
 * rowids of a page. Sorted by status, a page is read status by status (`page` then lists one
 * status, `:status`, newest first), each from the index that holds that status's links by date.
 */
export function reviewSql(db: Database.Database, filters: ReviewFilters, sort: ReviewSort, descending: boolean) {
  const query = filterClauses(db, filters);
  if (!query) return null;
  const chosen = chosenStatuses(filters);
  const where = (clauses: string[]) => `WHERE ${clauses.join(' AND ')}`;
  const direction = descending ? 'DESC' : 'ASC';
  // Ties: newest date first within a status or actor, then by row so paging is stable.
  const order = sort === 'date' ? `l.sort_date ${direction}, l.rowid` : sort === 'status' ? 'l.sort_date DESC, l.rowid' : `${SORT_KEYS[sort]} ${direction}, l.sort_date DESC, l.rowid`;
  const statuses = sort === 'status' ? ['l.status = :status'] : chosen ? ['l.status IN (SELECT value FROM json_each(:statuses))'] : [];
  return {
    counts: `SELECT l.status, count(*) AS n ${FILTER_FROM} ${where(query.where)} GROUP BY l.status`,
    page: `SELECT ${rowKey('l.rowid')} ${FILTER_FROM} ${where([...query.where, ...statuses])} ORDER BY ${order} LIMIT :limit OFFSET :offset`,
    params: { ...query.params, ...(chosen && sort !== 'status' ? { statuses: JSON.stringify(chosen) } : {}) },
  };
}

/** The rowids of `limit` links from `offset` on, sorted by status: read from each status's links in turn. */
function byStatus(
  statuses: readonly LinkStatus[],
  counts: Record<LinkStatus, number>,
  offset: number,
  limit: number,
  read: (status: LinkStatus, offset: number, limit: number) => RowKey[],
): RowKey[] {
  const rowids: RowKey[] = [];
  let skip = offset;
  for (const status of statuses) {
    if (rowids.length >= limit) break;
    if (skip >= counts[status]) {
      skip -= counts[status];
      continue;
    }
    rowids.push(...read(status, skip, limit - rowids.length));
    skip = 0;
  }
  return rowids;
}

export function reviewPage(
  db: Database.Database,
  filters: ReviewFilters,
  sort: ReviewSort,
  descending: boolean,
  offset: number,
  limit: number,
): ReviewPage {
  const counts: Record<LinkStatus, number> = { open: 0, confirmed: 0, dismissed: 0 };
  const sql = reviewSql(db, filters, sort, descending);
  if (!sql) return { total: 0, counts, offset, rows: [] };
  // The counts leave the status out, and scrolling asks for them again with every page.
  const counted = untilWrite(db, `counts\n${JSON.stringify({ ...filters, statuses: null })}`, () => preparedOnce(db, sql.counts).all(sql.params) as Array<{ status: LinkStatus; n: number }>);
  for (const row of counted) counts[row.status] = row.n;
  const listed = listedStatuses(filters);
  const total = listed.reduce((sum, status) => sum + counts[status], 0);
  if (offset >= total) return { total, counts, offset, rows: [] };
  // Kept statements keep their modes: the page's SQL is only ever read plucked.
  const page = preparedOnce(db, sql.page).pluck();
  const rowids =
    sort === 'status'
      ? byStatus(descending ? [...listed].reverse() : listed, counts, offset, limit, (status, skip, most) => page.all({ ...sql.params, status, offset: skip, limit: most }) as RowKey[])
      : sort === 'actor'
        ? // No index yields the order of actors' names: every link listed is sorted for any page, so
          // the whole order is read once (LIMIT -1: no limit) and kept until the next write.
          untilWrite(db, `order\n${sql.page}\n${JSON.stringify(sql.params)}`, () => page.all({ ...sql.params, limit: -1, offset: 0 }) as RowKey[]).slice(offset, offset + limit)
        : (page.all({ ...sql.params, limit, offset }) as RowKey[]);
  const terms = filters.text ? parseSearch(filters.text) : [];
  const rows = getLinksByRowid(db, rowids).map((listed) => {
    const link = terms.length ? showingMatch(db, listed, terms) : listed;
    // With an actor chosen, that actor's claim stands on the left of every row.
    return filters.actorId && link.b.actor.id === filters.actorId && link.a.actor.id !== filters.actorId ? { ...link, a: link.b, b: link.a } : link;
  });
  return { total, counts, offset, rows };
}
