import { useEffect, useRef, useState } from 'react';
import { MAX_WINDOW_PROJECT_JSON, fileSize, type ImportOutcome } from '../../../shared/domain';
import { ANNOTATION_FORMAT_LABELS, readMapping, type AnnotationMapping, type AnnotationPreview } from '../../../shared/import-mappings';
import { api } from '../api/client';
import { inDesktopWindow, saveBlob } from '../api/transport';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';
import { JobProgress } from '../jobs/JobProgress';
import { showElsewhere, startJob, useJob } from '../jobs/jobs';
import { fileToBase64 } from './files';
import { MappingEditor } from './MappingEditor';

const DESKTOP = inDesktopWindow();

/**
 * Browser mode: the files chosen, sent to the backend to be held for the import. A folder's own
 * files only (brat and W3C read the files beside each other; subfolders are other collections).
 */
async function uploadChosen(list: File[], folderChosen: boolean): Promise<AnnotationPreview | null> {
  const files = folderChosen ? list.filter((f) => f.webkitRelativePath.split('/').length === 2) : list;
  const shown = files.filter((f) => !f.name.startsWith('.'));
  const bytes = shown.reduce((sum, f) => sum + f.size, 0);
  if (bytes > MAX_WINDOW_PROJECT_JSON) {
    throw new Error(`The chosen files are ${fileSize(bytes)}; an import from the window takes up to ${fileSize(MAX_WINDOW_PROJECT_JSON)}. Use gainsay import --project FILE [--mapping MAPPING.json] PATH.`);
  }
  if (shown.length === 0) throw new Error('The chosen folder has no files.');
  const folder = folderChosen ? (list[0]?.webkitRelativePath.split('/')[0] ?? null) : null;
  return api.call('annotations.preview', { folder, files: await Promise.all(shown.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f) }))) });
}

