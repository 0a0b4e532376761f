import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { GainsayError } from '../../../shared/errors';
import { changesSoFar } from './changes';

/**
 * The project's main database file, read by export threads in place of a snapshot taken on the
 * backend's thread (`db.serialize()`, which blocked it for 0.2-0.5 s at 180 MB).
 *
 * The project's connection is in WAL mode, so the main file is written only by checkpoints.
 * `holdStill()` runs one that moves every committed page into the main file (the connection is the
 * only one, in exclusive locking mode, so it completes) and turns automatic checkpoints off until
 * every export reading the file has its copy: changes made meanwhile stay in the WAL, and the main
 * file stays exactly as it was when the export started.
 *
 * Closing the connection checkpoints too, and the descriptor below is closed with it: Project.close
 * first waits for reads under way to end and bars new ones (`gate`, shared with the export threads),
 * so no thread reads a file being written, or a descriptor closed (or since reused for another file).
 *
 * The file is read through a descriptor opened once, with the project, and closed only after the
 * connection: SQLite's lock on the file is a POSIX record lock, which the operating system drops
 * when the process closes any descriptor of the file, so opening and closing the path anew (as
 * fs.readFileSync does) would let another Gainsay open the project while this one has it open.
 * SQLite itself cannot read the file here: its exclusive lock refuses a second connection, and the
 * `immutable=1` URI that would skip the lock is not available (better-sqlite3 is built with
 * SQLITE_USE_URI=0 and opens without SQLITE_OPEN_URI).
 */
export class MainFile {
  /** Read-only, for the life of the project. */
  readonly fd: number;
  /** One Int32: how many threads are reading the file, or CLOSED. */
  readonly gate = new SharedArrayBuffer(4);
  /** Exports that have not read the file yet. */
  private holds = 0;
  /** `wal_autocheckpoint` as it was before the first of them. */
  private savedAutocheckpoint = 0;
  /** The connection's total_changes() when the file was last brought up to date. */
  private changesWhenHeld = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {
    this.fd = fs.openSync(file, 'r');
  }

