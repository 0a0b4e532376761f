/**
 * The worker thread that runs the attribution extractor for background suggesting (bundled as
 * suggest-worker.cjs beside each host's entry point). It sees only text and the actor registry,
 * never the project file: the backend's thread holds the file's exclusive lock and does the
 * reading and writing, which take microseconds per article; the extraction is the long part.
 */
import { parentPort } from 'node:worker_threads';
import { extractAttributions } from '../../../../shared/assist/attribution/extract';
import type { ExtractJob, ExtractReply } from './extractor-thread';
import { textHash } from './text-hash';

parentPort!.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    reply = { id: job.id, hash: textHash(job.text), extraction: extractAttributions(job.text, job.registry) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
