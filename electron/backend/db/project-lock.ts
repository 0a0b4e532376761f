import fs from 'node:fs';
import Database from 'better-sqlite3';
import { GainsayError } from '../../../shared/errors';
import { protect } from './protect';
import { withoutNewSidecars } from './sidecars';

/**
 * One running Gainsay per project file. The lock is SQLite's own: the project's connection runs in
 * exclusive locking mode (`openProjectDatabase`), so the operating system holds a lock on the file
 * itself for as long as that connection is open, and drops it when the process ends in any way (a
 * crash, SIGKILL). There is no lock file: no process id that could be reused, no leftover to
 * delete by hand, nothing beside the project that another program could fake or remove.
 *
 * This module only makes the refusal clear: a second Gainsay (another app window process,
 * `gainsay serve`, `gainsay import`) is told who holds the project before anything reads or
 * migrates the file, instead of waiting on SQLite's busy timeout.
 */

/** Project files open in this process: a second connection would be refused by the lock anyway. */
const openHere = new Set<string>();

export function openElsewhere(shown: string): GainsayError {
  return new GainsayError(
    'conflict',
    `“${shown}” is open in another Gainsay (a window, gainsay serve or gainsay import) or another program. Close it there first; the file was not touched.`,
  );
}

/** Whether an error is SQLite refusing because another connection holds the file's lock. */
export function isLockedBySomeoneElse(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * A read-only look that fails at once if another process holds the file exclusively. Any other
 * failure (not SQLite, damaged, …) is left for `openProjectDatabase` to diagnose and report.
 */
function heldByAnotherProcess(file: string): boolean {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size === 0) return false;
  return withoutNewSidecars(file, () => {
    let probe: Database.Database | undefined;
    try {
      probe = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
      protect(probe);
      probe.prepare('SELECT count(*) FROM sqlite_schema').get();
      return false;
    } catch (error) {
      return isLockedBySomeoneElse(error);
    } finally {
      probe?.close();
    }
  });
}

/** Claims a project file for this process, or refuses with who holds it. */
export function claimProject(file: string, shown: string): void {
  if (openHere.has(file)) {
    throw new GainsayError('conflict', `“${shown}” is already open in this Gainsay.`);
  }
  if (heldByAnotherProcess(file)) throw openElsewhere(shown);
  openHere.add(file);
}

export function releaseProject(file: string): void {
  openHere.delete(file);
}
