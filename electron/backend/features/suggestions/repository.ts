import type Database from 'better-sqlite3';
import { extractAttributions } from '../../../../shared/assist/attribution/extract';
import { prefillClaim, type ClaimPrefill } from '../../../../shared/assist/claim-prefill';
import type { Extraction, RegistryActor, ResolvedActor, Suggestion, SuggestionPage } from '../../../../shared/assist/attribution/types';
import { EXTRACTOR_VERSION } from '../../../../shared/assist/attribution/version';
import { GainsayError } from '../../../../shared/errors';
import { fold } from '../../../../shared/fold';
import { spanWithin } from '../../../../shared/text/span';
import { OffsetMap } from '../../../../shared/offsets';
import { newId, now } from '../../clock';
import { preparedOnce } from '../../db/prepared';
import { actorsByIdsAndNames, listActors } from '../actors/repository';
import { requireOpenable } from '../articles/repository';
import { CURRENT_SUGGESTIONS, NOT_TRIAGED, REJECTED_ONLY, currentRun, storeRun, suggestionFromRow, visibleRowsSql, type SuggestionRow } from './store';
import { textHash } from './text-hash';
import { ClaimSpans, claimSpansOf } from './claim-spans';

/**
 * Stored suggestions with their actors resolved again against the actors as they are now, so
 * that actors and aliases added, renamed or merged after they were made are shown: a proposed
 * actor that now exists (by name or alias, folded) is that actor; a known one has its current
 * name, or, merged away, is looked up by its name again. Done at read time, for a page or an
 * article at a time, in two queries: the stored runs are never rewritten for it. (The speaker
 * filter still matches the name a suggestion was made with.)
 */
function withActorsAsNow<T extends { suggestion: Suggestion }>(db: Database.Database, items: T[]): T[] {
  const actors = items.flatMap(({ suggestion: s }) => [s.source.actor, s.channel?.actor].filter((a): a is ResolvedActor => a != null));
  if (actors.length === 0) return items;
  const { byId, byName } = actorsByIdsAndNames(
    db,
    actors.flatMap((a) => (a.known ? [a.id] : [])),
    actors.map((a) => a.name),
  );
  const now = (actor: ResolvedActor): ResolvedActor => {
    const current = (actor.known ? byId.get(actor.id) : undefined) ?? byName.get(fold(actor.name));
    return current ? { known: true, ...current } : { known: false, name: actor.name, kind: actor.kind };
  };
  return items.map((item) => {
    const s = item.suggestion;
    return {
      ...item,
      suggestion: { ...s, source: s.source.actor ? { ...s.source, actor: now(s.source.actor) } : s.source, channel: s.channel ? { ...s.channel, actor: now(s.channel.actor) } : null },
    };
  });
}

export function articleText(db: Database.Database, articleId: string): string {
  requireOpenable(db, articleId);
  return preparedOnce(db, 'SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string;
}

/** An article's text as an offset map, or null when it cannot be opened (gone, or over the size limit). */
function openableText(db: Database.Database, articleId: string): OffsetMap | null {
  try {
    return new OffsetMap(articleText(db, articleId));
  } catch (error) {
    if (error instanceof GainsayError) return null;
    throw error;
  }
}

/** The project's actors as the extractor resolves sources against them. */
export function registryOf(db: Database.Database): RegistryActor[] {
  return listActors(db).map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, kind: a.kind }));
}

/**
 * One of each span: a file written elsewhere may hold a suggestion many times over (under other
 * ordinals), which the article's list showed as many times and accepting them all made as many
 * claims on one span.
 */
