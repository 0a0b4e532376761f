import { useState } from 'react';
import { megabytes } from '../../../shared/domain';
import { EXPORT_FORMATS, EXPORT_LABELS, type ExportFormat } from '../../../shared/export/formats';
import { apiFetch } from '../api/transport';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';

const DETAILS: Record<ExportFormat, string> = {
  sqlite: 'A consistent copy of this project file, readable by any SQLite tool.',
  json: 'Everything, with ids: rebuilds this project or merges into another (gainsay import).',
  csv: 'claims.csv, links.csv, actors.csv and articles.csv, zipped.',
  w3c: 'An AnnotationCollection: quote and code point selectors per claim; links as linking annotations.',
  brat: 'Texts and .ann files per article, annotation.conf, and a sidecar for links between articles; zipped.',
  refi: 'For MAXQDA, NVivo, ATLAS.ti and other QDA software: actors and tags as codes.',
  report: 'A briefing: contradictions side by side by actor pair, then claims per actor (HTML and Markdown, zipped).',
};

/**
 * Exports the project in one of the formats and hands the file to the browser's download (its
 * save dialog). Shows progress while the file is prepared and received.
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
      const response = await apiFetch(`api/export?format=${format}${format === 'csv' && bom ? '&bom=1' : ''}`);
      if (!response.ok) throw new Error(await response.text());
      const total = Number(response.headers.get('Content-Length') ?? 0);
      const reader = response.body!.getReader();
      const parts: Uint8Array[] = [];
      let received = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        parts.push(chunk.value);
        received += chunk.value.length;
        setProgress(`Downloading ${megabytes(received)}${total ? ` of ${megabytes(total)}` : ''}…`);
      }
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `gainsay-export-${format}`);
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      const notice = response.headers.get('X-Gainsay-Notice');
      setProgress(`Saved ${name} (${megabytes(received)}).${notice ? ` ${decodeURIComponent(notice)}` : ''}`);
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
