import fs from 'node:fs';
import path from 'node:path';

/** Below this much free space, an SQLite I/O error while writing is taken to be the disk filling up. */
const NEARLY_FULL_BYTES = 1024 * 1024;

/** Error codes meaning the disk (or the user's quota on it) has no room: from Node, and SQLite's. */
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL']);

export function hasDiskFullCode(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DISK_FULL_CODES.has(code);
}

/**
 * Whether a failed write failed because the disk (or the user's quota) is full: SQLITE_FULL
 * (SQLite's translation of ENOSPC, and its answer at `max_page_count`), ENOSPC or EDQUOT from
 * Node's fs, or an SQLite I/O error while the project's disk has next to no space left (SQLite's
 * I/O error codes do not carry the errno underneath). SQLite rolls back the statement or the
 * transaction that hit it, so the file holds what it held before the step.
 */
export function isDiskFull(error: unknown, projectFile: string): boolean {
  if (hasDiskFullCode(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_IOERR') && freeBytes(path.dirname(projectFile)) < NEARLY_FULL_BYTES;
}

function freeBytes(folder: string): number {
  try {
    const stats = fs.statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