export function oncePerSpan<T>(items: T[], spanOf: (item: T) => { articleId: string; start: number; end: number; quote: string }): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const { articleId, start, end, quote } = spanOf(item);
    // The quote too: a copy whose quote does not fit the text is kept, so that accepting it still refuses the whole step.
    const key = `${articleId}\n${start}\n${end}\n${quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The article's suggested claims, without those the analyst rejected, those whose span is
 * already highlighted, and those over a claim (ClaimSpans). They are read from the article's stored run; when there is none that is
 * current (the background has not reached the article, or the extractor or the text changed),
 * the extractor runs here on the calling thread (milliseconds for one article) and its run is
 * stored for next time.
 */
export function suggestionsForArticle(db: Database.Database, articleId: string): Extraction {
  const text = articleText(db, articleId);
  const hash = textHash(text);
  let run = currentRun(db, articleId, hash);
  if (!run) {
    const extraction = extractAttributions(text, registryOf(db));
    storeRun(db, articleId, hash, extraction);
    run = { skipped: extraction.skipped };
  }
  const rows = db.prepare(`${visibleRowsSql('s.article_id = ?')} ORDER BY s.ordinal`).all(articleId) as SuggestionRow[];
  const offsets = new OffsetMap(text);
  const claims = new ClaimSpans(db, articleId);
  const fitting = rows.flatMap((row) => suggestionFromRow(row, offsets) ?? []).filter((s) => !claims.overlaps(s.start, s.end));
  const stored = oncePerSpan(fitting, (s) => ({ articleId, ...s })).map((suggestion) => ({ suggestion }));
  return { version: EXTRACTOR_VERSION, skipped: run.skipped, suggestions: withActorsAsNow(db, stored).map((item) => item.suggestion) };
}

export interface SuggestionFilters {
  articleId?: string;
  speaker?: string;
  minConfidence: number;
  /** The rejected suggestions instead of those left to look at. */
  rejected?: boolean;
  offset: number;
  limit: number;
}

/** The project-wide list counts matching suggestions up to this many, and says "more" beyond. */
export const COUNT_CAP = 1_000;

const triageOf = (filters: Pick<SuggestionFilters, 'rejected'>) => (filters.rejected ? REJECTED_ONLY : NOT_TRIAGED);

/** The matching suggestions in SQL (on `s`; the caller's own SQL, never the file's) and their parameters. */
function matchingSql(filters: Omit<SuggestionFilters, 'offset' | 'limit'>): { matching: string; params: Record<string, unknown> } {
  // Up to 1, as the extractor gives it: a file written elsewhere may hold more (shown as 700%, and first).
  const where = ['s.confidence BETWEEN @minConfidence AND 1'];
  if (filters.articleId) where.push('s.article_id = @articleId');
  if (filters.speaker) where.push('instr(s.speaker_key, @speakerKey) > 0');
  const params = { minConfidence: filters.minConfidence, articleId: filters.articleId ?? null, speakerKey: filters.speaker ? fold(filters.speaker) : null };
  return { matching: `FROM ${CURRENT_SUGGESTIONS} WHERE ${where.join(' AND ')} AND ${triageOf(filters)}`, params };
}

/** How many suggestions match, counting up to `cap` + 1 (so "more than cap" can be told). */
function countMatching(db: Database.Database, filters: Omit<SuggestionFilters, 'offset' | 'limit'>, cap: number): number {
  const { matching, params } = matchingSql(filters);
  return db.prepare(`SELECT count(*) FROM (SELECT 1 ${matching} LIMIT ${cap + 1})`).pluck().get(params) as number;
}

/** Matching suggestions, surest first, from `offset`: read with their article and checked against its text. */
function matchingRows(db: Database.Database, filters: SuggestionFilters): SuggestionPage['rows'] {
  const { matching, params } = matchingSql(filters);
  const keys = db
    .prepare(`SELECT s.article_id, s.ordinal ${matching} ORDER BY s.confidence DESC, s.rowid LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: filters.limit, offset: filters.offset }) as Array<{ article_id: string; ordinal: number }>;
  const one = db.prepare(visibleRowsSql('s.article_id = ? AND s.ordinal = ?', triageOf(filters)));
  // Each article read once, and only if it can be opened.
  const texts = new Map<string, OffsetMap | null>();
  const textOf = (articleId: string) => {
    if (!texts.has(articleId)) texts.set(articleId, openableText(db, articleId));
    return texts.get(articleId)!;
  };
  const rows = keys.flatMap((key) => {
    const row = one.get(key.article_id, key.ordinal) as SuggestionRow | undefined;
    const text = row && textOf(key.article_id);
    const suggestion = row && text ? suggestionFromRow(row, text) : null;
    return suggestion ? [{ articleId: key.article_id, articleTitle: row!.title, suggestion }] : [];
  });
  return withActorsAsNow(db, rows);
}

/**
 * One page of the suggestions across the project, surest first (ties in the order stored). The
 * page is chosen by the index on confidence, and only its rows are read with their article and checked against the text
 * (checking every stored row would read every article); the count stops at COUNT_CAP, so that a
 * large project's list answers in milliseconds. It counts rows as stored, so for a file written
 * by another tool it may count a row or two that the check then leaves out.
 */
