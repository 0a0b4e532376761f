import { useEffect, useState } from 'react';
import type { Link, ListedLink } from '../../../shared/domain';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';
import type { NoteValue } from '../components/NoteEditor';
import { NoteField } from '../components/NoteField';
import { submitOnModEnter } from '../keyboard';

/**
 * Edits a link's rationale (rich text); Ctrl/Cmd+Enter saves. Lists carry a rationale's text
 * only, cut short (ListedLink): the whole one, with its editor state, is read first.
 */
export function RationaleDialog({ link, onClose }: { link: ListedLink; onClose: () => void }) {
  const [whole, setWhole] = useState<Link | null>(null);
  /** The rationale as edited here; null until it is edited (the stored one is then kept as it is). */
  const [value, setValue] = useState<NoteValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.call('links.get', { id: link.id }).then(
      (read) => current && setWhole(read),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [link.id]);

  async function save() {
    try {
      if (value) await api.call('links.update', { id: link.id, rationaleJson: value.json, rationaleText: value.text });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Dialog title={`Rationale: ${link.a.actor.name} ${link.kind === 'contradicts' ? 'vs' : 'and'} ${link.b.actor.name}`} onClose={onClose}>
      <div className="rationale-dialog" onKeyDown={submitOnModEnter(() => void save())}>
        {whole ? (
          <NoteField label="Rationale" json={whole.rationaleJson} text={whole.rationaleText} onChange={setValue} autoFocus placeholder="Why these claims contradict (or agree), and how sure you are…" />
        ) : (
          !error && <p className="muted">Reading the rationale…</p>
        )}
        <p className="hint">Ctrl+Enter saves; Escape closes without saving.</p>
        <FieldError message={error} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" onClick={save} disabled={!whole}>
            Save rationale
          </button>
        </div>
      </div>
    </Dialog>
  );
}
