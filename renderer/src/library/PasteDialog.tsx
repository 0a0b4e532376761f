import { useState, type FormEvent } from 'react';
import type { ImportOutcome } from '../../../shared/domain';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';

/** Paste an article's text (site chrome and all) to add it to the project. */
export function PasteDialog({ onClose, onDone }: { onClose: () => void; onDone: (outcome: ImportOutcome) => void }) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const outcome = await api.call('articles.paste', { text, title });
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
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={14}
            autoFocus
            placeholder="Paste the whole page; menus, newsletter boxes and ad markers are removed."
          />
        </label>
        <label>
          Title (optional; otherwise the headline is used)
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
        </label>
        <FieldError message={error} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={busy || text.trim() === ''}>
            Add article
          </button>
        </div>
      </form>
    </Dialog>
  );
}
