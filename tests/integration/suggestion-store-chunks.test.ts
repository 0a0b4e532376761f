import { afterEach, describe, expect, it } from 'vitest';
import { extractAttributions } from '../../shared/assist/attribution/extract';
import type { Extraction, SuggestionPage, SuggestionProgress } from '../../shared/assist/attribution/types';
import { EXTRACTOR_VERSION } from '../../shared/assist/attribution/version';
import { STORE_CHUNK, storeRunInChunks } from '../../electron/backend/features/suggestions/store';
import { storedForm } from '../../electron/backend/features/suggestions/stored-form';
import { textHash } from '../../electron/backend/features/suggestions/text-hash';
import { call, tempBackend } from '../helpers/project';

/** A fictional article long enough for several chunks: one attributed quotation per paragraph. */
function longArticle(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) => `“Checkpoint ${i + 1} on the Velmora road is open again,” Deputy Minister Ana Moreau said on Tuesday.`).join('\n\n');
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('storing a long article’s suggestions in chunks (background suggesting)', () => {
  let project: ReturnType<typeof tempBackend> | null = null;
  afterEach(() => {
    project?.dispose();
    project = null;
  });

  async function pasted(text: string): Promise<{ articleId: string; hash: string; extraction: Extraction }> {
    project = tempBackend();
    const { articleId } = await call(project.backend, 'articles.paste', { title: 'Road checkpoints', text });
    const stored = project.backend.project.db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string;
    const extraction = extractAttributions(stored, []);
    expect(extraction.suggestions.length).toBeGreaterThan(2 * STORE_CHUNK);
    return { articleId, hash: textHash(stored), extraction };
  }

  it('stores every suggestion, shows none until the last chunk is in, and frees the event loop between chunks', async () => {
    const { articleId, hash, extraction } = await pasted(longArticle(450));
    const db = project!.backend.project.db;
    const storing = storeRunInChunks(db, articleId, hash, storedForm(extraction));
    let turns = 0;
    let done = false;
    void storing.then(() => (done = true));
    while (!done) {
      // Between chunks the run is pending: counted as not done, and none of its rows listed.
      const progress: SuggestionProgress = await call(project!.backend, 'suggestions.progress', {});
      const page: SuggestionPage = await call(project!.backend, 'suggestions.list', {});
      if (!done) expect({ done: progress.done, rows: page.rows.length }).toEqual({ done: 0, rows: 0 });
      turns++;
      await nextTurn();
    }
    expect(await storing).toBe(true);
    expect(turns).toBeGreaterThanOrEqual(Math.ceil(extraction.suggestions.length / STORE_CHUNK));
    expect(db.prepare('SELECT extractor_version FROM suggestion_runs WHERE article_id = ?').pluck().get(articleId)).toBe(EXTRACTOR_VERSION);
    const served: Extraction = await call(project!.backend, 'suggestions.forArticle', { articleId });
    expect(served.suggestions).toEqual(extraction.suggestions);
  });

  it('stops, leaving the newer run whole, when the article is suggested on the calling thread meanwhile', async () => {
    const { articleId, hash, extraction } = await pasted(longArticle(450));
    const db = project!.backend.project.db;
    const storing = storeRunInChunks(db, articleId, hash, storedForm(extraction));
    await nextTurn();
    await nextTurn();
    // The analyst opens the article: its run is not current, so it is made and stored at once.
    const opened: Extraction = await call(project!.backend, 'suggestions.forArticle', { articleId });
    expect(await storing).toBe(false);
    expect(opened.suggestions).toEqual(extraction.suggestions);
    expect(db.prepare('SELECT count(*) FROM suggestions WHERE article_id = ?').pluck().get(articleId)).toBe(extraction.suggestions.length);
    expect(await call(project!.backend, 'suggestions.progress', {})).toMatchObject({ done: 1, total: 1 });
  });

  it('stops when the article is deleted meanwhile', async () => {
    const { articleId, hash, extraction } = await pasted(longArticle(450));
    const storing = storeRunInChunks(project!.backend.project.db, articleId, hash, storedForm(extraction));
    await nextTurn();
    await call(project!.backend, 'articles.delete', { id: articleId });
    expect(await storing).toBe(false);
    expect(project!.backend.project.db.prepare('SELECT count(*) FROM suggestions').pluck().get()).toBe(0);
  });
});
