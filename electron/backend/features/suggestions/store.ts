/**
 * Stored suggestions (migration 8): one run per article, made by a given extractor version from
 * a text with a given hash, and its suggestions. A project file is untrusted input, so what is
 * read back is checked like anything else in it: each body against a schema, every span inside
 * the text, every quote the text at its span (in SQL: substr counts code points, as offsets do).
 */
import type { OffsetMap } from '../../../../shared/offsets';
import { nextTurn } from '../../next-turn';
import { spanWithin } from '../../../../shared/text/span';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { EXTRACTOR_VERSION } from '../../../../shared/assist/attribution/version';
import type { Extraction, Suggestion } from '../../../../shared/assist/attribution/types';
import { ACTOR_KINDS, MAX_NAME } from '../../../../shared/domain';
import { now } from '../../clock';
import { changesSoFar } from '../../db/changes';
import { preparedOnce } from '../../db/prepared';
import { clipped, upTo } from '../bounded';
import { storedForm, type StoredExtraction, type StoredSuggestion } from './stored-form';

const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict();
const resolved = z.union([
  z.object({ known: z.literal(true), id: z.string().max(64), name: z.string().max(MAX_NAME), kind: z.enum(ACTOR_KINDS) }).strict(),
  z.object({ known: z.literal(false), name: z.string().max(MAX_NAME), kind: z.enum(ACTOR_KINDS) }).strict(),
]);
/** A suggestion's body as stored: everything but the span, quote and confidence, which are columns. */
const body = z
  .object({
    fragments: z.array(span).min(1).max(100),
    source: z.object({ span: span.nullable(), text: z.string().max(2000), actor: resolved.nullable() }).strict(),
    cue: span.nullable(),
    channel: z.object({ span, text: z.string().max(2000), actor: resolved }).strict().nullable(),
    direct: z.boolean(),
  })
  .strict();
type Body = z.infer<typeof body>;

const INSERT_SUGGESTION =
  'INSERT INTO suggestions (article_id, ordinal, start_cp, end_cp, quote, speaker, speaker_key, confidence, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

function insertSuggestions(db: Database.Database, articleId: string, rows: StoredSuggestion[], firstOrdinal: number): void {
  const insert = preparedOnce(db, INSERT_SUGGESTION);
  rows.forEach((row, i) => insert.run(articleId, firstOrdinal + i, ...row));
}

/** Deletes the article's run and inserts a new one made by `version`; false if the article is gone. */
function replaceRun(db: Database.Database, articleId: string, hash: string, version: number, skipped: string | null): boolean {
  if (!preparedOnce(db, 'SELECT 1 FROM articles WHERE id = ?').get(articleId)) return false;
  preparedOnce(db, 'DELETE FROM suggestion_runs WHERE article_id = ?').run(articleId);
  preparedOnce(db, 'INSERT INTO suggestion_runs (article_id, extractor_version, text_hash, skipped, made_at) VALUES (?, ?, ?, ?, ?)').run(
    articleId,
    version,
    hash,
    skipped,
    now(),
  );
  return true;
}

/** Replaces the article's run with this extraction, in one transaction. Returns false if the article is gone meanwhile. */
export function storeRun(db: Database.Database, articleId: string, hash: string, extraction: Extraction): boolean {
  return storeStoredRun(db, articleId, hash, storedForm(extraction));
}

function storeStoredRun(db: Database.Database, articleId: string, hash: string, stored: StoredExtraction): boolean {
  return writingRunOf(db, articleId, () => {
    if (!replaceRun(db, articleId, hash, stored.version, stored.skipped)) return false;
    insertSuggestions(db, articleId, stored.rows, 0);
    return true;
  });
}

/** Rows stored per transaction by storeRunInChunks: a few milliseconds of the backend's thread. */
export const STORE_CHUNK = 200;

/**
 * The version a run has while storeRunInChunks is still writing it: never current, so its rows
 * are shown nowhere, and an article left so (the app closed meanwhile) is suggested again.
 */
const PENDING_VERSION = 0;

/**
 * storeRun for the background, given the extraction in its stored form (stored-form.ts, built on
 * the extractor's thread): a run of more than STORE_CHUNK suggestions (a long article has
 * thousands) is written in transactions of STORE_CHUNK rows, with the event loop free between
 * them, so that the windows' calls are answered meanwhile. The run counts as pending until its
 * last rows are in. If it is replaced meanwhile (the article was opened and suggested on the
 * calling thread) or the article deleted, it stops and leaves that be. Resolves to whether it
 * stored the run.
 */
