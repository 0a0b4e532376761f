import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { writeRows } from '../helpers/hostile-rows';
import { call, tempBackend } from '../helpers/project';

const TEXT = 'Depot fire\n\nThe spokesman Aurel Cojocaru said: “The army did not fire on the depot.” The governor said an inquiry would open.';

describe('stored suggestions from a project file written elsewhere', () => {
  let env: ReturnType<typeof tempBackend>;
  let backend: Backend;
  let articleId: string;
  /** Closes the project, writes into the file as another program would (its checks ignored), and opens it again. */
  const edit = (write: Parameters<typeof writeRows>[1]) => {
    backend.close();
    writeRows(env.file, write, { ignoreChecks: true });
    backend = Backend.open(env.file);
  };

  beforeEach(async () => {
    env = tempBackend();
    backend = env.backend;
    articleId = (await call(backend, 'articles.paste', { text: TEXT, title: '' })).articleId;
  });
  afterEach(() => {
    backend.close();
    env.dispose();
  });

  it('shows and accepts a suggestion held many times over once, and none with a confidence the extractor never gives', async () => {
    const made = (await call(backend, 'suggestions.forArticle', { articleId })).suggestions;
    expect(made.length).toBeGreaterThan(0);
    edit((db) => {
      for (let copy = 1; copy <= 50; copy++) {
        db.prepare('INSERT INTO suggestions (article_id, ordinal, start_cp, end_cp, quote, speaker, speaker_key, confidence, body) SELECT article_id, ordinal + ?, start_cp, end_cp, quote, speaker, speaker_key, confidence, body FROM suggestions WHERE article_id = ? AND ordinal < 1000').run(copy * 1000, articleId);
      }
      db.prepare('UPDATE suggestions SET confidence = 7 WHERE article_id = ? AND ordinal = 1000').run(articleId);
    });
    const shown = (await call(backend, 'suggestions.forArticle', { articleId })).suggestions;
    expect(shown.map((s: { start: number; end: number }) => [s.start, s.end])).toEqual(made.map((s: { start: number; end: number }) => [s.start, s.end]));
    const listed = await call(backend, 'suggestions.list', { limit: 100 });
    expect(listed.rows.length).toBeGreaterThan(0);
    expect(listed.rows.every((row: { suggestion: { confidence: number } }) => row.suggestion.confidence <= 1)).toBe(true);

    const { count } = await call(backend, 'suggestions.countToAccept', { articleId });
    await call(backend, 'suggestions.acceptMatching', { articleId, expected: count });
    const highlights = await call(backend, 'highlights.list', { articleId });
    const spans = highlights.map((h: { start: number; end: number }) => `${h.start}:${h.end}`);
    expect(new Set(spans).size).toBe(spans.length);
    expect(spans.length).toBe(made.length);
  });
});
