import fs from 'node:fs';

/**
 * Runs a read-only look at a project file and then removes the `-wal` and `-shm` files the look
 * itself made: SQLite creates both to read a file in WAL mode, even read-only. A file that is
 * refused must be left as it was found, and one that is opened gets its own in exclusive mode.
 * Only files that were not there before are removed, and a `-wal` only while it is still empty.
 */
export function withoutNewSidecars<T>(file: string, look: () => T): T {
  const made = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  try {
    return look();
  } finally {
    for (const sidecar of made) {
      try {
        if (sidecar.endsWith('-shm') || fs.statSync(sidecar, { throwIfNoEntry: false })?.size === 0) fs.rmSync(sidecar, { force: true });
      } catch {
        // Tidying only (a read-only folder, say): a leftover index harms nothing.
      }
    }
  }
}
