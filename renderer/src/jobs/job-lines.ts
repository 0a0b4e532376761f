import { fileSize } from '../../../shared/domain';
import type { ImportJobResult } from '../../../shared/jobs';
import type { ImportState } from '../library/useImportQueue';
import type { JobView } from './jobs';

/** How far a running job is, in words: "12.3 MB written" or "26 of 150 files". */
function amountDone({ job }: JobView): string {
  if (job.unit === 'bytes') return job.done ? `${fileSize(job.done)} written` : '';
  return job.total === null ? `${job.done} files` : `${job.done} of ${job.total} files`;
}

/** One line for an export job: its progress, or where it went and what needed attention. */
export function exportLine(view: JobView): string {
  const { job } = view;
  if (job.state === 'running') return [job.message, amountDone(view)].filter(Boolean).join(' · ');
  if (job.state !== 'done' || job.result?.kind !== 'export') return job.message;
  const notice = job.result.notice ? ` ${job.result.notice}` : '';
  if (!job.result.download) return `Saved to ${job.result.name}.${notice}`;
  return `${view.download ?? (view.mine ? 'Ready to download…' : `Exported from another window as ${job.result.name}.`)}${notice}`;
}

/** An import job as the import panel shows an import. */
export function importState({ job }: JobView): ImportState {
  const result = job.result as ImportJobResult | null;
  return {
    running: job.state === 'running',
    total: job.total ?? 0,
    done: job.done,
    current: job.state === 'running' ? job.message : null,
    cancelled: job.state === 'cancelled',
    outcomes: result?.outcomes ?? [],
    notReached: result?.notReached ?? [],
    interrupted: false,
  };
}
