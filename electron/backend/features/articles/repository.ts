import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  MAX_ARTICLE_LENGTH,
  MAX_LANGUAGE,
  MAX_NAME,
  MAX_URL,
  count,
  type Article,
  type ArticleMeta,
  type ArticleSort,
  type ArticleSummary,
  type SearchResult,
  type SourceKind,
} from '../../../../shared/domain';
import { GainsayError } from '../../../../shared/errors';
import { searchText } from '../../../../shared/search-text';
import { findMatches, parseSearch, toFtsQuery } from '../../../../shared/text/search-query';
import { partsFor, snippetAround } from '../../../../shared/text/snippet';
import { newId, now } from '../../clock';
import { preparedOnce } from '../../db/prepared';
import { rowKey, type RowKey } from '../../db/row-key';
import { ImportRefusal } from '../../import/refusal';
import { MAX_DATE, clipped, upTo } from '../bounded';

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

/** Longest source file name listed. */
const MAX_SOURCE_NAME = 1000;

// Strings are read bounded (see bounded.ts); SQLite counts the text's length without handing it over.
const SUMMARY_COLUMNS = `
  a.seq, a.id, ${upTo('a.title', MAX_NAME)} AS title, ${upTo('a.outlet', MAX_NAME)} AS outlet, ${upTo('a.author', MAX_NAME)} AS author,
  ${upTo('a.published_at', MAX_DATE)} AS published_at, ${upTo('a.url', MAX_URL)} AS url, ${upTo('a.language', MAX_LANGUAGE)} AS language,
  ${upTo('a.source_name', MAX_SOURCE_NAME)} AS source_name, a.source_kind, a.created_at, a.updated_at,
  length(a.text) AS length,
  (SELECT count(*) FROM highlights h JOIN claims c ON c.highlight_id = h.id WHERE h.article_id = a.id) AS claim_count,
  (SELECT count(DISTINCT l.id) FROM highlights h
     JOIN claims c ON c.highlight_id = h.id
     JOIN links l ON l.claim_a = c.id OR l.claim_b = c.id
   WHERE h.article_id = a.id AND l.kind = 'contradicts' AND l.status <> 'dismissed') AS contradiction_count`;

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: clipped(row.title, MAX_NAME),
    outlet: clipped(row.outlet, MAX_NAME),
    author: clipped(row.author, MAX_NAME),
    publishedAt: clipped(row.published_at, MAX_DATE),
    url: clipped(row.url, MAX_URL),
    language: clipped(row.language, MAX_LANGUAGE),
    sourceName: clipped(row.source_name, MAX_SOURCE_NAME),
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

/** Code points in a string, counted without making an array of them. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one: two units, one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
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

/**
 * Metadata found in an imported file (a PDF's title, an HTML page's byline) within the bounds the
 * app keeps when editing it: long names end in "…", an overlong address or language tag is left out.
 */
function boundedMeta(meta: ArticleMeta): ArticleMeta {
  return {
    ...meta,
    title: clipped(meta.title, MAX_NAME),
    outlet: clipped(meta.outlet, MAX_NAME),
    author: clipped(meta.author, MAX_NAME),
    url: meta.url.length > MAX_URL ? '' : meta.url,
    language: meta.language.length > MAX_LANGUAGE ? '' : meta.language,
  };
}

export type InsertResult = { status: 'imported' | 'duplicate'; id: string; title: string };

/** insertArticle's transaction, made once per connection rather than once per article (about 10 µs each). */
const storeTransactions = new WeakMap<Database.Database, (article: NewArticle) => InsertResult>();

/** Stores one article and its search entry in one transaction; the same text twice is one article. */
export function insertArticle(db: Database.Database, article: NewArticle): InsertResult {
  const length = codePoints(article.text);
  if (length > MAX_ARTICLE_LENGTH) throw new ImportRefusal(`“${article.sourceName}” is ${count(length)} characters of text, over the ${count(MAX_ARTICLE_LENGTH)} Gainsay keeps for one article.`);
  let store = storeTransactions.get(db);
  if (!store) storeTransactions.set(db, (store = db.transaction((next: NewArticle) => storeArticle(db, next))));
  return store(article);
}

