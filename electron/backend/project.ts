import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { GainsayError } from '../../shared/errors';
import { openProjectDatabase, type OpenDatabaseOptions } from './db/open';
import { claimProject, isLockedBySomeoneElse, openElsewhere, releaseProject } from './db/project-lock';
import { MainFile } from './db/main-file';
import { AnchorChecks } from './features/annotations/anchor-checks';
import { BackgroundSuggester } from './features/suggestions/background';
import { Jobs } from './jobs/jobs';
import { startExtractorThread } from './features/suggestions/extractor-thread';
import { UndoLog } from './history';
import { ANALYSIS_LIMIT } from './db/planner-statistics';

/** Which file a path names: device and inode (on Windows, volume serial and file index). */
interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

/** Null when nothing is there (a missing file, or a path through a file as if it were a folder). */
function identityOf(file: string): FileIdentity | null {
  try {
    // BigInt: Windows file indexes exceed the integers a double holds exactly.
    const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
    return stat ? { dev: stat.dev, ino: stat.ino } : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Why the project's own file is not imported into it (see Project.isOwnFile). */
export const ownFileMessage = (shown: string): string => `“${shown}” is this project's own file: it cannot be imported into itself.`;

/** Why an export is not written over the project's own file. */
export const ownFileExportMessage = (shown: string): string => `“${shown}” is this project's own file: an export cannot be written over it. Choose another name.`;

export interface ProjectOptions extends OpenDatabaseOptions {
  /**
   * The bundled suggestion worker (`SUGGEST_WORKER_FILE` beside the host's entry point): given,
   * articles are suggested in the background after import; left out (one-shot CLI commands),
   * they are suggested when read.
   */
  suggestWorker?: string;
}

/** An open project file. Everything the handlers touch goes through this. */
export class Project {
  /** The undo log of this connection; each window's history is `undo.window(id)`. */
  readonly undo: UndoLog;

  /** What this project remembers about its highlights' anchors (forgotten when history replays). */
  readonly anchors = new AnchorChecks();

  /** Exports, imports and background suggesting under way or recently ended (jobs.list, jobs.cancel, and their events). */
  readonly jobs = new Jobs();

  /** Suggesting articles' claims in a worker thread, after import, as a job. */
  readonly suggesting: BackgroundSuggester;

  /** The database file itself, which export threads read (db/main-file.ts). */
  readonly mainFile: MainFile;

  /** The file as it was when opened; writes are refused once the path names another (or none). */
  private readonly identity: FileIdentity;

  private constructor(
    readonly path: string,
    readonly db: Database.Database,
    suggestWorker: string | undefined,
  ) {
    this.undo = new UndoLog(db, () => this.anchors.forgetChecks());
    this.suggesting = new BackgroundSuggester(db, this.jobs, suggestWorker ? () => startExtractorThread(suggestWorker) : null);
    this.identity = identityOf(path)!;
    this.mainFile = new MainFile(db, path);
  }

  static open(file: string, options: ProjectOptions = {}): Project {
    const resolved = path.resolve(file);
    const shown = path.basename(resolved);
    claimProject(resolved, shown);
    try {
      const db = openProjectDatabase(resolved, options);
      try {
        return new Project(resolved, db, options.suggestWorker);
      } catch (error) {
        // Not left open (and the file locked) by a project that failed to start.
        db.close();
        throw error;
      }
    } catch (error) {
      releaseProject(resolved);
      // Another process holds the file (its exclusive lock answers "busy" at once).
      throw isLockedBySomeoneElse(error) ? openElsewhere(shown) : error;
    }
  }

  /**
   * Refuses a write once the project file has been deleted, moved or replaced since it was opened:
   * the connection would still accept it, but into a file no longer at this path (or into a WAL
   * left beside the old one), where it would be lost. The open connection still holds everything,
   * so a copy can be saved (VACUUM INTO, Save a Copy / Export ▸ Project file copy). One stat call.
   */
  assertFileInPlace(): void {
    const now = identityOf(this.path);
    if (now && now.dev === this.identity.dev && now.ino === this.identity.ino) return;
    throw new GainsayError(
      'file_gone',
      `This change was not saved: “${path.basename(this.path)}” was ${now ? 'replaced' : 'deleted or moved'} while open. Use Save a Copy… (Export ▸ Project file copy) to keep everything up to now.`,
    );
  }

  /**
   * Whether `file` is this project's own file, by whatever path (another spelling, a link). It is
   * never read as something to import: SQLite's lock on it is a POSIX record lock, which the OS
   * drops when the process closes any descriptor of the file, so reading it (and closing it again)
   * would let another Gainsay open the project while this one writes it. One stat call.
   */
  isOwnFile(file: string): boolean {
    let other: FileIdentity | null;
    try {
      other = identityOf(file);
    } catch {
      return false; // not to be read (no permission, say): whoever reads it says why
    }
    return !!other && other.dev === this.identity.dev && other.ino === this.identity.ino;
  }

  get name(): string {
    return path.basename(this.path).replace(/\.gainsay$/i, '');
  }

  /**
   * Closes the file. Jobs under way are told to stop first, and export threads reading the main
   * file are waited for, before the connection's last checkpoint writes it: an export (which reads
   * the file as it was when it began, then works on its own copy) removes what it began; an import stops before its next file, but a file
   * it is in the middle of then fails on the closed connection (its transaction is not committed).
   * A host that wants that file finished awaits `jobs.stopAll()` before closing; none does yet.
   */
  close(): void {
    if (!this.db.open) return;
    void this.jobs.stopAll();
    this.mainFile.stopReading();
    this.suggesting.close();
    try {
      // Keeps the query planner's statistics current, as SQLite advises before closing; the
      // analysis limit keeps that quick on a large project. Only an optimisation: a failure
      // (a full disk) must not keep the file open and locked.
      this.db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
      this.db.pragma('optimize');
    } catch {
      // the statistics stay as they were
    } finally {
      this.db.close();
      // After the connection: closing a descriptor of the file drops the process's locks on it.
      this.mainFile.close();
      releaseProject(this.path);
    }
  }
}
