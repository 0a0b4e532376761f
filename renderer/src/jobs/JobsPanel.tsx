import { ImportPanel } from '../library/ImportPanel';
import { JobProgress } from './JobProgress';
import { exportLine, importState } from './job-lines';
import { cancelJob, dismissJob, panelJobs, useJobs, type JobView } from './jobs';

/**
 * Exports, imports and background suggesting under way or just ended, wherever they were started
 * (the desktop's menus, another tab, a dialog since closed): progress, Cancel, and the outcome
 * until dismissed.
 */
export function JobsPanel() {
  const shown = panelJobs(useJobs());
  if (shown.length === 0) return null;
  return (
    <section className="jobs-panel" aria-label="Jobs">
      {shown.map((view) =>
        view.job.kind === 'import' ? (
          <div key={view.job.id} className="job">
            <strong>{view.job.label}</strong>
            {view.job.state === 'failed' && <p role="alert">{view.job.error}</p>}
            <ImportPanel state={importState(view)} onCancel={() => void cancelJob(view.job.id)} onDismiss={() => dismissJob(view.job.id)} />
          </div>
        ) : (
          <div key={view.job.id} className="job">
            <strong>{view.job.label}</strong>
            <JobProgress view={view} line={view.job.kind === 'suggest' ? view.job.message : exportLine(view)} />
            {view.job.state === 'running' ? (
              <button type="button" className="secondary" onClick={() => void cancelJob(view.job.id)}>
                {view.job.kind === 'suggest' ? 'Stop suggesting' : 'Cancel export'}
              </button>
            ) : (
              <button type="button" className="secondary" onClick={() => dismissJob(view.job.id)}>
                Dismiss
              </button>
            )}
          </div>
        ),
      )}
    </section>
  );
}
