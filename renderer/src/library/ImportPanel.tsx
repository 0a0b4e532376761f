import type { ImportState } from './useImportQueue';

const LABELS = { imported: 'Imported', duplicate: 'Skipped (duplicate)', refused: 'Refused' } as const;

/**
 * An import's progress, then what became of each file, and the files it did not reach when it
 * was stopped (a record of what to import again).
 */
export function ImportPanel({ state, onCancel, onDismiss }: { state: ImportState; onCancel: () => void; onDismiss: () => void }) {
  if (!state.running && state.outcomes.length === 0 && state.notReached.length === 0) return null;
  const count = (status: string) => state.outcomes.filter((o) => o.status === status).length;
  return (
    <section className="import-panel" aria-label="Import" aria-live="polite">
      {state.running ? (
        <div className="import-progress">
          <span>
            Importing {Math.min(state.done + 1, state.total)} of {state.total}
            {state.current ? ` — ${state.current}` : ''}
          </span>
          <progress max={state.total} value={state.done} aria-label="Import progress" />
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel import
          </button>
        </div>
      ) : (
        <div className="import-summary">
          <strong role="status">
            {state.cancelled ? 'Import cancelled: ' : state.interrupted ? 'Import interrupted when the page was reloaded: ' : ''}
            {count('imported')} imported, {count('duplicate')} skipped as duplicates, {count('refused')} refused.
          </strong>
          <button type="button" className="secondary" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
      {state.notReached.length > 0 && (
        <details className="import-not-reached" open>
          <summary>
            {state.notReached.length} file{state.notReached.length === 1 ? ' was' : 's were'} not imported: the import stopped before {state.notReached.length === 1 ? 'it' : 'them'}
          </summary>
          <ul aria-label="Not imported">
            {state.notReached.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </details>
      )}
      <ul className="import-outcomes" aria-label="Import results">
        {state.outcomes.map((outcome, i) => (
          <li key={i} className={`outcome outcome-${outcome.status}`}>
            <span className="outcome-status">{LABELS[outcome.status]}</span>
            <span className="outcome-name">{outcome.name}</span>
            <span className="outcome-message">{outcome.message}</span>
            {outcome.conflicts ? <Conflicts conflicts={outcome.conflicts} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Conflicts of a merged project file: the first ones, listed on demand. */
function Conflicts({ conflicts }: { conflicts: string[] }) {
  const SHOWN = 100;
  return (
    <details className="outcome-conflicts">
      <summary>
        {conflicts.length} conflict{conflicts.length === 1 ? '' : 's'} (this project’s records were kept)
      </summary>
      <ul>
        {conflicts.slice(0, SHOWN).map((conflict, i) => (
          <li key={i}>{conflict}</li>
        ))}
      </ul>
      {conflicts.length > SHOWN ? <p>… and {conflicts.length - SHOWN} more.</p> : null}
    </details>
  );
}
