import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GainsayError } from '../../../shared/errors';
import { APPLICATION_ID, SQLITE_HEADER } from './file-identity';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations';
import { listDifferences, schemaDifferences } from './schema-check';
import { ensureSearchKeys } from './search-keys';
import { withoutNewSidecars } from './sidecars';
import { isLockedBySomeoneElse } from './project-lock';
import { protect } from './protect';
import { remakePlannerStatistics } from './planner-statistics';
import { repairPairCounts } from './pair-counts';

export interface OpenDatabaseOptions {
  /** Path to a better-sqlite3 addon built for the running ABI (the Electron build lives apart). */
  nativeBinding?: string;
}

/**
 * Opens (or creates) a project file. Before anything can write to an existing file it is inspected
 * read-only: a file that is not SQLite, is SQLite but not Gainsay, carries schema objects the app
 * did not create, is damaged, or comes from a newer Gainsay is refused with a clear message and
 * left byte-for-byte untouched.
 */
export function openProjectDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const resolved = path.resolve(file);
  const shown = path.basename(resolved);
  const stat = statOrNull(resolved);
  if (stat?.isDirectory()) {
    throw new GainsayError('not_a_project', `“${shown}” is a folder, not a Gainsay project file.`);
  }
  if (stat && stat.size > 0) withoutNewSidecars(resolved, () => inspectExisting(resolved, shown, options));
  if (!stat) fs.mkdirSync(path.dirname(resolved), { recursive: true });

  const db = new Database(resolved, { nativeBinding: options.nativeBinding });
  try {
    protect(db);
    // Before WAL is entered: the OS then holds a lock on the file until this connection closes
    // or the process dies, refusing every other connection (see project-lock.ts), and SQLite
    // keeps the WAL index in this process's memory instead of a -shm file.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL survives any crash of the app; only a power cut can drop the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite's default 2 MB page cache makes the review list's joins over 100,000 claims read
    // from the OS again and again; 64 MB keeps a large project's working set in memory.
    db.pragma('cache_size = -65536');
    // No memory map (SQLite's default): with cell_size_check (protect.ts), a page read through
    // the map is checked again on every visit, where a page in the cache is checked once. Ranking
    // a word found in every one of 10,000 articles took 17 ms with both, 8 ms with either alone.
    db.pragma('temp_store = MEMORY');
    migrateOrRefuse(db, shown);
    // Before any query of the app's whose plan they would steer (the migrations' plain copies are not).
    remakePlannerStatistics(db);
    ensureSearchKeys(db);
    repairPairCounts(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Brings an older file up to this version. A migration copies rows into tables whose rules are
 * stricter than the file's (another tool's rows, written with checks or foreign keys off, may
 * break them): it then fails, in its own transaction, leaving the file as it was, and the file is
 * refused as one that a clean copy can rescue, not with SQLite's message alone.
 */
function migrateOrRefuse(db: Database.Database, shown: string): void {
  try {
    migrate(db);
  } catch (error) {
    if (error instanceof GainsayError || isLockedBySomeoneElse(error)) throw error;
    throw new GainsayError(
      'untrusted',
      `“${shown}” was not opened: it is in an older project format, and a record in it breaks a rule of the current one (${(error as Error).message.slice(0, 300)}), so it cannot be brought up to date. Its records were left as they were. A clean copy keeps its articles, actors, claims and links and leaves out what breaks the rules.`,
    );
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function inspectExisting(file: string, shown: string, options: OpenDatabaseOptions): void {
  if (!hasSqliteHeader(file)) {
    throw new GainsayError(
      'not_a_project',
      `“${shown}” is not a Gainsay project (it is not an SQLite database). The file was left untouched.`,
    );
  }
  let db: Database.Database | undefined;
  try {
    // No waiting: a file another Gainsay holds is refused at once, as held, not after a timeout.
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0, nativeBinding: options.nativeBinding });
    protect(db);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const objects = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    if (applicationId !== APPLICATION_ID && (applicationId !== 0 || objects.n > 0)) {
      throw new GainsayError(
        'not_a_project',
        `“${shown}” is an SQLite database but not a Gainsay project. The file was left untouched.`,
      );
    }
    if (userVersion > LATEST_SCHEMA_VERSION) {
      throw new GainsayError(
        'newer_version',
        `“${shown}” was saved by a newer version of Gainsay (project format ${userVersion}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Gainsay to open it. The file was left untouched.`,
      );
    }
    // Before anything reads the file's tables: its schema must be the app's own. Reading
    // sqlite_schema runs nothing; a trigger, view or CHECK the app did not write never gets to run.
    const encoding = db.pragma('encoding', { simple: true });
    if (encoding !== 'UTF-8') throw untrusted(shown, [`text stored as ${String(encoding).slice(0, 20)}, where Gainsay writes UTF-8`]);
    const differences = schemaDifferences(db, userVersion);
    if (differences.length) throw untrusted(shown, differences);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corrupt(shown, String(check));
  } catch (error) {
    // Another process holding the file is not damage: Project.open says who holds it.
    if (error instanceof GainsayError || isLockedBySomeoneElse(error)) throw error;
    throw corrupt(shown, (error as Error).message);
  } finally {
    db?.close();
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

function untrusted(shown: string, differences: string[]): GainsayError {
  return new GainsayError(
    'untrusted',
    `“${shown}” was not opened: it holds database objects that Gainsay does not create (${listDifferences(differences)}). Such a file can run commands of its own, so Gainsay does not use it. The file was left untouched. A clean copy keeps its articles, actors, claims and links and leaves everything else out.`,
  );
}

function corrupt(shown: string, detail: string): GainsayError {
  return new GainsayError(
    'corrupt',
    `“${shown}” is damaged and cannot be opened (${detail}). The file was left untouched; open a backup or a copy.`,
  );
}
