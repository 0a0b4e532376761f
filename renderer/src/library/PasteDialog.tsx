import { useMemo, useState, type ClipboardEvent, type FormEvent } from 'react';
import { fileSize, pasteSizeRefusal, utf8Bytes, type ImportOutcome } from '../../../shared/domain';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';

/**
 * Pasted text longer than this is held by the dialog instead of being put in the text box: the
 * browser takes tens of seconds to lay out megabytes in a text box (30 s for 25 MB), during which
 * the window does not answer.
 */
const SHOWN_IN_BOX = 1_000_000;

/** Paste an article's text (site chrome and all) to add it to the project. */
export function PasteDialog({ onClose, onDone }: { onClose: () => void; onDone: (outcome: ImportOutcome) => void }) {
  const [text, setText] = useState('');
  /** A long paste, held out of the text box. */
  const [held, setHeld] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Said at once, before anything is sent: a text over the limit would only be refused.
  const size = useMemo(() => utf8Bytes(held ?? text), [held, text]);
  const tooLarge = pasteSizeRefusal(size);

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = event.clipboardData.getData('text/plain');
    if (pasted.length <= SHOWN_IN_BOX) return;
    event.preventDefault();
    setHeld(pasted);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (tooLarge) return;
    setBusy(true);
    try {
      const outcome = await api.call('articles.paste', { text: held ?? text, title });
      if (outcome.status === 'refused') setError(outcome.message);
      else onDone(outcome);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Paste an article" onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <label>
          Article text
          <textarea
            value={held === null ? text : ''}
            hidden={held !== null}
            onChange={(e) => setText(e.target.value)}
            onPaste={onPaste}
            rows={14}
            autoFocus
            placeholder="Paste the whole page; menus, newsletter boxes and ad markers are removed."
          />
        </label>
        {held !== null && (
          <div className="pasted-held" role="group" aria-label="Pasted text">
            <p>
              Pasted {fileSize(size)} of text, kept out of the box so that the window stays quick. It begins: “{held.slice(0, 160).trim()}…”
            </p>
            <button type="button" className="secondary" onClick={() => setHeld(null)} disabled={busy}>
              Clear the pasted text
            </button>
          </div>
        )}
        <label>
          Title (optional; otherwise the headline is used)
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
        </label>
        <FieldError message={tooLarge ?? error} />
        {busy && (
          <div className="job-progress" role="status" aria-live="polite">
            <progress aria-label="Adding the article" />
            <span className="hint">Adding the article: removing site chrome and indexing its text…</span>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" disabled={busy || !!tooLarge || (held ?? text).trim() === ''}>
            {busy ? 'Adding…' : 'Add article'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
