import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrations';
import { openProjectDatabase } from '../../electron/backend/db/open';
import { storeRun } from '../../electron/backend/features/suggestions/store';
import { extractAttributions } from '../../shared/assist/attribution/extract';
import { tempDir } from '../helpers/temp';

const T = '2026-01-01T00:00:00.000Z';
const TEXT = 'The mayor said the bridge would reopen in May. “We are ready,” she said.';

describe('migration 8 (stored suggestions)', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('keeps a version-6 file’s articles and rejections, adds empty tables for runs and suggestions, and the file then opens', () => {
    const file = path.join(temp.dir, 'v6.gainsay');
    const db = new Database(file);
    migrate(db, 6);
    db.prepare("INSERT INTO articles (id, title, text, content_hash, source_kind, created_at, updated_at) VALUES ('art', 'Bridge', ?, 'h', 'txt', ?, ?)").run(TEXT, T, T);
    db.prepare("INSERT INTO suggestion_rejections (id, article_id, start_cp, end_cp, quote, created_at) VALUES ('r', 'art', 15, 45, ?, ?)").run(TEXT.slice(15, 45), T);
    migrate(db, 8);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT id, title FROM articles').all()).toEqual([{ id: 'art', title: 'Bridge' }]);
    expect(db.prepare('SELECT article_id, start_cp, end_cp FROM suggestion_rejections').all()).toEqual([{ article_id: 'art', start_cp: 15, end_cp: 45 }]);
    expect(db.prepare('SELECT (SELECT count(*) FROM suggestion_runs) + (SELECT count(*) FROM suggestions)').pluck().get()).toBe(0);

    // A run is stored and goes with its article; the constraints hold.
    expect(storeRun(db, 'art', 'hash', extractAttributions(TEXT, []))).toBe(true);
    expect(db.prepare('SELECT count(*) FROM suggestions').pluck().get()).toBeGreaterThan(0);
    expect(() => db.prepare("INSERT INTO suggestions (article_id, ordinal, start_cp, end_cp, quote, speaker, speaker_key, confidence, body) VALUES ('art', 99, 5, 5, 'q', 's', 's', 0.5, '{}')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO suggestions (article_id, ordinal, start_cp, end_cp, quote, speaker, speaker_key, confidence, body) VALUES ('art', 99, 5, 9, 'q', 's', 's', 1.5, '{}')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO suggestions (article_id, ordinal, start_cp, end_cp, quote, speaker, speaker_key, confidence, body) VALUES ('gone', 0, 5, 9, 'q', 's', 's', 0.5, '{}')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM articles WHERE id = 'art'").run();
    expect(db.prepare('SELECT (SELECT count(*) FROM suggestion_runs) + (SELECT count(*) FROM suggestions)').pluck().get()).toBe(0);
    db.close();

    // The schema check accepts the new tables and index as the app's own.
    openProjectDatabase(file).close();
  });
});
