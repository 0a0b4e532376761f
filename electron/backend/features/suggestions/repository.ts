import type Database from 'better-sqlite3';
import { extractAttributions } from '../../../../shared/assist/attribution/extract';
import { prefillClaim, type ClaimPrefill } from '../../../../shared/assist/claim-prefill';
import type { Extraction, RegistryActor } from '../../../../shared/assist/attribution/types';
import { GainsayError } from '../../../../shared/errors';
import { spanWithin } from '../../../../shared/text/span';
import { OffsetMap } from '../../../../shared/offsets';
import { newId, now } from '../../clock';
import { listActors } from '../actors/repository';
import { requireOpenable } from '../articles/repository';

function actorRegistry(db: Database.Database): RegistryActor[] {
  return listActors(db).map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, kind: a.kind }));
}

function articleText(db: Database.Database, articleId: string): string {
  requireOpenable(db, articleId);
  return db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string;
}

/**
 * The article's suggested claims, without those the analyst rejected and those whose span is
 * already highlighted. Runs the extractor on the calling thread: one article takes milliseconds.
 */
export function suggestionsForArticle(db: Database.Database, articleId: string): Extraction {
  const text = articleText(db, articleId);
  const registry = actorRegistry(db);
  const extraction = extractAttributions(text, registry);
  const rejected = new Set(
    (db.prepare('SELECT start_cp, end_cp, quote FROM suggestion_rejections WHERE article_id = ?').all(articleId) as { start_cp: number; end_cp: number; quote: string }[]).map(
      (r) => `${r.start_cp}:${r.end_cp}:${r.quote}`,
    ),
  );
  const highlighted = new Set(
    (db.prepare('SELECT start_cp, end_cp FROM highlights WHERE article_id = ?').all(articleId) as { start_cp: number; end_cp: number }[]).map((h) => `${h.start_cp}:${h.end_cp}`),
  );
  return {
    ...extraction,
    suggestions: extraction.suggestions.filter((s) => !rejected.has(`${s.start}:${s.end}:${s.quote}`) && !highlighted.has(`${s.start}:${s.end}`)),
  };
}

/** The speaker, channel and date the claim editor fills in for a span of the article. */
export function prefillForSpan(db: Database.Database, input: { articleId: string; start: number; end: number }): ClaimPrefill {
  const text = articleText(db, input.articleId);
  const map = new OffsetMap(text);
  if (!spanWithin(input.start, input.end, map.length)) throw new GainsayError('invalid_input', 'That span is not inside the article.');
  const publishedAt = db.prepare('SELECT published_at FROM articles WHERE id = ?').pluck().get(input.articleId) as string | null;
  return prefillClaim(text, input, actorRegistry(db), publishedAt);
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
