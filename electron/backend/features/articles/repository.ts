import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Article, ArticleMeta, ArticleSort, ArticleSummary, SearchResult, SourceKind } from '../../../../shared/domain';
import { GainsayError } from '../../../../shared/errors';
import { searchText } from '../../../../shared/search-text';
import { findMatches, parseSearch, toFtsQuery } from '../../../../shared/text/search-query';
import { partsFor, snippetAround } from '../../../../shared/text/snippet';
import { newId, now } from '../../clock';

interface SummaryRow {
  seq: number;
  id: string;
  title: string;
  outlet: string;
  author: string;
  published_at: string | null;
  url: string;
  language: string;
  source_name: string;
  source_kind: SourceKind;
  created_at: string;
  updated_at: string;
  length: number;
  claim_count: number;
  contradiction_count: number;
}

const SUMMARY_COLUMNS = `
  a.seq, a.id, a.title, a.outlet, a.author, a.published_at, a.url, a.language, a.source_name, a.source_kind,
  a.created_at, a.updated_at, length(a.text) AS length,
  (SELECT count(*) FROM highlights h JOIN claims c ON c.highlight_id = h.id WHERE h.article_id = a.id) AS claim_count,
  (SELECT count(DISTINCT l.id) FROM highlights h
     JOIN claims c ON c.highlight_id = h.id
     JOIN links l ON l.claim_a = c.id OR l.claim_b = c.id
   WHERE h.article_id = a.id AND l.kind = 'contradicts' AND l.status <> 'dismissed') AS contradiction_count`;

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    author: row.author,
    publishedAt: row.published_at,
    url: row.url,
    language: row.language,
    sourceName: row.source_name,
    sourceKind: row.source_kind,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    length: row.length,
    claimCount: row.claim_count,
    contradictionCount: row.contradiction_count,
  };
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface NewArticle {
  text: string;
  meta: ArticleMeta;
  kind: SourceKind;
  sourceName: string;
  /** Given when the article comes from another project (JSON import): kept as they were. */
  id?: string;
  createdAt?: string;
  updatedAt?: string;
}

export type InsertResult = { status: 'imported' | 'duplicate'; id: string; title: string };

/** Stores one article and its search entry in one transaction; the same text twice is one article. */
export function insertArticle(db: Database.Database, article: NewArticle): InsertResult {
  return db.transaction((): InsertResult => {
    const hash = contentHash(article.text);
    const existing = db.prepare('SELECT id, title FROM articles WHERE content_hash = ?').get(hash) as
      | { id: string; title: string }
      | undefined;
    if (existing) return { status: 'duplicate', ...existing };
    const id = article.id ?? newId();
    const stamp = now();
    const { meta } = article;
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO articles (id, title, outlet, author, published_at, url, language, text, content_hash,
                               source_name, source_kind, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, meta.title, meta.outlet, meta.author, meta.publishedAt, meta.url, meta.language, article.text, hash,
        article.sourceName, article.kind, article.createdAt ?? stamp, article.updatedAt ?? stamp);
    db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(
      lastInsertRowid,
      searchText(meta.title),
      searchText(article.text),
    );
    return { status: 'imported', id, title: meta.title };
  })();
}

export function getSummary(db: Database.Database, id: string): ArticleSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new GainsayError('not_found', 'That article is no longer in the project.');
  return toSummary(row);
}

export function getArticle(db: Database.Database, id: string): Article {
  const summary = getSummary(db, id);
  const { text } = db.prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string };
  return { ...summary, text };
}

const ORDER: Record<ArticleSort, string> = {
  published: 'a.published_at IS NULL, a.published_at',
  title: 'a.title COLLATE NOCASE',
  outlet: "a.outlet = '', a.outlet COLLATE NOCASE",
  added: 'a.created_at',
  claims: 'claim_count',
  contradictions: 'contradiction_count',
};

export interface ListOptions {
  sort: ArticleSort;
  descending: boolean;
  outlet?: string | undefined;
}