export async function storeRunInChunks(db: Database.Database, articleId: string, hash: string, stored: StoredExtraction): Promise<boolean> {
  const { rows } = stored;
  if (rows.length <= STORE_CHUNK) return storeStoredRun(db, articleId, hash, stored);
  if (!writingRunOf(db, articleId, () => replaceRun(db, articleId, hash, PENDING_VERSION, stored.skipped))) return false;
  const stillPending = () =>
    preparedOnce(db, 'SELECT 1 FROM suggestion_runs WHERE article_id = ? AND extractor_version = ? AND text_hash = ?').get(articleId, PENDING_VERSION, hash) !== undefined;
  for (let first = 0; first < rows.length; first += STORE_CHUNK) {
    await nextTurn();
    if (!db.open) return false;
    const storedChunk = writingRunOf(db, articleId, () => {
      if (!stillPending()) return false;
      insertSuggestions(db, articleId, rows.slice(first, first + STORE_CHUNK), first);
      if (first + STORE_CHUNK >= rows.length) {
        preparedOnce(db, 'UPDATE suggestion_runs SET extractor_version = ? WHERE article_id = ?').run(stored.version, articleId);
      }
      return true;
    });
    if (!storedChunk) return false;
  }
  return true;
}

/** A stored row, as the queries below select it. */
export interface SuggestionRow {
  article_id: string;
  title: string;
  start_cp: number;
  end_cp: number;
  quote: string;
  confidence: number;
  body: string;
}

/** Suggestions (`s`) of current runs, that is made by this extractor version. */
export const CURRENT_SUGGESTIONS = `suggestions s JOIN suggestion_runs r ON r.article_id = s.article_id AND r.extractor_version = ${EXTRACTOR_VERSION}`;

const REJECTED = 'EXISTS (SELECT 1 FROM suggestion_rejections j WHERE j.article_id = s.article_id AND j.start_cp = s.start_cp AND j.end_cp = s.end_cp AND j.quote = s.quote)';
const HIGHLIGHTED = 'EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = s.article_id AND h.start_cp = s.start_cp AND h.end_cp = s.end_cp)';

/** The suggestion `s` is neither rejected nor already highlighted. */
export const NOT_TRIAGED = `NOT ${REJECTED}
      AND NOT ${HIGHLIGHTED}`;

/** The suggestion `s` was rejected (and its span is not highlighted since): what the Rejected filter shows. */
export const REJECTED_ONLY = `${REJECTED}
      AND NOT ${HIGHLIGHTED}`;

/**
 * The rows of current runs that the analyst has neither rejected nor highlighted (or, with
 * `triage` REJECTED_ONLY, those rejected), with a confidence the extractor gives (0 to 1: a file
 * written elsewhere may hold 7, shown as 700% and first). `where` narrows it further (on `s` the suggestions, `a`
 * the articles); it is the caller's own SQL, never the file's. Whether a row holds on its text is
 * checked by suggestionFromRow, in JavaScript: in SQL, substr() and length() walk a text from its
 * start, which for the thousands of suggestions of a long article took seconds on every read.
 */
export function visibleRowsSql(where: string, triage = NOT_TRIAGED): string {
  return `
    SELECT s.article_id, a.title, s.start_cp, s.end_cp, s.quote, s.confidence, s.body
    FROM ${CURRENT_SUGGESTIONS}
    JOIN articles a ON a.id = s.article_id
    WHERE ${where}
      AND s.confidence BETWEEN 0 AND 1
      AND ${triage}`;
}

/**
 * A stored row as a suggestion, or null when it does not hold on its article's text (`text`):
 * its quote is not the text at its span, or its body is not one the app wrote for that text.
 */
export function suggestionFromRow(row: SuggestionRow, text: OffsetMap): Suggestion | null {
  if (!spanWithin(row.start_cp, row.end_cp, text.length) || text.slice(row.start_cp, row.end_cp) !== row.quote) return null;
  let parsed: Body;
  try {
    parsed = body.parse(JSON.parse(row.body));
  } catch {
    return null;
  }
  const spans = [...parsed.fragments, parsed.source.span, parsed.cue, parsed.channel?.span].filter((s): s is { start: number; end: number } => s != null);
  if (spans.some((s) => s.end < s.start || s.end > text.length)) return null;
  return { start: row.start_cp, end: row.end_cp, quote: row.quote, confidence: row.confidence, ...parsed };
}

/** The article's run if it is current: made by this extractor version from this very text. */
export function currentRun(db: Database.Database, articleId: string, hash: string): { skipped: string | null } | null {
  // The reason is shown in the reading view: read bounded, as a file may hold anything there.
  const run = db.prepare(`SELECT extractor_version, text_hash, ${upTo('skipped', MAX_SKIPPED_REASON)} AS skipped FROM suggestion_runs WHERE article_id = ?`).get(articleId) as
    | { extractor_version: number; text_hash: string; skipped: string | null }
    | undefined;
  return run && run.extractor_version === EXTRACTOR_VERSION && run.text_hash === hash ? { skipped: clipped(run.skipped, MAX_SKIPPED_REASON) } : null;
}