  /**
   * Makes the main file hold the project as it is now, and keeps it so until the returned function
   * is called (once the export has read it). Null when another export is reading the file and
   * changes have been made since it began: the file is then behind, and cannot be brought up to
   * date under that reader; the caller takes a snapshot instead.
   */
  holdStill(): (() => void) | null {
    if (this.holds > 0 && this.changedSinceHeld()) return null;
    if (this.holds === 0) {
      // better-sqlite3 runs handlers' transactions to the end synchronously, so none is open here;
      // a checkpoint inside one would be refused (SQLITE_LOCKED), and a partial one is no use.
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result?.busy) throw new GainsayError('conflict', 'The project file is busy; start the export again in a moment.');
      this.savedAutocheckpoint = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
      this.db.pragma('wal_autocheckpoint = 0');
      this.changesWhenHeld = changesSoFar(this.db);
    }
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds > 0 || !this.db.open) return;
      this.db.pragma(`wal_autocheckpoint = ${Math.trunc(this.savedAutocheckpoint)}`);
      // What was written meanwhile goes to the main file now, so the WAL does not keep growing.
      this.db.pragma('wal_checkpoint(PASSIVE)');
    };
  }

  /**
   * Whether anything was written since the file was brought up to date. Two signs, either enough:
   * rows changed by this connection (statements and their triggers, the temporary undo log's
   * included), and frames in the WAL, which the TRUNCATE checkpoint emptied (by its path: wrong
   * only if the project was moved while open, when the count still tells).
   */
  private changedSinceHeld(): boolean {
    return changesSoFar(this.db) !== this.changesWhenHeld || (fs.statSync(`${this.file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
  }

  /** Waits for reads under way to end and refuses later ones; before the connection closes. */
  stopReading(): void {
    const gate = new Int32Array(this.gate);
    for (;;) {
      const readers = Atomics.compareExchange(gate, 0, 0, CLOSED);
      if (readers === 0 || readers === CLOSED) return;
      // A read takes well under a second; the backend's thread waits for it only when closing.
      Atomics.wait(gate, 0, readers);
    }
  }

  /** Only once the connection is closed (see above). */
  close(): void {
    this.stopReading();
    fs.closeSync(this.fd);
  }
}

const CLOSED = -1;

/** SQLite's lock-byte page starts here; it holds no data (fileformat.html: "The Lock-Byte Page"). */
const LOCK_BYTE_OFFSET = 2 ** 30;

/**
 * The whole main file (from an export thread), or null when the project has been closed. The
 * lock-byte page of a file larger than 1 GiB is left as zeros: SQLite never reads it, and on
 * Windows its locked bytes cannot be read through another handle.
 *
 * From an export thread only: closing the project waits on the backend's thread for the read to
 * end, and the half read on libuv's threads ends on the reading thread's event loop.
 */
export async function readMainFile(fd: number, gateMemory: SharedArrayBuffer): Promise<Buffer | null> {
  const gate = new Int32Array(gateMemory);
  for (;;) {
    const readers = Atomics.load(gate, 0);
    if (readers === CLOSED) return null;
    if (Atomics.compareExchange(gate, 0, readers, readers + 1) === readers) break;
  }
  try {
    const size = fs.fstatSync(fd).size;
    // Every byte is read (or zeroed) below: not zeroed first (tens of milliseconds at 180 MB).
    const bytes = Buffer.allocUnsafe(size);
    const skipped = size > LOCK_BYTE_OFFSET ? lockBytePageSize(bytes, fd) : 0;
    await readRangeInTwo(fd, bytes, 0, skipped ? LOCK_BYTE_OFFSET : size);
    if (skipped) {
      bytes.fill(0, LOCK_BYTE_OFFSET, LOCK_BYTE_OFFSET + skipped);
      await readRangeInTwo(fd, bytes, LOCK_BYTE_OFFSET + skipped, size);
    }
    return bytes;
  } finally {
    Atomics.sub(gate, 0, 1);
    Atomics.notify(gate, 0);
  }
}

/** The page size from the header (bytes 16-17, big-endian; 1 means 65,536). */
function lockBytePageSize(bytes: Buffer, fd: number): number {
  readRange(fd, bytes, 0, 100);
  const value = bytes.readUInt16BE(16);
  return value === 1 ? 65_536 : value;
}

function readRange(fd: number, bytes: Buffer, from: number, to: number): void {
  for (let at = from; at < to; ) {
    // One read is at most 2 GiB.
    at += readSoFar(fs.readSync(fd, bytes, at, Math.min(to - at, LOCK_BYTE_OFFSET), at));
  }
}

function readSoFar(read: number): number {
  if (read === 0) throw new GainsayError('internal', 'The project file ended before its size.');
  return read;
}

/**
 * Reads the range's second half on libuv's threads while this thread reads the first: the copies
 * out of the OS's cache, and the page faults of the new buffer, then run on two cores (200 MB:
 * ~65-75 ms instead of ~105-110 ms). Returns once both halves are read, or either has failed.
 */
async function readRangeInTwo(fd: number, bytes: Buffer, from: number, to: number): Promise<void> {
  const middle = from + Math.floor((to - from) / 2);
  const secondHalf = (async () => {
    for (let at = middle; at < to; ) {
      const [position, length] = [at, Math.min(to - at, LOCK_BYTE_OFFSET)];
      at += readSoFar(await new Promise<number>((resolve, reject) => fs.read(fd, bytes, position, length, position, (error, read) => (error ? reject(error) : resolve(read)))));
    }
  })();
  try {
    readRange(fd, bytes, from, middle);
  } finally {
    // However the first half ends, the buffer and the descriptor stay in use until the second has.
    await secondHalf.catch(() => undefined);
  }
  await secondHalf;
}
