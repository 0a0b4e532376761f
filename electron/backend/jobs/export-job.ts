import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { GainsayError } from '../../../shared/errors';
import { EXPORT_LABELS, type ExportFormat } from '../../../shared/export/formats';
import type { ExportJobResult, JobSnapshot } from '../../../shared/jobs';
import type { ExportOptions } from '../export/export-project';
import type { ExportTarget, Host } from '../host';
import type { Project } from '../project';
import type { ExportSource, ExportWorkerData, ExportWorkerMessage } from './export-protocol';
import { CancelledError, type JobControl, type Jobs } from './jobs';

/** How long a cancelled export may take to notice before its thread is stopped outright. */
const STOP_AFTER_MS = 10_000;

/**
 * The export thread's script. scripts/build-node.mjs builds it beside each bundle that exports
 * (dist/node for the CLI and browser mode, dist/electron for the desktop shell); tests running
 * from the sources use the one in dist/node.
 */
function exportWorkerFile(): string {
  // A bundle has __dirname; the sources run as ES modules (the test runners) have import.meta.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  // In the packaged app the script is unpacked beside the asar archive (electron-builder.json's
  // asarUnpack): a worker thread is started from a real file.
  const beside = path.join(here, 'export-worker.cjs').replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
  return fs.existsSync(beside) ? beside : path.resolve(here, '../../../dist/node/export-worker.cjs');
}

export interface ExportJobRequest {
  format: ExportFormat;
  options: ExportOptions;
}

/**
 * Starts exporting the project as it is now to `target`, in a thread of its own, which reads the
 * project's main file, held as it is now until the thread has its copy (db/main-file.ts).
 */
export function startExportJob(jobs: Jobs, project: Project, host: Host, request: ExportJobRequest, target: ExportTarget): JobSnapshot {
  const hold = project.mainFile.holdStill();
  const source: ExportSource = hold ? { kind: 'file', fd: project.mainFile.fd, gate: project.mainFile.gate } : { kind: 'snapshot', snapshot: project.db.serialize() };
  const letGo = hold ?? (() => {});
  const name = project.name;
  const data: ExportWorkerData = { source, projectName: name, format: request.format, options: request.options, target, cancelFlag: new SharedArrayBuffer(4) };
  return jobs.start('export', `Export as ${EXPORT_LABELS[request.format]}`, 'bytes', (control) => runExport(data, control, host, letGo).finally(letGo));
}

/**
 * The export thread, given a snapshot's memory rather than a copy of it (a project of hundreds
 * of megabytes would otherwise be held three times over). Where the runtime cannot hand over
 * memory SQLite allocated (V8's memory cage in Electron), it is copied.
 */
function startWorker(data: ExportWorkerData): Worker {
  if (data.source.kind === 'file') return new Worker(exportWorkerFile(), { workerData: data });
  try {
    return new Worker(exportWorkerFile(), { workerData: data, transferList: [data.source.snapshot.buffer as ArrayBuffer] });
  } catch {
    return new Worker(exportWorkerFile(), { workerData: data });
  }
}

/** `loaded`: called once the thread has its copy of the project, and the main file may change again. */
function runExport(data: ExportWorkerData, control: JobControl, host: Host, loaded: () => void): Promise<ExportJobResult> {
  const where = data.target.kind === 'path' ? data.target.path : null;
  return new Promise<ExportJobResult>((resolve, reject) => {
    const worker = startWorker(data);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      control.signal.removeEventListener('abort', cancel);
      outcome();
    };
    function cancel() {
      Atomics.store(new Int32Array(data.cancelFlag), 0, 1);
      setTimeout(() => void worker.terminate(), STOP_AFTER_MS).unref();
    }
    control.signal.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: ExportWorkerMessage) => {
      switch (message.type) {
        case 'loaded':
          return loaded();
        case 'progress':
          return control.progress({ done: message.bytes, message: `Writing ${message.file}…` });
        case 'done':
          return settle(() => resolve({ kind: 'export', name: where!, download: false, bytes: message.bytes, notice: message.notice }));
        case 'download': {
          const dispose = () => fs.rmSync(message.folder, { recursive: true, force: true });
          if (control.signal.aborted) {
            dispose();
            return settle(() => reject(new CancelledError()));
          }
          host.keepDownload(control.id, { name: message.name, type: message.mediaType, file: message.file, folder: message.folder, notice: message.notice, dispose });
          return settle(() => resolve({ kind: 'export', name: message.name, download: true, bytes: fs.statSync(message.file).size, notice: message.notice }));
        }
        case 'error':
          return settle(() => reject(message.code === 'cancelled' ? new CancelledError() : message.code === 'internal' ? new Error(message.message) : new GainsayError(message.code, message.message)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', () => settle(() => reject(control.signal.aborted ? new CancelledError() : new Error('The export thread ended without a word.'))));
  });
}
