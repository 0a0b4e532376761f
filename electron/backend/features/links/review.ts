import type Database from 'better-sqlite3';
import { LINK_STATUSES, type LinkStatus, type ReviewFilters, type ReviewPage, type ReviewSort } from '../../../../shared/domain';
import { keyNeedle, parseSearch } from '../../../../shared/text/search-query';
import { getLinks } from './repository';

/** Filtering and sorting read only the links table: each link carries its sides' facts (migration 3). */
const FILTER_FROM = 'FROM links l';

const SORT_KEYS: Record<ReviewSort, string> = {
  date: 'l.sort_date',
  // The alphabetically first actor of the pair.
  actor: `(SELECT min(name COLLATE NOCASE) FROM actors WHERE id IN (l.a_actor, l.b_actor))`,
  status: `CASE l.status WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END`,
  updated: 'l.updated_at',
};

interface Query {
  where: string[];
  params: Record<string, unknown>;
}

/** The WHERE clauses for every filter but the status (counts per status leave that one out). */
function filterClauses(db: Database.Database, filters: ReviewFilters): Query | null {
  const where = ['l.kind = :kind'];
  const params: Record<string, unknown> = { kind: filters.kind };
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
    where.push('(l.a_article IN (SELECT id FROM articles WHERE outlet = :outlet) OR l.b_article IN (SELECT id FROM articles WHERE outlet = :outlet))');
    params.outlet = filters.outlet;
  }
  if (filters.tag) {
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE').pluck().get(filters.tag.trim());
    if (!tagId) return null;
    where.push('(l.claim_a IN (SELECT claim_id FROM claim_tags WHERE tag_id = :tag) OR l.claim_b IN (SELECT claim_id FROM claim_tags WHERE tag_id = :tag))');
    params.tag = tagId;
  }
  if (filters.from) {
    where.push('l.sort_date >= :from');
    params.from = filters.from;
  }
  if (filters.to) {
    where.push("l.sort_date <> '' AND l.sort_date <= :to");
    params.to = filters.to;
  }
  parseSearch(filters.text ?? '').forEach((term, i) => {
    where.push(`(instr(l.a_quote_key, :t${i}) OR instr(l.b_quote_key, :t${i}) OR instr(l.rationale_key, :t${i}))`);
    params[`t${i}`] = keyNeedle(term);
  });
  return { where, params };
}

/** The SQL of one page of the review list (exported for the query-plan test). */
export function reviewSql(db: Database.Database, filters: ReviewFilters, sort: ReviewSort, descending: boolean) {
  const query = filterClauses(db, filters);
  if (!query) return null;
  const statuses = filters.statuses.length === LINK_STATUSES.length ? [] : ['l.status IN (SELECT value FROM json_each(:statuses))'];
  const where = (clauses: string[]) => `WHERE ${clauses.join(' AND ')}`;
  const direction = descending ? 'DESC' : 'ASC';
  // Ties: newest date first within a status or actor, then by row so paging is stable.
  const then = sort === 'date' ? '' : ', l.sort_date DESC';
  return {
    counts: `SELECT l.status, count(*) AS n ${FILTER_FROM} ${where(query.where)} GROUP BY l.status`,
    page: `SELECT l.id ${FILTER_FROM} ${where([...query.where, ...statuses])}
           ORDER BY ${SORT_KEYS[sort]} ${direction}${then}, l.rowid LIMIT :limit OFFSET :offset`,
    params: { ...query.params, ...(statuses.length ? { statuses: JSON.stringify(filters.statuses) } : {}) },
  };
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
  for (const row of db.prepare(sql.counts).all(sql.params) as Array<{ status: LinkStatus; n: number }>) counts[row.status] = row.n;
  const total = filters.statuses.reduce((sum, status) => sum + counts[status], 0);
  const ids = db.prepare(sql.page).pluck().all({ ...sql.params, limit, offset }) as string[];
  const rows = getLinks(db, ids).map((link) =>
    // With an actor chosen, that actor's claim stands on the left of every row.
    filters.actorId && link.b.actor.id === filters.actorId && link.a.actor.id !== filters.actorId ? { ...link, a: link.b, b: link.a } : link,
  );
  return { total, counts, offset, rows };
}
