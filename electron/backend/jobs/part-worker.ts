import { parentPort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { runPart } from '../export/run-part';
import { observeWrites } from '../export/output';
import { errorToMessage, type PartThreadData, type PartThreadMessage, type PartThreadRequest } from './export-protocol';
import { CancelledError } from './jobs';
import { letGoOf, openCopy } from './project-copy';

/**
 * The second thread of an export (part-thread.ts): makes its own copy of the project from the
 * bytes it is given, then the parts it is asked for, one at a time. Stopped by the export's cancel
 * flag or by its stop flag, which the next write sees; the part then removes what it had begun.
 */
export function serveParts(data: PartThreadData): void {
  const cancelled = new Int32Array(data.cancelFlag);
  const stopped = new Int32Array(data.stopFlag);
  observeWrites(() => {
    if (Atomics.load(cancelled, 0) || Atomics.load(stopped, 0)) throw new CancelledError();
  });
  const post = (message: PartThreadMessage) => parentPort!.postMessage(message);
  let db: Database.Database | null = null;
  let loadError: unknown = null;
  // One message at a time: a part runs to its end before the next message is read.
  let queue = Promise.resolve();
  parentPort!.on('message', (message: PartThreadRequest) => {
    queue = queue.then(async () => {
      if (message.type === 'load') {
        try {
          const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
          db = openCopy(bytes);
          letGoOf(bytes);
        } catch (error) {
          loadError = error;
        }
        return;
      }
      try {
        if (!db) throw loadError ?? new Error('The export\u2019s second thread was asked for a part before it had the project.');
        post({ type: 'done', id: message.id, result: await runPart(db, message.request) });
      } catch (error) {
        post({ type: 'error', id: message.id, ...errorToMessage(error) });
      }
    });
  });
}
