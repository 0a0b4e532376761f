/**
 * The worker thread that runs the attribution extractor for background suggesting (bundled as
 * suggest-worker.cjs beside each host's entry point). It sees only text and the actor registry,
 * never the project file: the backend's thread holds the file's exclusive lock and does the
 * reading and writing; the extraction is the long part. It replies with the rows as they are
 * stored (stored-form.ts), so that the backend's thread only inserts them.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { extractAttributions } from '../../../../shared/assist/attribution/extract';
import { EXTRACTOR_NICENESS, type ExtractJob, type ExtractReply } from './extractor-thread';
import { storedForm } from './stored-form';
import { textHash } from './text-hash';

// On Linux a nice value belongs to a thread, so this lowers the extractor's thread alone: where
// the cores are busy, the backend's thread, which answers the windows, runs first (on a loaded
// two-core machine it otherwise waited behind the extractor). Elsewhere the call would lower the
// whole app's process, so it is not made there.
if (process.platform === 'linux') {
  try {
    os.setPriority(EXTRACTOR_NICENESS);
  } catch {
    // Not allowed here: the thread keeps the process's priority, as before.
  }
}

parentPort!.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    reply = { id: job.id, hash: textHash(job.text), stored: storedForm(extractAttributions(job.text, job.registry)) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
