import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrations';
import { openProjectDatabase } from '../../electron/backend/db/open';
import { storeRun } from '../../electron/backend/features/suggestions/store';
import { extractAttributions } from '../../shared/assist/attribution/extract';
import { EXTRACTOR_VERSION } from '../../shared/assist/attribution/version';
import { tempDir } from '../helpers/temp';

const T = '2026-01-01T00:00:00.000Z';
const TEXT = 'The harbour master said the pier would reopen in May. “We are ready,” she said. The mayor denied that the ferry was late.';
const SUGGESTION_COLUMNS = 'article_id, ordinal, start_cp, end_cp, quote, speaker, speaker_key, confidence, body';

describe('migration 10 (suggestions as a rowid table)', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('keeps a version-8 file’s stored suggestions row for row, with their constraints, and the file then opens', () => {
    const file = path.join(temp.dir, 'v8.gainsay');
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, 8);
    for (const id of ['art1', 'art2']) {
      db.prepare("INSERT INTO articles (id, title, text, content_hash, source_kind, created_at, updated_at) VALUES (?, 'Pier', ?, ?, 'txt', ?, ?)").run(id, TEXT, id, T, T);
      expect(storeRun(db, id, 'hash', extractAttributions(TEXT, []))).toBe(true);
    }
    const rows = () => db.prepare(`SELECT ${SUGGESTION_COLUMNS} FROM suggestions ORDER BY article_id, ordinal`).all();
    const before = rows();
    expect(before.length).toBeGreaterThanOrEqual(4);
    const runs = db.prepare('SELECT * FROM suggestion_runs ORDER BY article_id').all();

    migrate(db, 10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(rows()).toEqual(before);
    expect(db.prepare('SELECT * FROM suggestion_runs ORDER BY article_id').all()).toEqual(runs);
    expect(db.prepare("SELECT extractor_version FROM suggestion_runs WHERE article_id = 'art1'").pluck().get()).toBe(EXTRACTOR_VERSION);
    // An ordinary rowid table now, its key still unique, its checks and its run's cascade still there.
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'suggestions'").pluck().get()).not.toMatch(/WITHOUT ROWID/);
    const insert = db.prepare(`INSERT INTO suggestions (${SUGGESTION_COLUMNS}) VALUES (?, ?, 5, ?, 'q', 's', 's', ?, '{}')`);
    expect(() => insert.run('art1', 0, 9, 0.5)).toThrow(/UNIQUE/);
    expect(() => insert.run('art1', 99, 5, 0.5)).toThrow(/CHECK/);
    expect(() => insert.run('art1', 99, 9, 1.5)).toThrow(/CHECK/);
    expect(() => insert.run('gone', 0, 9, 0.5)).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM articles WHERE id = 'art1'").run();
    expect(db.prepare("SELECT count(*) FROM suggestions WHERE article_id = 'art1'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM suggestions WHERE article_id = 'art2'").pluck().get()).toBe(before.length / 2);
    // Storing a run again replaces it, as before.
    expect(storeRun(db, 'art2', 'hash', extractAttributions(TEXT, []))).toBe(true);
    expect(db.prepare("SELECT count(*) FROM suggestions WHERE article_id = 'art2'").pluck().get()).toBe(before.length / 2);
    db.close();

    // The schema check accepts the rebuilt table and its index as the app's own.
    openProjectDatabase(file).close();
  });
});
