import { useEffect, useState } from 'react';
import { EXPORT_FORMATS, EXPORT_LABELS, type ExportFormat } from '../../../shared/export/formats';
import { inDesktopWindow } from '../api/transport';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';
import { JobProgress } from '../jobs/JobProgress';
import { exportLine } from '../jobs/job-lines';
import { cancelJob, showElsewhere, startJob, useJob } from '../jobs/jobs';

const DESKTOP = inDesktopWindow();
const FOLDER = DESKTOP ? 'in a folder you choose' : 'as one .zip file';

const DETAILS: Record<ExportFormat, string> = {
  sqlite: 'A consistent copy of this project file, readable by any SQLite tool.',
  json: 'Everything, with ids: rebuilds this project or merges into another (gainsay import).',
  csv: `claims.csv, links.csv, actors.csv and articles.csv, ${FOLDER}.`,
  w3c: 'An AnnotationCollection: quote and code point selectors per claim; links as linking annotations.',
  brat: `Texts and .ann files per article, annotation.conf, and a sidecar for links between articles, ${FOLDER}.`,
  refi: 'For MAXQDA, NVivo, ATLAS.ti and other QDA software: actors and tags as codes.',
  report: `A briefing: contradictions side by side by actor pair, then claims per actor; HTML and Markdown${DESKTOP ? '' : ', as one .zip file'}.`,
};

/** A format's name as the dialog lists it: browser downloads of folder formats say they are zipped ("CSV tables (.zip)"). */
const label = (format: ExportFormat) =>
  !DESKTOP && (format === 'csv' || format === 'brat' || format === 'report') ? `${EXPORT_LABELS[format].replace(/ \(folder\)$/, '')} (.zip)` : EXPORT_LABELS[format];

/**
 * Exports the project in one of the formats, as a job: in the desktop window to where the analyst
 * chooses in the system's save dialog, in browser mode as a download. Shows the job's progress,
 * and Cancel stops it without leaving anything half-written. Closing the dialog does not stop
 * the export: the jobs panel goes on showing it.
 */
export function ExportDialog({ initialFormat, onClose }: { initialFormat: ExportFormat; onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  const [bom, setBom] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const view = useJob(jobId);
  useEffect(() => (jobId ? showElsewhere(jobId) : undefined), [jobId]);

  async function run() {
    setError(null);
    setStarting(true);
    try {
      const job = await startJob('exports.start', { format, bom: format === 'csv' && bom });
      setJobId(job?.id ?? null);
    } catch (e) {
      setError(`The export failed: ${(e as Error).message}`);
    } finally {
      setStarting(false);
    }
  }

  const running = starting || view?.job.state === 'running' || (!!view?.download && view.download.startsWith('Downloading'));
  return (
    <Dialog title="Export the project" onClose={onClose}>
      <fieldset className="export-formats" disabled={running}>
        <legend>Format</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f}>
            <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            <span>
              <strong>{label(f)}</strong>
              <span className="hint">{DETAILS[f]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {format === 'csv' && (
        <label className="checkbox">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} disabled={running} /> Add a byte-order mark (for Excel)
        </label>
      )}
      {view ? (
        <JobProgress view={view} line={exportLine(view)} />
      ) : (
        <p className="hint" role="status" aria-live="polite">
          {starting ? 'Preparing the export…' : 'Offsets in every format are Unicode code points into the stored article text.'}
        </p>
      )}
      <FieldError message={error ?? (view?.job.state === 'failed' ? `The export failed: ${view.job.error}` : view?.downloadFailed ? view.download : null)} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
        {view?.job.state === 'running' ? (
          <button type="button" className="secondary" onClick={() => void cancelJob(view.job.id)}>
            Cancel export
          </button>
        ) : (
          <button type="button" onClick={run} disabled={running}>
            Export
          </button>
        )}
      </div>
    </Dialog>
  );
}
