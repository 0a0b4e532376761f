import Database from 'better-sqlite3';
import { protect } from '../db/protect';

/**
 * The project as an in-memory database, from its main file's bytes. Its header says WAL (bytes 18
 * and 19 are 2), which an in-memory database cannot use: SQLite then refuses every read ("unable
 * to open database file"). The copy is marked as a rollback-journal database instead; the pages
 * themselves are complete. It is a file from anywhere, read with the same protections as every
 * connection to one. better-sqlite3 copies the bytes: they may be let go of afterwards.
 */
export function openCopy(bytes: Buffer): Database.Database {
  if (bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  const db = new Database(bytes);
  protect(db);
  return db;
}

/**
 * Hands the bytes' memory (as large as the project) to a new, unreferenced buffer, which the next
 * minor collection frees. The buffer they were read into has lived across the read's awaits, and
 * may be in the old generation by now: left there, it stayed for the whole export (peak memory
 * +94 MB at 200 MB). Shared memory (read for two threads) cannot be handed over: it goes once
 * neither thread refers to it.
 */
export function letGoOf(bytes: Buffer): void {
  // Only a buffer of its own (not a slice of Node's pool), and one the runtime lets go of.
  if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength || bytes.buffer instanceof SharedArrayBuffer) return;
  try {
    structuredClone(bytes.buffer, { transfer: [bytes.buffer as ArrayBuffer] });
  } catch {
    // Left to the collector.
  }
}
