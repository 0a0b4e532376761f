import type { ImportOutcome } from './domain';

/**
 * Long work (exports, imports of many files, suggesting claims in the background) runs as a job: started by
 * a contract method, followed through progress events on every host (server-sent events in
 * browser mode, a preload event in the desktop window, the terminal for the CLI), and stoppable
 * with `jobs.cancel`. A stopped job leaves nothing half-written.
 */
export const JOB_KINDS = ['export', 'import', 'suggest'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJobResult {
  kind: 'export';
  /** Where it went: the file or folder written, or the name of the download waiting for the page. */
  name: string;
  /** Browser mode: the file waits to be fetched with the job's id (see the transport). */
  download: boolean;
  bytes: number;
  /** A line about claims that needed attention, if any did. */
  notice: string | null;
}

export interface ImportJobResult {
  kind: 'import';
  outcomes: ImportOutcome[];
  /** Files not reached because the import was stopped: what to import again to finish. */
  notReached: string[];
}

/** The label of background suggesting's job, and of `gainsay suggest`'s progress line. */
export const SUGGEST_JOB_LABEL = 'Suggest claims';

/** Suggesting claims in the background: articles suggested by this job, of those waiting. What was stored stays when it is stopped. */
export interface SuggestJobResult {
  kind: 'suggest';
  done: number;
  total: number;
}

export type JobResult = ExportJobResult | ImportJobResult | SuggestJobResult;

/** A job as it stands: every progress event carries the whole of it. */
export interface JobSnapshot {
  id: string;
  kind: JobKind;
  /** What it is doing, for people: "Export as CSV tables (folder)". */
  label: string;
  state: JobState;
  /** Work done, in `unit`s; `total` is null when it cannot be known ahead (bytes of an export). */
  done: number;
  total: number | null;
  unit: 'bytes' | 'files' | 'articles';
  /** The step under way, or how it ended. */
  message: string;
  result: JobResult | null;
  /** Why it failed. */
  error: string | null;
}
