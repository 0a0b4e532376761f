/**
 * An export, run in its own thread so the app keeps answering (and can cancel) while it writes.
 * It reads the project as it was when the export started into memory (the main file, held still
 * for it, or a snapshot; export-protocol.ts), and writes through the same exporters as everything
 * else. Cancelling sets a shared flag that the next write sees; the exporter then removes what it
 * had begun. Started with a PartThreadData, the same script is an export's second thread instead
 * (part-worker.ts).
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { attentionSummary } from '../../../shared/export/formats';
import { exportProject } from '../export/export-project';
import { prepareDownload } from '../export/download';
import { observeWrites } from '../export/output';
import { partsInLine } from '../export/run-part';
import { readMainFile } from '../db/main-file';
import { CancelledError } from './jobs';
import { errorToMessage, PROGRESS_EVERY_MS, type ExportSource, type ExportWorkerData, type ExportWorkerMessage, type PartThreadData } from './export-protocol';
import { PartThread, secondThreadPays } from './part-thread';
import { serveParts } from './part-worker';
import { letGoOf, openCopy } from './project-copy';

/**
 * A second thread for the export's parts where it pays (secondThreadPays), for a project read
 * from its main file, which the thread is then handed (a snapshot's parts are made in line).
 */
function partThreadFor(data: ExportWorkerData): PartThread | null {
  if (data.source.kind !== 'file' || !secondThreadPays(data.format, sizeOf(data.source.fd))) return null;
  return new PartThread(__filename, data.cancelFlag);
}

/** The main file's size; 0 once the project is closed (the read then says so: readMainFile). */
function sizeOf(fd: number): number {
  try {
    return fs.fstatSync(fd).size;
  } catch {
    return 0;
  }
}

async function run(data: ExportWorkerData): Promise<void> {
  const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);
  const cancelled = new Int32Array(data.cancelFlag);
  // Started first: its start overlaps the read.
  const parts = partThreadFor(data);
  try {
    const db = await projectCopy(data, parts, () => post({ type: 'loaded' }));
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
      const startPart = parts?.start ?? partsInLine(db);
      if (target.kind === 'download') {
        const download = await prepareDownload(db, projectName, format, options.bom ?? false, startPart);
        post({ type: 'download', name: download.name, mediaType: download.type, file: download.file, folder: download.folder, notice: download.notice, bytes });
      } else {
        const outcome = await exportProject(db, projectName, format, target.path, options, startPart);
        post({ type: 'done', notice: attentionSummary(format, outcome), bytes });
      }
    } finally {
      db.close();
    }
  } finally {
    await parts?.close();
  }
}

/**
 * The project as it was when the export began, as an in-memory database; the second thread, if
 * any, is given the same bytes. `loaded` is called once the main file has been read.
 */
async function projectCopy(data: ExportWorkerData, parts: PartThread | null, loaded: () => void): Promise<Database.Database> {
  const bytes = await projectBytes(data.source);
  if (data.source.kind === 'file') loaded();
  // SQLite makes its own copy: the bytes read (as large as the project) are let go for the rest of the export.
  data.source = { kind: 'snapshot', snapshot: new Uint8Array(0) };
  const db = openCopy(bytes);
  // Handed over rather than shared: memory shared by two threads went only once both had collected it (peak +240 MB at 200 MB).
  if (parts) parts.load(bytes);
  else letGoOf(bytes);
  return db;
}

/** The project's bytes as the export began. */
async function projectBytes(source: ExportSource): Promise<Buffer> {
  if (source.kind === 'snapshot') return Buffer.from(source.snapshot.buffer, source.snapshot.byteOffset, source.snapshot.byteLength);
  const bytes = await readMainFile(source.fd, source.gate);
  // The project was closed before the export could read it (closing cancels its exports).
  if (!bytes) throw new CancelledError();
  return bytes;
}

const data = workerData as ExportWorkerData | PartThreadData;
if ('kind' in data && data.kind === 'part') serveParts(data);
else {
  const exportData = data as ExportWorkerData;
  run(exportData).catch((error: unknown) => parentPort!.postMessage({ type: 'error', ...errorToMessage(error) } satisfies ExportWorkerMessage));
}
