import { useState } from 'react';
import { EXPORT_FORMATS, EXPORT_LABELS, type ExportFormat } from '../../../shared/export/formats';
import { exportProject } from '../api/transport';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';

const DETAILS: Record<ExportFormat, string> = {
  sqlite: 'A consistent copy of this project file, readable by any SQLite tool.',
  json: 'Everything, with ids: rebuilds this project or merges into another (gainsay import).',
  csv: 'claims.csv, links.csv, actors.csv and articles.csv in a folder (a .zip when downloaded in the browser).',
  w3c: 'An AnnotationCollection: quote and code point selectors per claim; links as linking annotations.',
  brat: 'Texts and .ann files per article, annotation.conf, and a sidecar for links between articles, in a folder (a .zip when downloaded in the browser).',
  refi: 'For MAXQDA, NVivo, ATLAS.ti and other QDA software: actors and tags as codes.',
  report: 'A briefing: contradictions side by side by actor pair, then claims per actor (HTML and Markdown; a .zip when downloaded in the browser).',
};

/**
 * Exports the project in one of the formats: in the desktop window to where the analyst chooses
 * in the system's save dialog, in browser mode as a download. Shows progress meanwhile.
 */
export function ExportDialog({ initialFormat, onClose }: { initialFormat: ExportFormat; onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  const [bom, setBom] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setError(null);
    setProgress('Preparing the export…');
    try {
      const done = await exportProject({ format, bom: format === 'csv' && bom }, setProgress);
      setProgress(done ? `Saved ${done.name}.${done.notice ? ` ${done.notice}` : ''}` : null);
    } catch (e) {
      setProgress(null);
      setError(`The export failed: ${(e as Error).message}`);
    }
  }

  const busy = !!progress && !progress.startsWith('Saved');
  return (
    <Dialog title="Export the project" onClose={onClose}>
      <fieldset className="export-formats">
        <legend>Format</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f}>
            <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            <span>
              <strong>{EXPORT_LABELS[f]}</strong>
              <span className="hint">{DETAILS[f]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {format === 'csv' && (
        <label className="checkbox">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> Add a byte-order mark (for Excel)
        </label>
      )}
      <p className="hint" role="status" aria-live="polite">
        {progress ?? 'Offsets in every format are Unicode code points into the stored article text.'}
      </p>
      <FieldError message={error} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
        <button type="button" onClick={run} disabled={busy}>
          Export
        </button>
      </div>
    </Dialog>
  );
}
