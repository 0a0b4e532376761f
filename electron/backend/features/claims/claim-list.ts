import type Database from 'better-sqlite3';
import { MAX_NAME, MAX_TAG, type ClaimFilters, type ClaimPage, type ClaimRow, type ClaimSort } from '../../../../shared/domain';
import { keyNeedle, parseSearch } from '../../../../shared/text/search-query';
import { clipped, upTo } from '../bounded';
import { sideColumns, sideDate, sideJoins, toSide } from '../links/sides';

/**
 * The tables a query over claims reads besides `claims cs`: its highlight (`hs`, for the article
 * and the quote) and its article (`ars`, for the outlet and date). Each is joined only when a
 * filter, the order or a count needs it: over 100,000 claims, every join costs.
 */
type Table = 'highlight' | 'article';

function claimsFrom(tables: ReadonlySet<Table>): string {
  const highlight = tables.has('highlight') || tables.has('article') ? ' JOIN highlights hs ON hs.id = cs.highlight_id' : '';
  const article = tables.has('article') ? ' JOIN articles ars ON ars.id = hs.article_id' : '';
  return `FROM claims cs${highlight}${article}`;
}

const SORTS: Record<ClaimSort, { key: string; tables: Table[] }> = {
  // Ties in the article's order of reading.
  date: { key: `${sideDate('s')} {dir}, hs.article_id, hs.start_cp`, tables: ['article'] },
  // The app's folded name: "İlham" sorts with "Ilham", not after "Z" as SQLite's NOCASE would.
  actor: { key: '(SELECT folded FROM actors WHERE id = cs.actor_id) {dir}', tables: [] },
  article: { key: 'ars.title COLLATE NOCASE {dir}, hs.article_id, hs.start_cp', tables: ['article'] },
  recorded: { key: 'cs.rowid {dir}', tables: [] },
};

/** Most values a count lists (the rest are still in the total). */
const FACET_LIMIT = 200;

interface Query {
  where: string[];
  params: Record<string, unknown>;
  tables: Set<Table>;
}

/** The WHERE clauses for the filters, and the tables they read. */
function filterClauses(db: Database.Database, filters: ClaimFilters): Query | null {
  const query: Query = { where: ['1'], params: {}, tables: new Set() };
  const add = (clause: string, params: Record<string, unknown>, table?: Table) => {
    query.where.push(clause);
    Object.assign(query.params, params);
    if (table) query.tables.add(table);
  };
  if (filters.actorId) add('cs.actor_id = :actor', { actor: filters.actorId });
  if (filters.tag) {
    // The tag's id first, so its claims come from the claim_tags index rather than a check per claim.
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE').pluck().get(filters.tag.trim());
    if (!tagId) return null;
    add('cs.id IN (SELECT claim_id FROM claim_tags WHERE tag_id = :tag)', { tag: tagId });
  }
  if (filters.articleId) add('hs.article_id = :article', { article: filters.articleId }, 'highlight');
  if (filters.outlet) add('ars.outlet = :outlet', { outlet: filters.outlet }, 'article');
  if (filters.from) add(`${sideDate('s')} >= :from`, { from: filters.from }, 'article');
  if (filters.to) add(`${sideDate('s')} <= :to`, { to: filters.to }, 'article');
  parseSearch(filters.text ?? '').forEach((term, i) => add(`instr(hs.quote_key, :t${i})`, { [`t${i}`]: keyNeedle(term) }, 'highlight'));
  return query;
}

/** The SQL of one page of the Claims view, and of the counts (exported for the query-plan test). */
export function claimListSql(db: Database.Database, filters: ClaimFilters, sort: ClaimSort, descending: boolean) {
  const query = filterClauses(db, filters);
  if (!query) return null;
  const { where, params, tables } = query;
  const order = SORTS[sort];
  const conditions = where.join(' AND ');
  const top = (sql: string) => `SELECT * FROM (${sql} ORDER BY count DESC LIMIT ${FACET_LIMIT})`;
  return {
    total: `SELECT count(*) ${claimsFrom(tables)} WHERE ${conditions}`,
    // Then by row, so paging is stable. The total comes with the page: one pass over the claims.
    page: `SELECT cs.id, count(*) OVER () AS total ${claimsFrom(new Set([...tables, ...order.tables]))} WHERE ${conditions}
           ORDER BY ${order.key.replace('{dir}', descending ? 'DESC' : 'ASC')}, cs.rowid LIMIT :limit OFFSET :offset`,
    /**
     * The total and every count in one statement over the matching claims, found once: ids only,
     * the largest groups first; outlets are counted per article first (no article row read per claim).
     */
    counts: `WITH m AS MATERIALIZED (SELECT cs.id AS claim, cs.actor_id AS actor, hs.article_id AS article ${claimsFrom(new Set([...tables, 'highlight']))} WHERE ${conditions})
      SELECT 'total' AS facet, '' AS value, count(*) AS count FROM m
      UNION ALL ${top(`SELECT 'actors' AS facet, actor AS value, count(*) AS count FROM m GROUP BY actor`)}
      UNION ALL ${top(`SELECT 'tags' AS facet, ct.tag_id AS value, count(*) AS count FROM m JOIN claim_tags ct ON ct.claim_id = m.claim GROUP BY ct.tag_id`)}
      UNION ALL ${top(`SELECT 'articles' AS facet, article AS value, count(*) AS count FROM m GROUP BY article`)}
      UNION ALL ${top(`SELECT 'outlets' AS facet, a.outlet AS value, sum(n) AS count FROM (SELECT article, count(*) AS n FROM m GROUP BY article) x
                       JOIN articles a ON a.id = x.article WHERE a.outlet <> '' AND length(a.outlet) <= ${MAX_NAME} GROUP BY a.outlet`)}`,
    params,
  };
}

