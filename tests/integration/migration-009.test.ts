import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrations';
import { openProjectDatabase } from '../../electron/backend/db/open';
import { tempDir } from '../helpers/temp';

const T = '2026-01-01T00:00:00.000Z';
const TEXT = 'Tervelia said the mission would go ahead, the ministry added.';

/** A version-8 file with two actors, an alias, a claim naming both (actor and channel). */
function versionEightFile(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, 8);
  db.prepare("INSERT INTO articles (id, title, text, content_hash, source_kind, created_at, updated_at) VALUES ('art', 'Mission', ?, 'h', 'txt', ?, ?)").run(TEXT, T, T);
  const actor = db.prepare('INSERT INTO actors (id, name, folded, kind, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  actor.run('tervelia', 'Tervelia', 'tervelia', 'government', 'state', T, T);
  actor.run('ministry', 'Tervelian Defence Ministry', 'tervelian defence ministry', 'government', '', T, T);
  db.prepare("INSERT INTO actor_aliases (id, actor_id, alias, folded, created_at) VALUES ('al', 'tervelia', 'Republic of Tervelia', 'republic of tervelia', ?)").run(T);
  db.prepare("INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, created_at, updated_at) VALUES ('h1', 'art', 14, 40, ?, ?, ?)").run(TEXT.slice(14, 40), T, T);
  db.prepare("INSERT INTO claims (id, highlight_id, actor_id, via_actor_id, created_at, updated_at) VALUES ('c1', 'h1', 'tervelia', 'ministry', ?, ?)").run(T, T);
  return db;
}

describe('migration 9 (country actors)', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('keeps every actor, alias and claim of a version-8 file, allows the kind "country", and the file then opens', () => {
    const file = path.join(temp.dir, 'v8.gainsay');
    const db = versionEightFile(file);
    const before = db.prepare('SELECT * FROM actors ORDER BY id').all();
    expect(() => db.prepare("UPDATE actors SET kind = 'country' WHERE id = 'tervelia'").run()).toThrow(/CHECK/);

    migrate(db, 9);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT * FROM actors ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT actor_id, alias FROM actor_aliases').all()).toEqual([{ actor_id: 'tervelia', alias: 'Republic of Tervelia' }]);
    expect(db.prepare('SELECT actor_id, via_actor_id FROM claims').all()).toEqual([{ actor_id: 'tervelia', via_actor_id: 'ministry' }]);

    db.prepare("UPDATE actors SET kind = 'country' WHERE id = 'tervelia'").run();
    expect(() => db.prepare("UPDATE actors SET kind = 'planet' WHERE id = 'tervelia'").run()).toThrow(/CHECK/);
    // The references still hold on the rebuilt table: a claimed actor cannot go, an alias goes with its actor.
    expect(() => db.prepare("DELETE FROM actors WHERE id = 'tervelia'").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM claims').run();
    db.prepare("DELETE FROM actors WHERE id = 'tervelia'").run();
    expect(db.prepare('SELECT count(*) FROM actor_aliases').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'actors_folded'").pluck().get()).toBe(1);
    db.close();

    // The schema check accepts the rebuilt table as the app's own.
    openProjectDatabase(file).close();
  });

  it('leaves a damaged file’s broken references as they were, and adds none', () => {
    const file = path.join(temp.dir, 'damaged.gainsay');
    const db = versionEightFile(file);
    db.pragma('foreign_keys = OFF');
    db.prepare("UPDATE claims SET via_actor_id = 'gone'").run();
    db.pragma('foreign_keys = ON');
    migrate(db, 9);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.pragma('foreign_key_check')).toHaveLength(1);
    db.close();
  });
});
