/**
 * `gainsay suggest`: the attribution extractor over a project's articles, written as JSON Lines,
 * one suggestion per line. The file is written beside its destination and renamed into place at
 * the end, so a failed run never leaves half a file where the old one was.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { extractAttributions } from '../../../shared/assist/attribution/extract';
import type { RegistryActor, Suggestion } from '../../../shared/assist/attribution/types';
import { GainsayError } from '../../../shared/errors';
import { listActors } from '../features/actors/repository';

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
  text: string;
}

/** Checks that every requested id is an article of the project, before anything is written. */
function checkIds(db: Database.Database, ids: readonly string[]): void {
  const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?');
  const missing = ids.filter((id) => !exists.get(id));
  if (missing.length > 0) throw new GainsayError('not_found', `No article with id ${missing.map((id) => `“${id}”`).join(', ')} in this project.`);
}

export function writeSuggestions(db: Database.Database, out: string, articleIds: readonly string[] | undefined): SuggestReport {
  if (articleIds) checkIds(db, articleIds);
  const registry: RegistryActor[] = listActors(db).map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, kind: a.kind }));
  const target = path.resolve(out);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new Error(`${target} is a folder; --out needs a file name.`);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const report: SuggestReport = { articles: 0, suggestions: 0, skipped: [] };
  const rows = articleIds
    ? articleIds.map((id) => db.prepare('SELECT id, title, source_name, text FROM articles WHERE id = ?').get(id) as ArticleRow)
    : (db.prepare('SELECT id, title, source_name, text FROM articles ORDER BY seq').iterate() as IterableIterator<ArticleRow>);
  const fd = fs.openSync(partial, 'w');
  let closed = false;
  try {
    for (const row of rows) {
      report.articles++;
      const { suggestions, skipped } = extractAttributions(row.text, registry);
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
