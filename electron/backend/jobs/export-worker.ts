/**
 * An export, run in its own thread so the app keeps answering (and can cancel) while it writes.
 * It reads the project as it was when the export started into memory (the main file, held still
 * for it, or a snapshot; export-protocol.ts), and writes through the same exporters as everything
 * else. Cancelling sets a shared flag that the next write sees; the exporter then removes what it
 * had begun.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { GainsayError } from '../../../shared/errors';
import { attentionSummary } from '../../../shared/export/formats';
import { exportProject } from '../export/export-project';
import { prepareDownload } from '../export/download';
import { observeWrites } from '../export/output';
import { readMainFile } from '../db/main-file';
import { protect } from '../db/protect';
import { CancelledError } from './jobs';
import { PROGRESS_EVERY_MS, type ExportSource, type ExportWorkerData, type ExportWorkerMessage } from './export-protocol';

const data = workerData as ExportWorkerData;
const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);
const cancelled = new Int32Array(data.cancelFlag);

/** The project's bytes as the export began. */
async function projectBytes(source: ExportSource): Promise<Buffer> {
  if (source.kind === 'snapshot') return Buffer.from(source.snapshot.buffer, source.snapshot.byteOffset, source.snapshot.byteLength);
  const bytes = await readMainFile(source.fd, source.gate);
  // The project was closed before the export could read it (closing cancels its exports).
  if (!bytes) throw new CancelledError();
  post({ type: 'loaded' });
  return bytes;
}

/**
 * The project as an in-memory database. Its header says WAL (bytes 18 and 19 are 2), which an
 * in-memory database cannot use: SQLite then refuses every read ("unable to open database file").
 * The copy is marked as a rollback-journal database instead; the pages themselves are complete.
 * It is a file from anywhere, read with the same protections as every connection to one.
 */
function openCopy(bytes: Buffer): Database.Database {
  if (bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  const db = new Database(bytes);
  letGoOf(bytes);
  protect(db);
  return db;
}

/**
 * Hands the bytes' memory (as large as the project) to a new, unreferenced buffer, which the next
 * minor collection frees. The buffer they were read into has lived across the read's awaits, and
 * may be in the old generation by now: left there, it stayed for the whole export (peak memory
 * +94 MB at 200 MB).
 */
function letGoOf(bytes: Buffer): void {
  // Only a buffer of its own (not a slice of Node's pool), and one the runtime lets go of.
  if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) return;
  try {
    structuredClone(bytes.buffer, { transfer: [bytes.buffer as ArrayBuffer] });
  } catch {
    // Left to the collector.
  }
}

async function run(): Promise<void> {
  const db = openCopy(await projectBytes(data.source));
  // SQLite holds its own copy now: the bytes read (as large as the project) are let go for the rest of the export.
  data.source = { kind: 'snapshot', snapshot: new Uint8Array(0) };
  let bytes = 0;
  let lastSent = 0;
  observeWrites((file, size) => {
    if (Atomics.load(cancelled, 0)) throw new CancelledError();
    bytes += size;
    const now = Date.now();
    if (now - lastSent >= PROGRESS_EVERY_MS) {
      lastSent = now;
      post({ type: 'progress', file, bytes });
    }
  });
  try {
    // Cancelled before it began (a copy of the project file is written by SQLite, out of sight of the observer).
    if (Atomics.load(cancelled, 0)) throw new CancelledError();
    const { format, projectName, options, target } = data;
    if (target.kind === 'download') {
      const download = await prepareDownload(db, projectName, format, options.bom ?? false);
      post({ type: 'download', name: download.name, mediaType: download.type, file: download.file, folder: download.folder, notice: download.notice, bytes });
    } else {
      const outcome = await exportProject(db, projectName, format, target.path, options);
      post({ type: 'done', notice: attentionSummary(format, outcome), bytes });
    }
  } finally {
    db.close();
  }
}

run().catch((error: unknown) =>
  post(
    error instanceof GainsayError
      ? { type: 'error', code: error.code, message: error.message }
      : { type: 'error', code: 'internal', message: String((error as Error)?.stack ?? error) },
  ),
);
