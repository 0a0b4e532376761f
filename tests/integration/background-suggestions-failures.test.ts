import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Extraction, SuggestionProgress } from '../../shared/assist/attribution/types';
import { MAX_ARTICLE_LENGTH } from '../../shared/domain';
import type { JobSnapshot } from '../../shared/jobs';
import { Backend } from '../../electron/backend/backend';
import { insertArticleRow, writeRows } from '../helpers/hostile-rows';
import { BUILT_SUGGEST_WORKER, call } from '../helpers/project';
import { tempDir } from '../helpers/temp';

// A fictional report the extractor finds claims in when it runs on the calling thread.
const REPORT = [
  'Observers due at the lake',
  'TERVEL (Northern Wire) — Foreign Minister Anton Kalder said on Tuesday that observers would arrive next week.',
  '“There is no agreement on observers,” the presidential spokeswoman Irina Solvay told reporters.',
].join('\n\n');

/** Polls progress as a window would, until the background has nothing left to do or has stopped. */
async function settled(backend: Backend): Promise<SuggestionProgress> {
  for (let i = 0; i < 400; i++) {
    const progress: SuggestionProgress = await call(backend, 'suggestions.progress', {});
    if (!progress.running && (progress.error || progress.done === progress.total)) return progress;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('background suggesting did not settle');
}

function storedRuns(file: string): Map<string, { skipped: string | null; suggestions: number }> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT r.article_id AS id, r.skipped, (SELECT count(*) FROM suggestions s WHERE s.article_id = r.article_id) AS n FROM suggestion_runs r')
      .all() as Array<{ id: string; skipped: string | null; n: number }>;
    return new Map(rows.map((r) => [r.id, { skipped: r.skipped, suggestions: r.n }]));
  } finally {
    db.close();
  }
}

/**
 * The extractor's thread replaced by a script of the test's own, to make it fail as the real one
 * could: `reply` answers every article with an error, `exit` ends the thread.
 */
function failingWorker(dir: string, how: 'reply' | 'exit'): string {
  const script = path.join(dir, `failing-${how}.cjs`);
  const onMessage =
    how === 'reply' ? "parentPort.postMessage({ id: job.id, error: 'a sentence broke a rule' })" : 'process.exit(3)';
  fs.writeFileSync(script, `const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (job) => { ${onMessage}; });\n`);
  return script;
}

describe('background suggesting when an article cannot be suggested', () => {
  let temp: ReturnType<typeof tempDir> | null = null;
  let backend: Backend | null = null;
  afterEach(() => {
    backend?.close();
    backend = null;
    temp?.remove();
    temp = null;
  });

  /** A project holding the report, pasted through the backend; returns its file and the report's id. */
  async function projectWithReport(): Promise<{ file: string; preferencesFile: string; reportId: string }> {
    temp = tempDir();
    const file = path.join(temp.dir, 'project.gainsay');
    const preferencesFile = path.join(temp.dir, 'preferences.json');
    const first = Backend.open(file, { preferencesFile });
    const { articleId } = await call(first, 'articles.paste', { text: REPORT, title: '' });
    first.close();
    return { file, preferencesFile, reportId: articleId };
  }

  it('an article too large to open is stored as skipped with the reason and not tried again; the others are suggested', async () => {
    const { file, preferencesFile, reportId } = await projectWithReport();
    // Written by another tool: one character over what Gainsay keeps for one article.
    const hugeId = writeRows(file, (db) => insertArticleRow(db, 'Huge report', 'x'.repeat(MAX_ARTICLE_LENGTH + 1)));

    backend = Backend.open(file, { preferencesFile, suggestWorker: BUILT_SUGGEST_WORKER });
    expect(await settled(backend)).toEqual({ done: 2, total: 2, running: false, error: null });
    // The job ends once its thread has been stopped, just after the last article is stored.
    await expect.poll(async () => ((await call(backend!, 'jobs.list', {})) as JobSnapshot[]).filter((j) => j.kind === 'suggest').map((j) => j.state)).toEqual(['done']);
    backend.close();

    const runs = storedRuns(file);
    expect(runs.get(hugeId)).toEqual({ skipped: expect.stringMatching(/^This article is too large to open: its text is [\d,]+ characters/), suggestions: 0 });
    expect(runs.get(reportId)!.skipped).toBeNull();
    expect(runs.get(reportId)!.suggestions).toBeGreaterThan(0);

    // Opened again, nothing is waiting: the skipped article is not sent to the extractor again.
    backend = Backend.open(file, { preferencesFile, suggestWorker: BUILT_SUGGEST_WORKER });
    expect(await call(backend, 'suggestions.progress', {})).toEqual({ done: 2, total: 2, running: false, error: null });
  });

  it('an article the extractor fails on is stored as skipped with its message; opening it suggests it on the calling thread', async () => {
    const { file, preferencesFile, reportId } = await projectWithReport();
    backend = Backend.open(file, { preferencesFile, suggestWorker: failingWorker(temp!.dir, 'reply') });
    expect(await settled(backend)).toEqual({ done: 1, total: 1, running: false, error: null });
    backend.close();
    expect(storedRuns(file).get(reportId)).toEqual({ skipped: 'The extractor failed on this article: a sentence broke a rule', suggestions: 0 });

    backend = Backend.open(file, { preferencesFile });
    const opened: Extraction = await call(backend, 'suggestions.forArticle', { articleId: reportId });
    expect(opened.skipped).toBeNull();
    expect(opened.suggestions.map((s) => s.quote)).toContain('“There is no agreement on observers,”');
  });

  it('a thread that dies stops background suggesting with one message, keeps the project working, and is not restarted by the next import', async () => {
    const { file, preferencesFile, reportId } = await projectWithReport();
    backend = Backend.open(file, { preferencesFile, suggestWorker: failingWorker(temp!.dir, 'exit') });
    const progress = await settled(backend);
    const message = 'Suggestions are no longer made in the background (The suggestion worker stopped (exit code 3).); they are still made when an article is opened.';
    expect(progress).toEqual({ done: 0, total: 1, running: false, error: message });
    await expect.poll(async () => ((await call(backend!, 'jobs.list', {})) as JobSnapshot[]).filter((j) => j.kind === 'suggest').map((j) => [j.state, j.error])).toEqual([['failed', message]]);

    // The article still gets its suggestions when opened, and an import does not start the thread again.
    const opened: Extraction = await call(backend, 'suggestions.forArticle', { articleId: reportId });
    expect(opened.suggestions.length).toBeGreaterThan(0);
    await call(backend, 'articles.paste', { text: REPORT.replace('Tuesday', 'Wednesday'), title: '' });
    expect(await call(backend, 'suggestions.progress', {})).toEqual({ done: 1, total: 2, running: false, error: message });
    expect(((await call(backend, 'jobs.list', {})) as JobSnapshot[]).filter((j) => j.kind === 'suggest')).toHaveLength(1);
  });
});
