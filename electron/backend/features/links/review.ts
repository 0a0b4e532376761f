import type Database from 'better-sqlite3';
import { LINK_STATUSES, type LinkStatus, type ReviewFilters, type ReviewPage, type ReviewSort } from '../../../../shared/domain';
import { keyNeedle, parseSearch } from '../../../../shared/text/search-query';
import { getLinks } from './repository';
import { sideDate } from './sides';

/** The later of the two claims' dates: when the two claims stood against each other. */
const ROW_DATE = `max(coalesce(${sideDate('a')}, ''), coalesce(${sideDate('b')}, ''))`;

/** Only what filtering and sorting need; the details of a page's rows are read afterwards. */
const FILTER_FROM = `
  FROM links l
  JOIN claims ca ON ca.id = l.claim_a JOIN highlights ha ON ha.id = ca.highlight_id JOIN articles ara ON ara.id = ha.article_id
  JOIN claims cb ON cb.id = l.claim_b JOIN highlights hb ON hb.id = cb.highlight_id JOIN articles arb ON arb.id = hb.article_id`;

const SORT_KEYS: Record<ReviewSort, string> = {
  date: ROW_DATE,
  // The alphabetically first actor of the pair, then the other.
  actor: `(SELECT min(name) FROM actors WHERE id IN (ca.actor_id, cb.actor_id)) COLLATE NOCASE`,
  status: `CASE l.status WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END`,
  updated: 'l.updated_at',
};

/** Links whose claim on either side was made by the actor, found through the claims_actor index. */
const BY_ACTOR = `l.id IN (
  SELECT x.id FROM claims c JOIN links x ON x.claim_a = c.id WHERE c.actor_id = :actor
  UNION ALL
  SELECT x.id FROM claims c JOIN links x ON x.claim_b = c.id WHERE c.actor_id = :actor)`;

const BY_ARTICLE = `l.id IN (
  SELECT x.id FROM highlights h JOIN claims c ON c.highlight_id = h.id JOIN links x ON x.claim_a = c.id WHERE h.article_id = :article
  UNION ALL
  SELECT x.id FROM highlights h JOIN claims c ON c.highlight_id = h.id JOIN links x ON x.claim_b = c.id WHERE h.article_id = :article)`;

interface Query {
  where: string[];
  params: Record<string, unknown>;
}

/** The WHERE clauses for every filter but the status (counts per status leave that one out). */
function filterClauses(db: Database.Database, filters: ReviewFilters): Query | null {
  const where = ['l.kind = :kind'];
  const params: Record<string, unknown> = { kind: filters.kind };
  if (filters.actorId) {
    where.push(BY_ACTOR);
    params.actor = filters.actorId;
    if (filters.otherActorId) {
      where.push('((ca.actor_id = :actor AND cb.actor_id = :other) OR (ca.actor_id = :other AND cb.actor_id = :actor))');
      params.other = filters.otherActorId;
    }
  }
  if (filters.articleId) {
    where.push(BY_ARTICLE);
    params.article = filters.articleId;
  }
  if (filters.outlet) {
    where.push('(ara.outlet = :outlet OR arb.outlet = :outlet)');
    params.outlet = filters.outlet;
  }
  if (filters.tag) {
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE').pluck().get(filters.tag.trim());
    if (!tagId) return null;
    where.push(`(EXISTS (SELECT 1 FROM claim_tags WHERE claim_id = l.claim_a AND tag_id = :tag)
              OR EXISTS (SELECT 1 FROM claim_tags WHERE claim_id = l.claim_b AND tag_id = :tag))`);
    params.tag = tagId;
  }
  if (filters.from) {
    where.push(`${ROW_DATE} >= :from`);
    params.from = filters.from;
  }
  if (filters.to) {
    where.push(`${ROW_DATE} <> '' AND ${ROW_DATE} <= :to`);
    params.to = filters.to;
  }
  parseSearch(filters.text ?? '').forEach((term, i) => {
    where.push(`(instr(ha.quote_key, :t${i}) OR instr(hb.quote_key, :t${i}) OR instr(l.rationale_key, :t${i}))`);
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
  // Ties: newest date first within a status or actor, then by id so paging is stable.
  const then = sort === 'date' ? '' : `, ${ROW_DATE} DESC`;
  return {
    counts: `SELECT l.status, count(*) AS n ${FILTER_FROM} ${where(query.where)} GROUP BY l.status`,
    page: `SELECT l.id ${FILTER_FROM} ${where([...query.where, ...statuses])}
           ORDER BY ${SORT_KEYS[sort]} ${direction}${then}, l.id LIMIT :limit OFFSET :offset`,
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