type Facets = NonNullable<ClaimPage['facets']>;

/** The names of the counted actors, tags and articles, read bounded for those ids only. */
const LABELS: Record<Exclude<keyof Facets, 'outlets'>, string> = {
  actors: `SELECT id, ${upTo('name', MAX_NAME)} FROM actors WHERE id IN (SELECT value FROM json_each(?))`,
  tags: `SELECT id, ${upTo('name', MAX_TAG)} FROM tags WHERE id IN (SELECT value FROM json_each(?))`,
  articles: `SELECT id, ${upTo('title', MAX_NAME)} FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
};

/**
 * The claims matching the filters by actor, tag, article and outlet, most claims first: the
 * analyst drills down, as in a QDA tool's code system.
 */
function countClaims(db: Database.Database, sql: string, params: Record<string, unknown>): { total: number; facets: Facets } {
  const facets: Facets = { actors: [], tags: [], articles: [], outlets: [] };
  let total = 0;
  for (const row of db.prepare(sql).all(params) as Array<{ facet: keyof Facets | 'total'; value: string; count: number }>) {
    if (row.facet === 'total') total = row.count;
    else facets[row.facet].push({ value: row.value, label: row.value, count: row.count });
  }
  for (const name of ['actors', 'tags', 'articles'] as const) {
    const labels = new Map(db.prepare(LABELS[name]).raw().all(JSON.stringify(facets[name].map((f) => f.value))) as Array<[string, string]>);
    const max = name === 'tags' ? MAX_TAG : MAX_NAME;
    // A tag is filtered by name, so its value is its name.
    facets[name] = facets[name].map((f) => {
      const label = clipped(labels.get(f.value) ?? '', max);
      return { value: name === 'tags' ? label : f.value, label, count: f.count };
    });
  }
  for (const list of Object.values(facets)) list.sort((x, y) => y.count - x.count || x.label.localeCompare(y.label));
  return { total, facets };
}

/**
 * One page of the project's claims, filtered and sorted, with the total and (with `counts`) the
 * counts. Only the page's claims are read in full; every string is read bounded (see bounded.ts).
 */
export function claimPage(db: Database.Database, filters: ClaimFilters, sort: ClaimSort, descending: boolean, offset: number, limit: number, counts: boolean): ClaimPage {
  const sql = claimListSql(db, filters, sort, descending);
  if (!sql) return { total: 0, offset, rows: [], facets: counts ? { actors: [], tags: [], articles: [], outlets: [] } : null };
  const counted = counts ? countClaims(db, sql.counts, sql.params) : null;
  const page = db.prepare(sql.page).all({ ...sql.params, limit, offset }) as Array<{ id: string; total: number }>;
  const ids = page.map((row) => row.id);
  // A page past the end has no row to carry the total.
  const total = counted?.total ?? page[0]?.total ?? (db.prepare(sql.total).pluck().get(sql.params) as number);
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
    facets: counted?.facets ?? null,
  };
}

/** How many claims each actor made (`actor_id`), or passed on (`via_actor_id`), for the Actors list. */
export function claimCountsByActor(db: Database.Database, role: 'actor_id' | 'via_actor_id' = 'actor_id'): Record<string, number> {
  const rows = db.prepare(`SELECT ${role} AS id, count(*) AS n FROM claims WHERE ${role} IS NOT NULL GROUP BY ${role}`).all() as Array<{ id: string; n: number }>;
  return Object.fromEntries(rows.map((row) => [row.id, row.n]));
}
