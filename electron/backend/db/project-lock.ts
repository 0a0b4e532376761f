import { GainsayError } from '../../../shared/errors';

/**
 * One running Gainsay per project file. The lock is SQLite's own: the project's connection runs in
 * exclusive locking mode (`openProjectDatabase`), so the operating system holds a lock on the file
 * itself for as long as that connection is open, and drops it when the process ends in any way (a
 * crash, SIGKILL). There is no lock file: no process id that could be reused, no leftover to
 * delete by hand, nothing beside the project that another program could fake or remove.
 *
 * This module only makes the refusal clear: a second Gainsay (another app window process,
 * `gainsay serve`, `gainsay import`) is told that the project is held, at once: the read-only
 * inspection that opening starts with does not wait (`openProjectDatabase`), and Project.open
 * turns SQLite's "busy" into the message here. A second open within one process is refused here.
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

/** Claims a project file for this process, or refuses with who holds it. */
export function claimProject(file: string, shown: string): void {
  if (openHere.has(file)) {
    throw new GainsayError('conflict', `“${shown}” is already open in this Gainsay.`);
  }
  openHere.add(file);
}

export function releaseProject(file: string): void {
  openHere.delete(file);
}