/** What the import did: its line, the problems or documents, the annotations left out. */
function Outcome({ outcome }: { outcome: ImportOutcome }) {
  return (
    <div className={`annotation-outcome outcome-${outcome.status}`}>
      <p role="status" className="outcome-message">
        {outcome.message}
      </p>
      {outcome.documents && (
        <ul aria-label="Documents imported">
          {outcome.documents.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {outcome.unanchored && (
        <details open>
          <summary>{outcome.unanchored.length} annotations could not be anchored and were left out</summary>
          <ul aria-label="Not anchored">
            {outcome.unanchored.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * Imports another tool's annotations — a brat folder, a W3C Web Annotation file with its texts, a
 * REFI-QDA .qdpx — after a preview: the documents and the types found with their counts, and the
 * mapping of those types to claims, actors, channels and links, editable, loaded from or saved as
 * the JSON file `gainsay import --mapping` takes. The import is a job (all or nothing); the
 * desktop chooses in its own dialog, browser mode sends the chosen files.
 */
export function AnnotationImportDialog({ onClose }: { onClose: () => void }) {
  const [preview, setPreview] = useState<AnnotationPreview | null>(null);
  const [mapping, setMapping] = useState<AnnotationMapping | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const view = useJob(jobId);
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const mappingInput = useRef<HTMLInputElement>(null);
  /** Held by the backend and not imported: let go when the dialog closes or another choice replaces it. */
  const held = useRef<string | null>(null);

  useEffect(() => {
    return () => {
      if (held.current) void api.call('annotations.discard', { id: held.current }).catch(() => undefined);
    };
  }, []);
  useEffect(() => (jobId ? showElsewhere(jobId) : undefined), [jobId]);

  async function choose(get: () => Promise<AnnotationPreview | null>) {
    setError(null);
    setBusy(true);
    try {
      const found = await get();
      if (!found) return;
      if (held.current) void api.call('annotations.discard', { id: held.current }).catch(() => undefined);
      held.current = found.id;
      setPreview(found);
      setMapping(found.mapping);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function pick(kind: 'folder' | 'files') {
    if (DESKTOP) void choose(() => api.call('annotations.preview', { choose: kind }));
    else (kind === 'folder' ? folderInput : filesInput).current?.click();
  }

  async function loadMapping(file: File) {
    if (!preview) return;
    const read = readMapping(preview.format, file.name, await file.text());
    if ('problem' in read) setError(read.problem);
    else {
      setError(null);
      setMapping({ format: preview.format, mapping: read.mapping } as AnnotationMapping);
    }
  }

  async function runImport() {
    if (!preview || !mapping) return;
    setError(null);
    setBusy(true);
    try {
      const job = await startJob('annotations.import', { id: preview.id, mapping });
      held.current = null;
      setJobId(job?.id ?? null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const running = busy || view?.job.state === 'running';
  const outcome = view?.job.result?.kind === 'import' ? view.job.result.outcomes[0] : undefined;
  return (
    <Dialog title="Import annotations" onClose={onClose}>
      <p className="hint">A brat folder (.ann files beside their .txt), a W3C Web Annotation file (.jsonld) chosen with its texts, or a REFI-QDA .qdpx.</p>
      <div className="import-actions" role="group" aria-label="Choose annotations">
        <button type="button" className={preview ? 'secondary' : ''} onClick={() => pick('folder')} disabled={running || !!jobId}>
          Choose a folder…
        </button>
        <button type="button" className="secondary" onClick={() => pick('files')} disabled={running || !!jobId}>
          Choose files…
        </button>
        <input
          ref={(input) => {
            // Set as it mounts: the dialog's contents mount after this component's effects run.
            folderInput.current = input;
            input?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          multiple
          hidden
          aria-label="Choose a folder of annotations"
          onChange={(e) => {
            const list = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (list.length) void choose(() => uploadChosen(list, true));
          }}
        />
        <input
          ref={filesInput}
          type="file"
          multiple
          hidden
          accept=".jsonld,.json,.txt,.qdpx,.ann"
          aria-label="Choose annotation files"
          onChange={(e) => {
            const list = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (list.length) void choose(() => uploadChosen(list, false));
          }}
        />
      </div>
      {busy && !preview && (
        <p className="hint" role="status">
          Reading the chosen files…
        </p>
      )}
      {preview && mapping && (
        <section className="annotation-preview" aria-label="Preview">
          <p>
            <strong>{preview.name}</strong>: {ANNOTATION_FORMAT_LABELS[preview.format]}, {preview.documents.toLocaleString()} {preview.documents === 1 ? 'document' : 'documents'}
          </p>
          {preview.problems.length > 0 && (
            <div role="alert" className="field-error">
              The import will refuse these files until these are put right:
              <ul aria-label="Problems found">
                {preview.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <fieldset className="mapping" disabled={running || !!jobId}>
            <legend>Mapping</legend>
            <MappingEditor preview={preview} mapping={mapping} onChange={setMapping} />
          </fieldset>
          <div className="import-actions" role="group" aria-label="Mapping file">
            <button type="button" className="secondary" onClick={() => mappingInput.current?.click()} disabled={running || !!jobId}>
              Load mapping…
            </button>
            <button
              type="button"
              className="secondary"
              disabled={running || !!jobId}
              onClick={() => saveBlob(new Blob([`${JSON.stringify(mapping.mapping, null, 2)}\n`], { type: 'application/json' }), `${preview.format}-mapping.json`)}
            >
              Save mapping…
            </button>
            <input
              ref={mappingInput}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label="Load a mapping file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void loadMapping(file);
              }}
            />
          </div>
        </section>
      )}
      {view && !outcome && <JobProgress view={view} line={view.job.state === 'failed' ? `The import failed: ${view.job.error}` : view.job.message} />}
      {outcome && <Outcome outcome={outcome} />}
      <FieldError message={error} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {jobId ? 'Close' : 'Cancel'}
        </button>
        {!jobId && (
          <button type="button" onClick={() => void runImport()} disabled={!preview || running}>
            Import
          </button>
        )}
      </div>
    </Dialog>
  );
}
