import type { ErrorCode } from '../../../shared/errors';
import type { ExportFormat } from '../../../shared/export/formats';
import type { ExportOptions } from '../export/export-project';
import type { ExportTarget } from '../host';

/** Progress is posted from the export thread at most this often. */
export const PROGRESS_EVERY_MS = 100;

/** What the export thread is started with. */
export interface ExportWorkerData {
  /** The project as it was when the export started (better-sqlite3's serialize()). */
  snapshot: Uint8Array;
  projectName: string;
  format: ExportFormat;
  options: ExportOptions;
  target: ExportTarget;
  /** One Int32: set to 1 to cancel. */
  cancelFlag: SharedArrayBuffer;
}

/** What the export thread says, ending with one of done, download or error. */
export type ExportWorkerMessage =
  | { type: 'progress'; file: string; bytes: number }
  | { type: 'done'; notice: string | null; bytes: number }
  | { type: 'download'; name: string; mediaType: string; file: string; folder: string; notice: string | null; bytes: number }
  | { type: 'error'; code: ErrorCode; message: string };
