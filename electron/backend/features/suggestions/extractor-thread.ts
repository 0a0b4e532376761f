import { Worker } from 'node:worker_threads';
import type { RegistryActor } from '../../../../shared/assist/attribution/types';
import type { StoredExtraction } from './stored-form';

/** The worker's file name, bundled beside each host's entry point (scripts/build-node.mjs). */
export const SUGGEST_WORKER_FILE = 'suggest-worker.cjs';

/** The nice value of the extractor's thread on Linux (worker.ts): scheduled well behind the backend's thread, not starved. */
export const EXTRACTOR_NICENESS = 10;

export interface ExtractJob {
  id: number;
  text: string;
  registry: RegistryActor[];
}

export type ExtractReply = { id: number; hash: string; stored: StoredExtraction } | { id: number; error: string };

/** The extractor on another thread: one article at a time. */
export interface ExtractorThread {
  /** The extraction in the form it is stored in, and the text's hash; rejects if the extractor failed on this text or the thread died. */
  extract(text: string, registry: RegistryActor[]): Promise<{ hash: string; stored: StoredExtraction }>;
  close(): Promise<void>;
}

/** Starts the extractor's worker thread from its bundled script. */
export function startExtractorThread(script: string): ExtractorThread {
  const worker = new Worker(script);
  // Never what keeps a process alive: a CLI command ends when its work does.
  worker.unref();
  let next = 0;
  const pending = new Map<number, { resolve: (r: { hash: string; stored: StoredExtraction }) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  let died: Error | null = null;
  worker.on('message', (reply: ExtractReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if ('error' in reply) job.reject(new ExtractionFailed(reply.error));
    else job.resolve({ hash: reply.hash, stored: reply.stored });
  });
  worker.on('error', (error) => failAll((died = error)));
  worker.on('exit', (code) => failAll((died ??= new Error(`The suggestion worker stopped (exit code ${code}).`))));
  return {
    extract(text, registry) {
      if (died) return Promise.reject(died);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, text, registry } satisfies ExtractJob);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** The extractor threw on one article's text; the thread itself is fine. */
export class ExtractionFailed extends Error {}
