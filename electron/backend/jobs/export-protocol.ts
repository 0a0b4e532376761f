import type { ErrorCode } from '../../../shared/errors';
import type { ExportFormat } from '../../../shared/export/formats';
import type { ExportOptions } from '../export/export-project';
import type { ExportTarget } from '../host';

/** Progress is posted from the export thread at most this often. */
export const PROGRESS_EVERY_MS = 100;

/** What the export thread is started with. */
export interface ExportWorkerData {
  /**
   * The project as it was when the export started: its main file, held still until the thread
   * says it has read it (`loaded`; db/main-file.ts), or, where another export's reading kept the
   * file from being brought up to date, a snapshot (better-sqlite3's serialize()).
   */
  source: ExportSource;
  projectName: string;
  format: ExportFormat;
  options: ExportOptions;
  target: ExportTarget;
  /** One Int32: set to 1 to cancel. */
  cancelFlag: SharedArrayBuffer;
}

/** `gate`: MainFile's, shared so that closing the project waits for the read (db/main-file.ts). */
export type ExportSource = { kind: 'file'; fd: number; gate: SharedArrayBuffer } | { kind: 'snapshot'; snapshot: Uint8Array };

/** What the export thread says, ending with one of done, download or error. */
export type ExportWorkerMessage =
  | { type: 'loaded' }
  | { type: 'progress'; file: string; bytes: number }
  | { type: 'done'; notice: string | null; bytes: number }
  | { type: 'download'; name: string; mediaType: string; file: string; folder: string; notice: string | null; bytes: number }
  | { type: 'error'; code: ErrorCode; message: string };
