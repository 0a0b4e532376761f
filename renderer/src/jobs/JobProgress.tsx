import type { JobView } from './jobs';

/** A job's progress bar (without a value while its length is unknown) and its line, read out as it changes. */
export function JobProgress({ view, line }: { view: JobView; line: string }) {
  const { job } = view;
  return (
    <div className="job-progress">
      {job.state === 'running' &&
        (job.total ? <progress max={job.total} value={job.done} aria-label={`${job.label}: progress`} /> : <progress aria-label={`${job.label}: progress`} />)}
      <p className="hint" role="status" aria-live="polite">
        {line}
      </p>
    </div>
  );
}
