import { GainsayError } from '../../shared/errors';
import type { ExportFormat } from '../../shared/export/formats';
import type { Download } from './export/download';
import type { MappingSource } from './import/annotation-formats';

/** What the analyst asked to import: files (several may be chosen) or a folder. */
export type ImportChoice = 'files' | 'folder';

export interface ImportSources {
  paths: string[];
  /** How another tool's annotation types become claims, actors and links: the CLI's JSON file, or the import dialog's choice (docs/imports.md). */
  mapping?: MappingSource;
}

/** Where an export goes: a file or folder the host chose, or a download kept for the page. */
export type ExportTarget = { kind: 'path'; path: string } | { kind: 'download' };

/**
 * What only the host can do for a job: the desktop shell asks in the system's dialogs, browser
 * mode offers downloads, the CLI was told on its command line. The renderer never names a path.
 */
export interface Host {
  /** Where to export; null when the analyst cancelled the dialog. */
  exportTarget(format: ExportFormat, projectName: string): Promise<ExportTarget | null>;
  /** Files and folders to import (and, from the CLI, a mapping for annotation formats); null when the analyst cancelled the dialog. */
  importPaths(choose: ImportChoice): Promise<ImportSources | null>;
  /** Keeps a finished download until the page fetches it with the job's id. */
  keepDownload(jobId: string, download: Download): void;
}

/** A host without files: jobs are refused with the reason (tests that call the backend directly). */
export const NO_HOST: Host = {
  exportTarget: () => Promise.reject(new GainsayError('invalid_input', 'This host cannot write files.')),
  importPaths: () => Promise.reject(new GainsayError('invalid_input', 'This host cannot read files.')),
  keepDownload: (_jobId, download) => download.dispose(),
};