export function listSuggestions(db: Database.Database, filters: SuggestionFilters): SuggestionPage {
  const counted = countMatching(db, filters, COUNT_CAP);
  return { total: Math.min(counted, COUNT_CAP), more: counted > COUNT_CAP, rows: matchingRows(db, filters) };
}

/** The most suggestions accepted in one step (as `suggestions.accept` takes at most). */
export const MAX_ACCEPTED_AT_ONCE = 5_000;

/**
 * The suggestions Accept all would take with these filters: those they match, less those over a
 * claim, which it leaves out (the analyst has recorded those statements: ClaimSpans). The matches
 * are counted first, exactly up to MAX_ACCEPTED_AT_ONCE; beyond it nothing is read (`tooMany`).
 */
export function rowsToAccept(db: Database.Database, filters: Omit<SuggestionFilters, 'offset' | 'limit'>): { rows: SuggestionPage['rows']; tooMany: boolean } {
  const counted = countMatching(db, filters, MAX_ACCEPTED_AT_ONCE);
  if (counted > MAX_ACCEPTED_AT_ONCE) return { rows: [], tooMany: true };
  if (counted === 0) return { rows: [], tooMany: false };
  const claimsOf = claimSpansOf(db);
  const rows = matchingRows(db, { ...filters, offset: 0, limit: counted }).filter(({ articleId, suggestion }) => !claimsOf(articleId).overlaps(suggestion.start, suggestion.end));
  return { rows, tooMany: false };
}

/**
 * Every suggestion Accept all takes with these filters (rowsToAccept), to be accepted in one
 * step; refused when they are more than MAX_ACCEPTED_AT_ONCE or not the `expected` number the
 * analyst confirmed (the list changed meanwhile: another window, background suggesting).
 */
export function suggestionsToAccept(db: Database.Database, filters: Omit<SuggestionFilters, 'offset' | 'limit'>, expected: number): SuggestionPage['rows'] {
  const { rows, tooMany } = rowsToAccept(db, filters);
  if (tooMany) throw new GainsayError('invalid_input', `More than ${MAX_ACCEPTED_AT_ONCE.toLocaleString('en')} suggestions match; narrow the filters to accept them in one step. Nothing was accepted.`);
  if (rows.length !== expected) {
    throw new GainsayError('conflict', `The suggestions changed meanwhile: ${rows.length} match now, not ${expected}. Nothing was accepted; look again and confirm.`);
  }
  return rows;
}

/** The speaker, channel and date the claim editor fills in for a span of the article. */
export function prefillForSpan(db: Database.Database, input: { articleId: string; start: number; end: number }): ClaimPrefill {
  const text = articleText(db, input.articleId);
  const map = new OffsetMap(text);
  if (!spanWithin(input.start, input.end, map.length)) throw new GainsayError('invalid_input', 'That span is not inside the article.');
  const publishedAt = db.prepare('SELECT published_at FROM articles WHERE id = ?').pluck().get(input.articleId) as string | null;
  return prefillClaim(text, input, registryOf(db), publishedAt);
}

/** Remembers a rejected suggestion. The span must be the article's and the quote the text there. */
export function rejectSuggestion(db: Database.Database, input: { articleId: string; start: number; end: number; quote: string }): void {
  const map = new OffsetMap(articleText(db, input.articleId));
  if (input.end > map.length || map.slice(input.start, input.end) !== input.quote) {
    throw new GainsayError('invalid_input', 'That suggestion does not match the article text; nothing was rejected.');
  }
  db.prepare(
    'INSERT INTO suggestion_rejections (id, article_id, start_cp, end_cp, quote, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(newId(), input.articleId, input.start, input.end, input.quote, now());
}

/** Forgets a rejection, so that its suggestion is shown again. */
export function restoreRejected(db: Database.Database, input: { articleId: string; start: number; end: number; quote: string }): void {
  const { changes } = db
    .prepare('DELETE FROM suggestion_rejections WHERE article_id = ? AND start_cp = ? AND end_cp = ? AND quote = ?')
    .run(input.articleId, input.start, input.end, input.quote);
  if (changes === 0) throw new GainsayError('not_found', 'That suggestion is not rejected; nothing changed.');
}
