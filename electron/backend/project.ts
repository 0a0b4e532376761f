import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openProjectDatabase, type OpenDatabaseOptions } from './db/open';
import { claimProject, isLockedBySomeoneElse, openElsewhere, releaseProject, removeUnusedSharedMemory } from './db/project-lock';
import { History } from './history';

/** An open project file. Everything the handlers touch goes through this. */
export class Project {
  /** Undo and redo of annotation work in this window. */
  readonly history: History;

  private constructor(
    readonly path: string,
    readonly db: Database.Database,
  ) {
    this.history = new History(db);
  }

  static open(file: string, options: OpenDatabaseOptions = {}): Project {
    const resolved = path.resolve(file);
    const shown = path.basename(resolved);
    // Checked before anything reads or migrates the file.
    claimProject(resolved, shown);
    try {
      const db = openProjectDatabase(resolved, options);
      removeUnusedSharedMemory(resolved);
      return new Project(resolved, db);
    } catch (error) {
      releaseProject(resolved);
      // Another process took the file between the check and the open.
      throw isLockedBySomeoneElse(error) ? openElsewhere(shown) : error;
    }
  }

  /** Who is working: recorded on the links they make. */
  get author(): string {
    try {
      return os.userInfo().username;
    } catch {
      return '';
    }
  }

  get name(): string {
    return path.basename(this.path).replace(/\.gainsay$/i, '');
  }

  close(): void {
    if (!this.db.open) return;
    // Keeps the query planner's statistics current, as SQLite advises before closing; the
    // analysis limit keeps that quick on a large project.
    this.db.pragma('analysis_limit = 400');
    this.db.pragma('optimize');
    this.db.close();
    releaseProject(this.path);
  }
}
