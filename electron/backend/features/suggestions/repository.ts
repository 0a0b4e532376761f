import type Database from 'better-sqlite3';
import { extractAttributions } from '../../../../shared/assist/attribution/extract';
import type { Extraction, RegistryActor, SuggestionPage } from '../../../../shared/assist/attribution/types';
import { EXTRACTOR_VERSION } from '../../../../shared/assist/attribution/version';
import { GainsayError } from '../../../../shared/errors';
import { OffsetMap } from '../../../../shared/offsets';
import { newId, now } from '../../clock';
import { listActors } from '../actors/repository';
import { requireOpenable } from '../articles/repository';
import { currentRun, storeRun, suggestionFromRow, visibleRowsSql, type SuggestionRow } from './store';
import { textHash } from './text-hash';

export function articleText(db: Database.Database, articleId: string): string {
  requireOpenable(db, articleId);
  return db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string;
}

/** The project's actors as the extractor resolves sources against them. */
export function registryOf(db: Database.Database): RegistryActor[] {
  return listActors(db).map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, kind: a.kind }));
}

/**
 * The article's suggested claims, without those the analyst rejected and those whose span is
 * already highlighted. They are read from the article's stored run; when there is none that is
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
  return { version: EXTRACTOR_VERSION, skipped: run.skipped, suggestions: rows.map(suggestionFromRow).filter((s) => s !== null) };
}

export interface SuggestionFilters {
  articleId?: string;
  speaker?: string;
  minConfidence: number;
  offset: number;
  limit: number;
}

/**
 * One page of the suggestions across the project, surest first. The quote of each row is checked
 * against the text for the page only (checking every stored row would read every article); the
 * total counts rows as stored, so a file written by another tool may show a row or two fewer.
 */
export function listSuggestions(db: Database.Database, filters: SuggestionFilters): SuggestionPage {
  const where = ['s.confidence >= @minConfidence'];
  if (filters.articleId) where.push('s.article_id = @articleId');
  if (filters.speaker) where.push("instr(lower(s.speaker), lower(@speaker)) > 0");
  const params = { minConfidence: filters.minConfidence, articleId: filters.articleId ?? null, speaker: filters.speaker ?? null };
  const matching = `
    FROM suggestions s
    JOIN suggestion_runs r ON r.article_id = s.article_id AND r.extractor_version = ${EXTRACTOR_VERSION}
    WHERE ${where.join(' AND ')}
      AND NOT EXISTS (SELECT 1 FROM suggestion_rejections j WHERE j.article_id = s.article_id AND j.start_cp = s.start_cp AND j.end_cp = s.end_cp AND j.quote = s.quote)
      AND NOT EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = s.article_id AND h.start_cp = s.start_cp AND h.end_cp = s.end_cp)`;
  const total = db.prepare(`SELECT count(*) ${matching}`).pluck().get(params) as number;
  const page = db
    .prepare(
      `WITH page AS (SELECT s.article_id, s.ordinal, s.confidence ${matching} ORDER BY s.confidence DESC, s.article_id, s.ordinal LIMIT @limit OFFSET @offset)
       ${visibleRowsSql('EXISTS (SELECT 1 FROM page p WHERE p.article_id = s.article_id AND p.ordinal = s.ordinal)')}
       ORDER BY s.confidence DESC, s.article_id, s.ordinal`,
    )
    .all({ ...params, limit: filters.limit, offset: filters.offset }) as SuggestionRow[];
  const rows = page.flatMap((row) => {
    const suggestion = suggestionFromRow(row);
    return suggestion ? [{ articleId: row.article_id, articleTitle: row.title, suggestion }] : [];
  });
  return { total, rows };
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
