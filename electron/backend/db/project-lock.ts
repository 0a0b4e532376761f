import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GainsayError } from '../../../shared/errors';

/**
 * One running Gainsay per project file. Opening writes `<file>-lock` with this process's id; a
 * second Gainsay (another app window process, `gainsay serve`, `gainsay import`) finds it and is
 * refused with a clear message rather than interleaving its work and undo history with the
 * first. A lock left by a process that has died (a crash, SIGKILL) is taken over. Several opens
 * within one process share the lock.
 */
interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

const held = new Map<string, number>();

export function lockPath(file: string): string {
  return `${file}-lock`;
}

function alive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true; // cannot tell for another machine: assume it runs
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? info : null;
  } catch {
    return null;
  }
}

/** Takes the lock of a project file, or refuses with who holds it. */
export function acquireProjectLock(file: string, shown: string): void {
  const count = held.get(file);
  if (count) {
    held.set(file, count + 1);
    return;
  }
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  // A new project may be created in a new folder.
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath(file), JSON.stringify(mine), { flag: 'wx' });
      held.set(file, 1);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const other = readLock(file);
      if (other && other.pid !== process.pid && alive(other)) {
        throw new GainsayError(
          'conflict',
          `“${shown}” is open in another Gainsay (process ${other.pid}${other.host !== mine.host ? ` on ${other.host}` : ''}, since ${other.since}). Close it there first; the file was not touched.`,
        );
      }
      // Left by a process that is gone: take it over.
      fs.rmSync(lockPath(file), { force: true });
    }
  }
  throw new GainsayError('conflict', `“${shown}” could not be locked for this Gainsay; try again.`);
}

export function releaseProjectLock(file: string): void {
  const count = held.get(file) ?? 0;
  if (count > 1) {
    held.set(file, count - 1);
    return;
  }
  held.delete(file);
  if (readLock(file)?.pid === process.pid) fs.rmSync(lockPath(file), { force: true });
}