function storeArticle(db: Database.Database, article: NewArticle): InsertResult {
  const hash = contentHash(article.text);
  const existing = preparedOnce(db, `SELECT id, ${upTo('title', MAX_NAME)} AS title FROM articles WHERE content_hash = ?`).get(hash) as
    | { id: string; title: string }
    | undefined;
  if (existing) return { status: 'duplicate', id: existing.id, title: clipped(existing.title, MAX_NAME) };
  const id = article.id ?? newId();
  const stamp = now();
  const meta = boundedMeta(article.meta);
  const { lastInsertRowid } = preparedOnce(
    db,
    `INSERT INTO articles (id, title, outlet, author, published_at, url, language, text, content_hash,
                           source_name, source_kind, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, meta.title, meta.outlet, meta.author, meta.publishedAt, meta.url, meta.language, article.text, hash,
      article.sourceName, article.kind, article.createdAt ?? stamp, article.updatedAt ?? stamp);
  preparedOnce(db, 'INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(
    lastInsertRowid,
    searchText(meta.title),
    searchText(article.text),
  );
  return { status: 'imported', id, title: meta.title };
}

export function getSummary(db: Database.Database, id: string): ArticleSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new GainsayError('not_found', 'That article is no longer in the project.');
  return toSummary(row);
}

/**
 * An article with its text. Gainsay never stores a text over MAX_ARTICLE_LENGTH, so one that a
 * project file carries beyond it was written by another tool: it is refused with its size rather
 * than sent whole to the window (a 220 MB text took 47 s to open), and the rest of the project
 * works as usual. Its start is not offered instead: highlights anchor to the whole text.
 */
export function getArticle(db: Database.Database, id: string): Article {
  const summary = getSummary(db, id);
  requireOpenable(db, id);
  const { text } = db.prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string };
  return { ...summary, text };
}

/** Throws unless the article exists and its text is within MAX_ARTICLE_LENGTH (see getArticle). */
export function requireOpenable(db: Database.Database, id: string): void {
  const length = db.prepare('SELECT length(text) FROM articles WHERE id = ?').pluck().get(id) as number | undefined;
  if (length === undefined) throw new GainsayError('not_found', 'That article is no longer in the project.');
  if (length > MAX_ARTICLE_LENGTH) throw new GainsayError('invalid_input', tooLongToOpen(length));
}

const tooLongToOpen = (length: number) =>
  `This article is too large to open: its text is ${count(length)} characters, over the ${count(MAX_ARTICLE_LENGTH)} Gainsay keeps for one article, so the project file was probably written by another tool. The other articles are not affected.`;

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
  const outlets = db.prepare(`SELECT DISTINCT ${upTo('outlet', MAX_NAME)} FROM articles WHERE outlet <> '' ORDER BY 1 COLLATE NOCASE`).pluck().all() as string[];
  return [...new Set(outlets.map((outlet) => clipped(outlet, MAX_NAME)))];
}

/** Code points of an oversize article searched for a snippet. */
const OVERSIZE_SNIPPET_SCAN = 100_000;

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
  const top = preparedOnce(db, `SELECT ${rowKey('rowid')} FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0), rowid LIMIT ? OFFSET ?`)
    .pluck()
    .all(fts, limit, offset) as RowKey[];
  // Snippets are found in the text; of a text over the import limit (see getArticle), in its start only.
  const summary = preparedOnce(
    db,
    `SELECT ${SUMMARY_COLUMNS}, CASE WHEN length(a.text) > ${MAX_ARTICLE_LENGTH} THEN substr(a.text, 1, ${OVERSIZE_SNIPPET_SCAN}) ELSE a.text END AS text
     FROM articles a WHERE a.seq = ?`,
  );
  const hits = top.flatMap((seq) => {
    const row = summary.get(seq) as (SummaryRow & { text: string }) | undefined;
    // An index row with no article (written into the file by another tool) is passed over.
    if (!row) return [];
    const hit = toSummary(row);
    return [
      {
        article: hit,
        titleParts: partsFor(hit.title, findMatches(hit.title, terms)),
        snippet: snippetAround(row.text, findMatches(row.text, terms)),
      },
    ];
  });
  // A page that is not full ends the matches, so their number is known without counting them.
  const total =
    top.length < limit && (top.length > 0 || offset === 0)
      ? offset + hits.length
      : (preparedOnce(db, 'SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(fts) as number);
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
    // The full-text index's copy of the title follows by a temporary trigger (history.ts), undo included.
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
    // The seq stays in SQL: read into JavaScript, one beyond 2^53 would be rounded to another article's (see RowKey).
    db.prepare('DELETE FROM articles_fts WHERE rowid = (SELECT seq FROM articles WHERE id = ?)').run(id);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    return impact;
  })();
}
