/**
 * `gainsay suggest`: the attribution extractor over a project's articles, written as JSON Lines,
 * one suggestion per line. The file is written beside its destination and renamed into place at
 * the end, so a failed run never leaves half a file where the old one was.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Extraction, Suggestion } from '../../../shared/assist/attribution/types';
import { GainsayError } from '../../../shared/errors';
import { suggestionsForArticle } from '../features/suggestions/repository';

/** One line of the JSONL output, as documented in the README. */
export interface SuggestionLine {
  article: string;
  sourceName: string;
  start: number;
  end: number;
  quote: string;
  actor: string;
  actorSpan: [number, number] | null;
  cue: [number, number] | null;
  channel: string | null;
  confidence: number;
}

export function toLine(article: { id: string; sourceName: string }, s: Suggestion): SuggestionLine {
  return {
    article: article.id,
    sourceName: article.sourceName,
    start: s.start,
    end: s.end,
    quote: s.quote,
    actor: s.source.actor?.name ?? s.source.text,
    actorSpan: s.source.span ? [s.source.span.start, s.source.span.end] : null,
    cue: s.cue ? [s.cue.start, s.cue.end] : null,
    channel: s.channel?.actor.name ?? null,
    confidence: s.confidence,
  };
}

export interface SuggestReport {
  articles: number;
  suggestions: number;
  /** Articles the extractor did not read, with the reason. */
  skipped: { id: string; title: string; reason: string }[];
}

interface ArticleRow {
  id: string;
  title: string;
  source_name: string;
}

/** Checks that every requested id is an article of the project, before anything is written. */
function checkIds(db: Database.Database, ids: readonly string[]): void {
  const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?');
  const missing = ids.filter((id) => !exists.get(id));
  if (missing.length > 0) throw new GainsayError('not_found', `No article with id ${missing.map((id) => `“${id}”`).join(', ')} in this project.`);
}

/** `onProgress` hears, after each article, how many of how many are done (the CLI shows it on the terminal). */
export function writeSuggestions(
  db: Database.Database,
  out: string,
  articleIds: readonly string[] | undefined,
  onProgress: (done: number, total: number) => void = () => undefined,
): SuggestReport {
  if (articleIds) checkIds(db, articleIds);
  const target = path.resolve(out);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new Error(`${target} is a folder; --out needs a file name.`);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const report: SuggestReport = { articles: 0, suggestions: 0, skipped: [] };
  // The ids first: each article is then read and checked as the app reads it.
  const ids = articleIds ?? (db.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[]);
  const about = db.prepare('SELECT id, title, source_name FROM articles WHERE id = ?');
  const fd = fs.openSync(partial, 'w');
  let closed = false;
  try {
    for (const id of ids) {
      const row = about.get(id) as ArticleRow;
      report.articles++;
      // The app's own rule: rejected suggestions and spans already highlighted are left out, and
      // an article too large to open is skipped with the reason.
      let extraction: Extraction;
      try {
        extraction = suggestionsForArticle(db, id);
      } catch (error) {
        if (!(error instanceof GainsayError)) throw error;
        report.skipped.push({ id, title: row.title, reason: error.message });
        continue;
      } finally {
        onProgress(report.articles, ids.length);
      }
      const { suggestions, skipped } = extraction;
      if (skipped) report.skipped.push({ id: row.id, title: row.title, reason: skipped });
      const lines = suggestions.map((s) => JSON.stringify(toLine({ id: row.id, sourceName: row.source_name }, s)) + '\n');
      if (lines.length > 0) fs.writeSync(fd, lines.join(''));
      report.suggestions += suggestions.length;
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    closed = true;
    fs.renameSync(partial, target);
  } catch (error) {
    if (!closed) fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return report;
}
