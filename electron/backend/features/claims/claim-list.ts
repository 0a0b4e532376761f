import type Database from 'better-sqlite3';
import { MAX_NAME, MAX_TAG, type ClaimFilters, type ClaimPage, type ClaimRow, type ClaimSort, type FacetCount } from '../../../../shared/domain';
import { keyNeedle, parseSearch } from '../../../../shared/text/search-query';
import { clipped, upTo } from '../bounded';
import { sideColumns, sideDate, sideJoins, toSide } from '../links/sides';

/** The claims the filters run over: each claim with its highlight and article (alias prefix 's'). */
const CLAIMS_FROM = 'FROM claims cs JOIN highlights hs ON hs.id = cs.highlight_id JOIN articles ars ON ars.id = hs.article_id';

const SORT_KEYS: Record<ClaimSort, string> = {
  date: sideDate('s'),
  // The app's folded name: "İlham" sorts with "Ilham", not after "Z" as SQLite's NOCASE would.
  actor: '(SELECT folded FROM actors WHERE id = cs.actor_id)',
  article: 'ars.title COLLATE NOCASE',
  recorded: 'cs.rowid',
};

/** Most values a facet lists (the rest are still counted in the total). */
const FACET_LIMIT = 200;

type Facet = 'actors' | 'tags' | 'articles' | 'outlets';

interface Query {
  where: string[];
  params: Record<string, unknown>;
}

/** The WHERE clauses for the filters, leaving out the one behind `except` (a facet's own). */
function filterClauses(filters: ClaimFilters, except?: Facet): Query {
  const where: string[] = ['1'];
  const params: Record<string, unknown> = {};
  if (filters.actorId && except !== 'actors') {
    where.push('cs.actor_id = :actor');
    params.actor = filters.actorId;
  }
  if (filters.tag && except !== 'tags') {
    where.push('EXISTS (SELECT 1 FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = cs.id AND t.name = :tag COLLATE NOCASE)');
    params.tag = filters.tag.trim();
  }
  if (filters.articleId && except !== 'articles') {
    where.push('hs.article_id = :article');
    params.article = filters.articleId;
  }
  if (filters.outlet && except !== 'outlets') {
    where.push('ars.outlet = :outlet');
    params.outlet = filters.outlet;
  }
  if (filters.from) {
    where.push(`${sideDate('s')} >= :from`);
    params.from = filters.from;
  }
  if (filters.to) {
    where.push(`${sideDate('s')} <= :to`);
    params.to = filters.to;
  }
  parseSearch(filters.text ?? '').forEach((term, i) => {
    where.push(`instr(hs.quote_key, :t${i})`);
    params[`t${i}`] = keyNeedle(term);
  });
  return { where, params };
}

/** Each facet's value and label columns, grouped by the value. */
const FACETS: Record<Facet, { select: string; from: string; max: number }> = {
  actors: { select: `cs.actor_id AS value, ${upTo('(SELECT name FROM actors WHERE id = cs.actor_id)', MAX_NAME)} AS label`, from: CLAIMS_FROM, max: MAX_NAME },
  tags: {
    select: `t.id AS value, ${upTo('t.name', MAX_TAG)} AS label`,
    from: `${CLAIMS_FROM} JOIN claim_tags ctf ON ctf.claim_id = cs.id JOIN tags t ON t.id = ctf.tag_id`,
    max: MAX_TAG,
  },
  articles: { select: `hs.article_id AS value, ${upTo('ars.title', MAX_NAME)} AS label`, from: CLAIMS_FROM, max: MAX_NAME },
  // Outlets are compared whole, so one too long to be one Gainsay wrote is not offered.
  outlets: { select: `ars.outlet AS value, ars.outlet AS label`, from: `${CLAIMS_FROM} AND ars.outlet <> '' AND length(ars.outlet) <= ${MAX_NAME}`, max: MAX_NAME },
};

function facet(db: Database.Database, filters: ClaimFilters, name: Facet): FacetCount[] {
  const { where, params } = filterClauses(filters, name);
  const { select, from, max } = FACETS[name];
  const rows = db
    .prepare(`SELECT ${select}, count(*) AS count ${from} WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY count DESC, 2 COLLATE NOCASE LIMIT ${FACET_LIMIT}`)
    .all(params) as FacetCount[];
  // A tag is filtered by name, so its value is its name.
  return rows.map((row) => ({ value: name === 'tags' ? clipped(row.label, max) : row.value, label: clipped(row.label, max), count: row.count }));
}

/** The SQL of one page of the Claims view (exported for the query-plan test). */
export function claimListSql(filters: ClaimFilters, sort: ClaimSort, descending: boolean) {
  const { where, params } = filterClauses(filters);
  const direction = descending ? 'DESC' : 'ASC';
  return {
    total: `SELECT count(*) ${CLAIMS_FROM} WHERE ${where.join(' AND ')}`,
    // Ties in the article's order of reading, then by row so paging is stable.
    page: `SELECT cs.id ${CLAIMS_FROM} WHERE ${where.join(' AND ')}
           ORDER BY ${SORT_KEYS[sort]} ${direction}, hs.article_id, hs.start_cp, cs.rowid LIMIT :limit OFFSET :offset`,
    params,
  };
}

/**
 * One page of the project's claims, filtered and sorted, with the total and each filter's counts.
 * Only the page's claims are read in full; every string is read bounded (see bounded.ts).
 */
export function claimPage(db: Database.Database, filters: ClaimFilters, sort: ClaimSort, descending: boolean, offset: number, limit: number): ClaimPage {
  const sql = claimListSql(filters, sort, descending);
  const total = db.prepare(sql.total).pluck().get(sql.params) as number;
  const ids = db.prepare(sql.page).pluck().all({ ...sql.params, limit, offset }) as string[];
  const rows = db
    .prepare(
      `SELECT ${sideColumns('s')},
         (SELECT count(*) FROM links l WHERE l.kind = 'contradicts' AND (l.claim_a = cs.id OR l.claim_b = cs.id)) AS contradictions,
         (SELECT count(*) FROM links l WHERE l.kind = 'corroborates' AND (l.claim_a = cs.id OR l.claim_b = cs.id)) AS corroborations
       FROM json_each(?) k ${sideJoins('s', 'k.value')} ORDER BY k.key`,
    )
    .all(JSON.stringify(ids)) as Array<Record<string, unknown>>;
  return {
    total,
    offset,
    rows: rows.map((row): ClaimRow => ({ ...toSide(row, 's'), contradictions: row.contradictions as number, corroborations: row.corroborations as number })),
    facets: {
      actors: facet(db, filters, 'actors'),
      tags: facet(db, filters, 'tags'),
      articles: facet(db, filters, 'articles'),
      outlets: facet(db, filters, 'outlets'),
    },
  };
}

/** How many claims each actor made, for the Actors list. */
export function claimCountsByActor(db: Database.Database): Record<string, number> {
  const rows = db.prepare('SELECT actor_id, count(*) AS n FROM claims GROUP BY actor_id').all() as Array<{ actor_id: string; n: number }>;
  return Object.fromEntries(rows.map((row) => [row.actor_id, row.n]));
}
