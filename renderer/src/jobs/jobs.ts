import { useSyncExternalStore } from 'react';
import type { Input } from '../../../shared/contract';
import type { JobSnapshot } from '../../../shared/jobs';
import { api, announceChange } from '../api/client';
import { fetchDownload, onJobEvent } from '../api/transport';

/**
 * The project's jobs as this page knows them: every job's latest event (wherever it was started:
 * this page, another tab, the desktop's menus), and, for exports this page started in browser
 * mode, the download that follows. Views read it with useJobs().
 */
export interface JobView {
  job: JobSnapshot;
  /** Started from this page. */
  mine: boolean;
  /** Browser mode, after an export of this page: the download under way or how it ended. */
  download: string | null;
  downloadFailed: boolean;
}

let views: JobView[] = [];
const hidden = new Set<string>();
/** Jobs a dialog shows while it is open, so the jobs panel does not show them twice. */
const shownElsewhere = new Set<string>();
const listeners = new Set<() => void>();

function publish(): void {
  views = [...views];
  listeners.forEach((listener) => listener());
}

function update(id: string, change: (view: JobView) => JobView): void {
  views = views.map((view) => (view.job.id === id ? change(view) : view));
  publish();
}

/** How often the views catch up with an import under way (they re-read the project whole once it ends). */
export const IMPORT_CATCH_UP_MS = 2_000;
let importCaughtUp = -Infinity;

function receive(job: JobSnapshot, mine = false): void {
  if (hidden.has(job.id)) return;
  const known = views.find((view) => view.job.id === job.id);
  // A short job's last event can arrive before the answer that started it: that older snapshot changes nothing.
  if (known && known.job.state !== 'running' && job.state === 'running') {
    if (mine && !known.mine) update(job.id, (view) => ({ ...view, mine }));
    return;
  }
  const wasRunning = known ? known.job.state === 'running' : true;
  if (known) update(job.id, (view) => ({ ...view, job, mine: view.mine || mine }));
  else {
    views = [...views, { job, mine, download: null, downloadFailed: false }];
    publish();
  }
  if (job.kind === 'import' && job.state === 'running' && Date.now() - importCaughtUp >= IMPORT_CATCH_UP_MS) {
    // The desktop window's import job adds articles as it goes: the open views show them every few seconds.
    importCaughtUp = Date.now();
    announceChange('imports.start');
  }
  if (!wasRunning || job.state === 'running') return;
  // An import changed the project as it went: the open views re-read it.
  if (job.kind === 'import') announceChange('imports.start');
  const view = views.find((v) => v.job.id === job.id)!;
  if (job.state === 'done' && job.result?.kind === 'export' && job.result.download && view.mine) void download(job.id);
}

async function download(id: string): Promise<void> {
  try {
    const saved = await fetchDownload(id, (line) => update(id, (view) => ({ ...view, download: line })));
    update(id, (view) => ({ ...view, download: `Downloaded ${saved}.` }));
  } catch (error) {
    update(id, (view) => ({ ...view, download: `The download failed: ${(error as Error).message}`, downloadFailed: true }));
  }
}

onJobEvent((job) => receive(job));
// A page opened (or reloaded) while a job runs shows it too.
void api.call('jobs.list', {}).then(
  (jobs) => jobs.filter((job) => job.state === 'running').forEach((job) => receive(job)),
  () => undefined,
);

/** Starts an export or import job; null when the analyst cancelled the host's dialog. */
export async function startJob<M extends 'exports.start' | 'imports.start' | 'annotations.import'>(method: M, input: Input<M>): Promise<JobSnapshot | null> {
  const job = await api.call(method, input as never);
  if (job) receive(job as JobSnapshot, true);
  return job as JobSnapshot | null;
}

export async function cancelJob(id: string): Promise<void> {
  await api.call('jobs.cancel', { id });
}

/** Takes a finished job off the jobs panel. */
export function dismissJob(id: string): void {
  hidden.add(id);
  views = views.filter((view) => view.job.id !== id);
  publish();
}

/**
 * While a dialog shows a job, the jobs panel leaves it out; returns the function the dialog calls
 * as it closes: a job that ended there (download included) has been seen and stays out of the
 * panel, one still under way goes on in the panel.
 */
export function showElsewhere(id: string): () => void {
  shownElsewhere.add(id);
  publish();
  return () => {
    shownElsewhere.delete(id);
    const view = views.find((v) => v.job.id === id);
    if (view && view.job.state !== 'running' && !view.download?.startsWith('Downloading')) dismissJob(id);
    else publish();
  };
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useJobs(): JobView[] {
  return useSyncExternalStore(subscribe, () => views);
}

export function useJob(id: string | null): JobView | null {
  const all = useJobs();
  return id ? (all.find((view) => view.job.id === id) ?? null) : null;
}

/** Background suggesting that finished needs no word: the Suggestions lists show what it made. */
const finishedSuggesting = ({ job }: JobView) => job.kind === 'suggest' && job.state === 'done';

/** The jobs the panel shows: not dismissed, not in a dialog, not suggesting that finished. */
export const panelJobs = (all: JobView[]) => all.filter((view) => !hidden.has(view.job.id) && !shownElsewhere.has(view.job.id) && !finishedSuggesting(view));
