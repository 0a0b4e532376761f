import { randomUUID } from 'node:crypto';
import { GainsayError } from '../../../shared/errors';
import type { JobKind, JobResult, JobSnapshot } from '../../../shared/jobs';

/** What a running job is given: the signal that says it was cancelled, and a way to report progress. */
export interface JobControl {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(update: Partial<Pick<JobSnapshot, 'done' | 'total' | 'message'>>): void;
}

/** Thrown by a job that stopped because it was cancelled, with what it did before it stopped, if anything stays. */
export class CancelledError extends GainsayError {
  constructor(
    what = 'nothing was written',
    readonly result: JobResult | null = null,
  ) {
    super('cancelled', `Stopped: ${what}.`);
  }
}

/** Progress events are sent at most this often per job (a change of state is sent at once). */
const PROGRESS_EVERY_MS = 100;

/** Finished jobs remembered for `jobs.list` (a page reloaded mid-export still learns the end). */
const KEPT_FINISHED = 20;

interface Running {
  snapshot: JobSnapshot;
  controller: AbortController;
  finished: Promise<JobSnapshot>;
}

/**
 * The open project's jobs: each runs once, reports progress to every listener (the hosts pass it
 * on to their pages), and can be cancelled. Errors end the job as failed, with the message a
 * GainsayError carries, or a general one (the details go to the log).
 */
export class Jobs {
  private readonly jobs = new Map<string, Running>();
  private readonly listeners = new Set<(job: JobSnapshot) => void>();

  start(kind: JobKind, label: string, unit: JobSnapshot['unit'], run: (control: JobControl) => Promise<JobResult>): JobSnapshot {
    const snapshot: JobSnapshot = { id: randomUUID(), kind, label, state: 'running', done: 0, total: null, unit, message: 'Starting…', result: null, error: null };
    const controller = new AbortController();
    let lastSent = 0;
    const control: JobControl = {
      id: snapshot.id,
      signal: controller.signal,
      progress: (update) => {
        if (snapshot.state !== 'running') return;
        Object.assign(snapshot, update);
        const now = Date.now();
        if (now - lastSent >= PROGRESS_EVERY_MS) {
          lastSent = now;
          this.emit(snapshot);
        }
      },
    };
    const finished = (async () => {
      // Begins after start() has returned, so the caller hears every event of the job.
      await Promise.resolve();
      try {
        snapshot.result = await run(control);
        snapshot.state = 'done';
        snapshot.message = 'Done.';
      } catch (error) {
        if (error instanceof CancelledError) {
          snapshot.state = 'cancelled';
          snapshot.message = error.message;
          snapshot.result = error.result;
        } else {
          snapshot.state = 'failed';
          if (!(error instanceof GainsayError)) console.error(`[gainsay] ${label} failed:`, error);
          snapshot.error = error instanceof GainsayError ? error.message : `${label} failed; the details are in the log.`;
          snapshot.message = snapshot.error;
        }
      }
      this.emit(snapshot);
      this.forgetOldFinished();
      return { ...snapshot };
    })();
    this.jobs.set(snapshot.id, { snapshot, controller, finished });
    this.emit(snapshot);
    return { ...snapshot };
  }

  /** Asks a running job to stop; false when there is no such job, it has ended, or it was asked already. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.snapshot.state !== 'running' || job.controller.signal.aborted) return false;
    job.snapshot.message = 'Stopping…';
    job.controller.abort();
    this.emit(job.snapshot);
    return true;
  }

  list(): JobSnapshot[] {
    return [...this.jobs.values()].map((job) => ({ ...job.snapshot }));
  }

  /** The job as it ends. */
  finished(id: string): Promise<JobSnapshot> {
    const job = this.jobs.get(id);
    if (!job) throw new GainsayError('not_found', 'There is no such job.');
    return job.finished;
  }

  /** Calls `listener` with every event; returns the function that stops it. */
  onEvent(listener: (job: JobSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels every running job and waits for them to end (the project is closing). */
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.snapshot.state === 'running');
    for (const job of running) job.controller.abort();
    await Promise.all(running.map((job) => job.finished));
  }

  private emit(snapshot: JobSnapshot): void {
    const copy = { ...snapshot };
    for (const listener of this.listeners) listener(copy);
  }

  private forgetOldFinished(): void {
    const finished = [...this.jobs.values()].filter((job) => job.snapshot.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED))) this.jobs.delete(job.snapshot.id);
  }
}