/** Longest reason for skipping an article read back (the app's own are a sentence or two). */
export const MAX_SKIPPED_REASON = 1_000;

/**
 * Articles with no current run, oldest first: never suggested, or by another extractor version.
 * (A text changed behind the app's back is caught when the article is next read, by its hash.)
 * Only those with a seq from `from` up to, not including, `to` are looked at, so that one query
 * walks a bounded stretch of the queue: a walk from its start passes every article already
 * suggested, and at 10,000 articles took up to 80 ms of the backend's thread in one query.
 */
export function articlesNeedingSuggestions(db: Database.Database, limit: number, from: number, to: number): Array<{ id: string; seq: number }> {
  return preparedOnce(
    db,
    `SELECT a.id, a.seq FROM articles a LEFT JOIN suggestion_runs r ON r.article_id = a.id
       WHERE (r.article_id IS NULL OR r.extractor_version <> ?) AND a.seq >= ? AND a.seq < ? ORDER BY a.seq LIMIT ?`,
  ).all(EXTRACTOR_VERSION, from, to, limit) as Array<{ id: string; seq: number }>;
}

/** The seq of the first article after `seq` (the first of all when null), or null when there is none. */
export function nextArticleSeq(db: Database.Database, seq: number | null): number | null {
  const next = seq === null ? preparedOnce(db, 'SELECT min(seq) FROM articles').pluck().get() : preparedOnce(db, 'SELECT min(seq) FROM articles WHERE seq > ?').pluck().get(seq);
  return next as number | null;
}

/** The seq of the last article in [from, to), or null when there is none. */
export function lastArticleSeq(db: Database.Database, from: number, to: number): number | null {
  return preparedOnce(db, 'SELECT max(seq) FROM articles WHERE seq >= ? AND seq < ?').pluck().get(from, to) as number | null;
}

/**
 * Whether every article's seq is an integer JavaScript's numbers hold exactly (up to 2^53 either
 * way). A file written elsewhere may use any 64-bit seq, which would be read rounded: walking the
 * queue by seq could then miss an article.
 */
export function seqsAreExact(db: Database.Database): boolean {
  // min and max apart: each then reads one end of the table's b-tree, where together in one
  // SELECT they scanned an index of every article (8 ms at 10,000 articles, at each job's start).
  const exact = db
    .prepare('SELECT (SELECT min(seq) FROM articles) >= ? AND (SELECT max(seq) FROM articles) <= ?')
    .pluck()
    .get(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return (exact ?? 1) === 1;
}

/** The counts suggestedCount gave last, and the connection's total_changes() when they were true. */
interface HeldCounts {
  done: number;
  total: number;
  at: number;
}

const held = new WeakMap<Database.Database, HeldCounts>();

/** 1 if the article has a current run, else 0. */
function hasCurrentRun(db: Database.Database, articleId: string): number {
  return preparedOnce(db, 'SELECT count(*) FROM suggestion_runs WHERE article_id = ? AND extractor_version = ?').pluck().get(articleId, EXTRACTOR_VERSION) as number;
}

/**
 * Runs `write`, which changes no run but the article's, in a transaction, keeping the held counts
 * true through it: they are moved by what it did to that one run instead of counted again. They
 * are left as they are (so counted again when next asked, as after any other write) when they
 * were not true before it, or when it is part of a caller's transaction, which may still roll back.
 */
function writingRunOf<T>(db: Database.Database, articleId: string, write: () => T): T {
  const counts = held.get(db);
  const inStep = counts !== undefined && !db.inTransaction && counts.at === changesSoFar(db);
  const before = inStep ? hasCurrentRun(db, articleId) : 0;
  const result = db.transaction(write)();
  if (inStep) {
    counts.done += hasCurrentRun(db, articleId) - before;
    counts.at = changesSoFar(db);
  }
  return result;
}

/**
 * How many articles have current suggestions, of how many. Counted in SQL (two count(*), a scan of
 * suggestion_runs, milliseconds at 10,000 articles) only when something was written since they
 * were last counted other than runs stored here (writingRunOf): the window's status line asks
 * every second while suggesting runs, and background suggesting stores an article every few
 * milliseconds, so that it is answered without reading a table.
 */
export function suggestedCount(db: Database.Database): { done: number; total: number } {
  const at = changesSoFar(db);
  let counts = held.get(db);
  if (counts?.at !== at) {
    const counted = db
      .prepare('SELECT (SELECT count(*) FROM suggestion_runs WHERE extractor_version = ?) AS done, (SELECT count(*) FROM articles) AS total')
      .get(EXTRACTOR_VERSION) as { done: number; total: number };
    counts = { ...counted, at };
    // Not inside a transaction, which may still roll back what they counted.
    if (!db.inTransaction) held.set(db, counts);
  }
  return { done: counts.done, total: counts.total };
}
