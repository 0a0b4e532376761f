import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExportFormat } from '../../../shared/export/formats';
import { FORMATS_WITH_PARTS, type PartRequest, type PartResult, type RunningPart, type StartPart } from '../export/parts';
import { errorFromMessage, type PartThreadData, type PartThreadMessage } from './export-protocol';

/**
 * Below this size a second thread costs more than it saves: starting it and copying the project
 * take ~0.15 s, and the part of a 30 MB project's export it takes over about as long.
 */
export const SECOND_THREAD_FROM_BYTES = 32 * 1024 * 1024;

/**
 * Whether an export of a project file of `size` bytes is worth a second thread: the format has
 * parts, the machine has a core to spare, and memory for a second copy of the project with room
 * to work (the copy is as large as the file; the thread reads and builds about as much again).
 */
export function secondThreadPays(format: ExportFormat, size: number, machine = { cores: os.availableParallelism(), freeMemory: os.freemem() }): boolean {
  return FORMATS_WITH_PARTS.has(format) && size >= SECOND_THREAD_FROM_BYTES && machine.cores >= 2 && machine.freeMemory >= 3 * size;
}

/** How long a part asked to stop may take to notice before its thread is stopped outright. */
const STOP_AFTER_MS = 10_000;

/**
 * From an export thread: a second thread that makes the export's parts (export/parts.ts) from a
 * copy of the project of its own, on another core, while the export thread makes the rest.
 * Started before the project is read, so that its start overlaps the read; given the bytes read
 * (shared memory, not copied), it makes its own copy of them while the export thread makes its.
 */
export class PartThread {
  private readonly worker: Worker;
  /** One Int32: set to 1 to stop the part under way (the export has failed). */
  private readonly stopFlag = new SharedArrayBuffer(4);
  private readonly waiting = new Map<number, { resolve: (result: PartResult) => void; reject: (error: unknown) => void }>();
  private nextId = 0;
  private ended: Error | null = null;

  /** `script`: the export thread's own (it serves parts when started so); `cancelFlag`: the export's. */
  constructor(script: string, cancelFlag: SharedArrayBuffer) {
    const workerData: PartThreadData = { kind: 'part', cancelFlag, stopFlag: this.stopFlag };
    this.worker = new Worker(script, { workerData });
    this.worker.on('message', (message: PartThreadMessage) => {
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      if (message.type === 'done') waiting.resolve(message.result);
      else waiting.reject(errorFromMessage(message.code, message.message));
    });
    this.worker.on('error', (error) => this.end(error));
    this.worker.on('exit', () => this.end(new Error('The export\u2019s second thread ended without a word.')));
  }

  /** The project's main file as read: its memory is handed to the thread, which lets it go once it has its copy. */
  load(bytes: Buffer): void {
    this.worker.postMessage({ type: 'load', bytes }, [bytes.buffer as ArrayBuffer]);
  }

  readonly start: StartPart = (request: PartRequest): RunningPart => {
    const id = this.nextId++;
    const done = new Promise<PartResult>((resolve, reject) => {
      if (this.ended) return reject(this.ended);
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'run', id, request });
    });
    return {
      done,
      stop: async () => {
        Atomics.store(new Int32Array(this.stopFlag), 0, 1);
        const timer = setTimeout(() => void this.worker.terminate(), STOP_AFTER_MS);
        await done.catch(() => undefined);
        clearTimeout(timer);
      },
    };
  };

  /** Ends the thread (its parts are done or stopped by now). */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private end(error: Error): void {
    this.ended ??= error;
    for (const { reject } of this.waiting.values()) reject(this.ended);
    this.waiting.clear();
  }
}
