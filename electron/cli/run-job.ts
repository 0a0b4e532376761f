import { GainsayError } from '../../shared/errors';
import { fileSize } from '../../shared/domain';
import type { JobSnapshot } from '../../shared/jobs';
import type { Backend } from '../backend/backend';
import type { Host } from '../backend/host';

/** The CLI as a host: what to write and read was given on the command line. */
export function commandLineHost(given: { out?: string; paths?: string[]; mappingFile?: string }): Host {
  return {
    exportTarget: async () => (given.out ? { kind: 'path', path: given.out } : null),
    importPaths: async () => (given.paths ? { paths: given.paths, mapping: given.mappingFile ? { file: given.mappingFile } : undefined } : null),
    keepDownload: (_jobId, download) => download.dispose(),
  };
}

function progressLine(job: JobSnapshot): string {
  const amount = job.unit === 'bytes' ? fileSize(job.done) : `${job.done}${job.total === null ? '' : ` of ${job.total}`} ${job.unit}`;
  return `${job.label}: ${amount} · ${job.message}`;
}

/** Shows a progress line in place on a terminal's stderr (nothing when stderr is not a terminal); null clears it. */
export function showProgress(line: string | null): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line ?? ''}`);
}

/**
 * Starts a job through the contract, as the window does, and waits for its end: progress on one
 * line of a terminal's stderr, and Ctrl+C stops the job (a second Ctrl+C quits at once).
 */
export async function runJob(backend: Backend, method: 'exports.start' | 'imports.start', input: unknown, host: Host): Promise<JobSnapshot> {
  const started = await backend.invoke(method, input, undefined, host);
  if (!started.ok) throw new GainsayError(started.error.code, started.error.message);
  const job = started.value as JobSnapshot | null;
  if (!job) throw new GainsayError('invalid_input', 'Nothing to do.');
  const stopFollowing = backend.jobs.onEvent((event) => {
    if (event.id === job.id && event.state === 'running') showProgress(progressLine(event));
  });
  let interrupted = false;
  const interrupt = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    showProgress('Stopping (Ctrl+C again to quit at once)…');
    backend.jobs.cancel(job.id);
  };
  process.on('SIGINT', interrupt);
  try {
    return await backend.jobs.finished(job.id);
  } finally {
    process.off('SIGINT', interrupt);
    stopFollowing();
    showProgress(null);
  }
}