export function listArticles(db: Database.Database, options: ListOptions): ArticleSummary[] {
  const direction = options.descending ? 'DESC' : 'ASC';
  // Keep "missing value last" terms ascending whatever the direction.
  const order = ORDER[options.sort]
    .split(', ')
    .map((term) => (/ IS NULL$| = ''$/.test(term) ? term : `${term} ${direction}`))
    .join(', ');
  const where = options.outlet !== undefined ? 'WHERE a.outlet = @outlet' : '';
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a ${where} ORDER BY ${order}, a.seq ${direction}`)
    .all(options.outlet !== undefined ? { outlet: options.outlet } : {}) as SummaryRow[];
  return rows.map(toSummary);
}

export function listOutlets(db: Database.Database): string[] {
  return (db.prepare("SELECT DISTINCT outlet FROM articles WHERE outlet <> '' ORDER BY outlet COLLATE NOCASE").all() as Array<{ outlet: string }>).map(
    (row) => row.outlet,
  );
}

/**
 * Full-text search over titles and text, best matches first, each with a highlighted snippet.
 * FTS5 finds and ranks the articles (row ids only: SQLite would otherwise build every matching
 * row before the LIMIT); the few shown are then marked up from their stored text by the same
 * rules the index matches by, which is much cheaper than FTS5's highlight() on prefix queries.
 */
export function searchArticles(db: Database.Database, query: string, limit: number, offset = 0): SearchResult {
  const terms = parseSearch(query);
  const fts = toFtsQuery(terms);
  if (!fts) return { total: 0, hits: [] };
  const { total } = db.prepare('SELECT count(*) AS total FROM articles_fts WHERE articles_fts MATCH ?').get(fts) as { total: number };
  const top = db
    .prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0), rowid LIMIT ? OFFSET ?')
    .pluck()
    .all(fts, limit, offset) as number[];
  const summary = db.prepare(`SELECT ${SUMMARY_COLUMNS}, a.text AS text FROM articles a WHERE a.seq = ?`);
  const hits = top.map((seq) => {
    const row = summary.get(seq) as SummaryRow & { text: string };
    return {
      article: toSummary(row),
      titleParts: partsFor(row.title, findMatches(row.title, terms)),
      snippet: snippetAround(row.text, findMatches(row.text, terms)),
    };
  });
  return { total, hits };
}

export function updateMeta(db: Database.Database, id: string, meta: ArticleMeta): ArticleSummary {
  db.transaction(() => {
    const row = db.prepare('SELECT seq FROM articles WHERE id = ?').get(id) as { seq: number } | undefined;
    if (!row) throw new GainsayError('not_found', 'That article is no longer in the project.');
    db.prepare(
      `UPDATE articles SET title = ?, outlet = ?, author = ?, published_at = ?, url = ?, language = ?, updated_at = ?
       WHERE id = ?`,
    ).run(meta.title, meta.outlet, meta.author, meta.publishedAt, meta.url, meta.language, now(), id);
    db.prepare('UPDATE articles_fts SET title = ? WHERE rowid = ?').run(searchText(meta.title), row.seq);
  })();
  return getSummary(db, id);
}

export interface DeletionImpact {
  highlights: number;
  claims: number;
  links: number;
}

export function deletionImpact(db: Database.Database, id: string): DeletionImpact {
  getSummary(db, id);
  return db
    .prepare(
      `SELECT
         (SELECT count(*) FROM highlights WHERE article_id = @id) AS highlights,
         (SELECT count(*) FROM highlights h JOIN claims c ON c.highlight_id = h.id WHERE h.article_id = @id) AS claims,
         (SELECT count(DISTINCT l.id) FROM highlights h JOIN claims c ON c.highlight_id = h.id
            JOIN links l ON l.claim_a = c.id OR l.claim_b = c.id WHERE h.article_id = @id) AS links`,
    )
    .get({ id }) as DeletionImpact;
}

/** Deletes an article with its highlights, claims and their links (foreign keys cascade). */
export function deleteArticle(db: Database.Database, id: string): DeletionImpact {
  return db.transaction(() => {
    const impact = deletionImpact(db, id);
    const { seq } = db.prepare('SELECT seq FROM articles WHERE id = ?').get(id) as { seq: number };
    db.prepare('DELETE FROM articles_fts WHERE rowid = ?').run(seq);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    return impact;
  })();
}
