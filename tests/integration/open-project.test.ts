import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { openProjectDatabase } from '../../electron/backend/db/open';
import { expectOpenRefused } from '../helpers/refused';
import { tempDir } from '../helpers/temp';

/** Opening must fail with `code`, a message matching `message`, and leave the file and folder as they were. */
function expectRefusedUntouched(file: string, code: string, message: RegExp): void {
  const error = expectOpenRefused(file, code);
  expect(error.message).toMatch(message);
  expect(error.message).toMatch(/left untouched/);
}

describe('opening a project file', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('creates a missing file, and its folder', () => {
    const file = path.join(temp.dir, 'nested', 'folder', 'new.gainsay');
    openProjectDatabase(file).close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('refuses a file that is not SQLite', () => {
    const file = path.join(temp.dir, 'notes.gainsay');
    fs.writeFileSync(file, 'Minister’s notes, not a database.\n'.repeat(200));
    expectRefusedUntouched(file, 'not_a_project', /not a Gainsay project \(it is not an SQLite database\)/);
  });

  it('refuses an SQLite database of another application', () => {
    const file = path.join(temp.dir, 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE recipes (name TEXT)');
    db.close();
    expectRefusedUntouched(file, 'not_a_project', /SQLite database but not a Gainsay project/);
  });

  it('refuses a project from a newer Gainsay', () => {
    const file = path.join(temp.dir, 'future.gainsay');
    openProjectDatabase(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefusedUntouched(file, 'newer_version', new RegExp(`newer version of Gainsay \\(project format ${LATEST_SCHEMA_VERSION + 1}`));
  });

  it('refuses a damaged project', () => {
    const file = path.join(temp.dir, 'damaged.gainsay');
    const db = openProjectDatabase(file);
    const insert = db.prepare("INSERT INTO actors (id, name, folded, kind, created_at, updated_at) VALUES (?, ?, ?, 'person', 't', 't')");
    for (let i = 0; i < 2000; i++) insert.run(`id-${i}`, `Actor number ${i}`, `actor number ${i}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    // Scribble over the middle of the file, where table and index pages are.
    const bytes = fs.readFileSync(file);
    const page = 4096;
    for (let offset = 2 * page; offset < bytes.length - page; offset += 3 * page) bytes.fill(0x5a, offset, offset + 200);
    fs.writeFileSync(file, bytes);
    expectRefusedUntouched(file, 'corrupt', /is damaged and cannot be opened/);
  });

  it('refuses a folder', () => {
    expect(() => openProjectDatabase(temp.dir)).toThrow(/is a folder/);
  });

  it('reopens its own files with everything in them', () => {
    const file = path.join(temp.dir, 'again.gainsay');
    const db = openProjectDatabase(file);
    db.prepare("INSERT INTO actors (id, name, folded, kind, created_at, updated_at) VALUES ('a', 'Zofia Łukasiewicz', 'zofia lukasiewicz', 'person', 't', 't')").run();
    db.close();
    const again = openProjectDatabase(file);
    expect(again.prepare('SELECT name FROM actors').get()).toEqual({ name: 'Zofia Łukasiewicz' });
    again.close();
  });
});
