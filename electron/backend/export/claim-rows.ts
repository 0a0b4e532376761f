import type Database from 'better-sqlite3';
import type { ArticleRecord } from '../../../shared/export/project-json';
import { ProjectRecords } from './records';

/** A claim with everything flat exports show beside it. */
export interface ClaimRow {
  claimId: string;
  highlightId: string;
  articleId: string;
  articleTitle: string;
  outlet: string;
  publishedAt: string | null;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  actorId: string;
  actor: string;
  actorKind: string;
  viaId: string | null;
  via: string | null;
  claimedOn: string | null;
  /** Tag names, sorted. */
  tags: string[];
  noteText: string;
  createdAt: string;
  updatedAt: string;
}

/** A link with both claims' actors and quotes. */
export interface LinkRow {
  linkId: string;
  kind: 'contradicts' | 'corroborates';
  status: 'open' | 'confirmed' | 'dismissed';
  claimA: string;
  claimB: string;
  articleA: string;
  articleB: string;
  actorA: string;
  actorB: string;
  quoteA: string;
  quoteB: string;
  rationaleText: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const scope = (articleIds: string[] | null, column: string) => (articleIds ? `AND ${column} IN (SELECT value FROM json_each(:articles))` : '');
const params = (articleIds: string[] | null) => (articleIds ? { articles: JSON.stringify(articleIds) } : {});

/** Every claim's tag names, sorted: read at once (a subquery per claim costs more than the claims). */
function tagsByClaim(db: Database.Database): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  const rows = db.prepare('SELECT ct.claim_id AS claim, t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id ORDER BY t.name COLLATE NOCASE').raw().iterate() as IterableIterator<[string, string]>;
  for (const [claim, name] of rows) {
    const list = tags.get(claim);
    if (list) list.push(name);
    else tags.set(claim, [name]);
  }
  return tags;
}

/** Claims in reading order, article by article, one at a time. */
export function* claimRows(db: Database.Database, articleIds: string[] | null): Generator<ClaimRow> {
  const tags = tagsByClaim(db);
  const rows = db
    .prepare(
      `SELECT c.id AS claimId, h.id AS highlightId, h.article_id AS articleId, ar.title AS articleTitle, ar.outlet,
              ar.published_at AS publishedAt, h.start_cp AS start, h.end_cp AS "end", h.quote, h.prefix, h.suffix,
              a.id AS actorId, a.name AS actor, a.kind AS actorKind, v.id AS viaId, v.name AS via, c.claimed_on AS claimedOn,
              c.note_text AS noteText, c.created_at AS createdAt, c.updated_at AS updatedAt
       FROM claims c JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id
       JOIN actors a ON a.id = c.actor_id LEFT JOIN actors v ON v.id = c.via_actor_id
       WHERE 1 ${scope(articleIds, 'h.article_id')}
       ORDER BY ar.seq, h.start_cp, h.end_cp DESC, c.id`,
    )
    .iterate(params(articleIds)) as IterableIterator<Omit<ClaimRow, 'tags'>>;
  for (const row of rows) yield { ...row, tags: tags.get(row.claimId) ?? [] };
}

/**
 * Each article in scope (text included) with its claims in reading order, one article at a time:
 * the articles and the claims are read side by side, both in the articles' order.
 */
export function* claimsByArticle(db: Database.Database, articleIds: string[] | null): Generator<{ article: ArticleRecord; claims: ClaimRow[] }> {
  const claims = claimRows(db, articleIds);
  let next = claims.next();
  for (const article of new ProjectRecords(db, articleIds).articles()) {
    const mine: ClaimRow[] = [];
    for (; !next.done && next.value.articleId === article.id; next = claims.next()) mine.push(next.value);
    yield { article, claims: mine };
  }
}

/** Links whose two claims are both in scope, oldest first. */
export function linkRows(db: Database.Database, articleIds: string[] | null): IterableIterator<LinkRow> {
  return db
    .prepare(
      `SELECT l.id AS linkId, l.kind, l.status, l.claim_a AS claimA, l.claim_b AS claimB, l.a_article AS articleA, l.b_article AS articleB,
              aa.name AS actorA, ab.name AS actorB, ha.quote AS quoteA, hb.quote AS quoteB, l.rationale_text AS rationaleText,
              l.created_by AS createdBy, l.created_at AS createdAt, l.updated_at AS updatedAt
       FROM links l
       JOIN claims ca ON ca.id = l.claim_a JOIN highlights ha ON ha.id = ca.highlight_id JOIN actors aa ON aa.id = ca.actor_id
       JOIN claims cb ON cb.id = l.claim_b JOIN highlights hb ON hb.id = cb.highlight_id JOIN actors ab ON ab.id = cb.actor_id
       WHERE 1 ${scope(articleIds, 'l.a_article')} ${scope(articleIds, 'l.b_article')}
       ORDER BY l.created_at, l.id`,
    )
    .iterate(params(articleIds)) as IterableIterator<LinkRow>;
}
