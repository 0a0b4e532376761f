import { useState, type KeyboardEvent } from 'react';
import type { Link } from '../../../shared/domain';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';
import type { NoteValue } from '../components/NoteEditor';
import { NoteField } from '../components/NoteField';

/** Edits a link's rationale (rich text); Ctrl/Cmd+Enter saves. */
export function RationaleDialog({ link, onClose }: { link: Link; onClose: () => void }) {
  /** The rationale as edited here; null until it is edited (the stored one is then kept as it is). */
  const [value, setValue] = useState<NoteValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    try {
      if (value) await api.call('links.update', { id: link.id, rationaleJson: value.json, rationaleText: value.text });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function onKey(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <Dialog title={`Rationale: ${link.a.actor.name} ${link.kind === 'contradicts' ? 'vs' : 'and'} ${link.b.actor.name}`} onClose={onClose}>
      <div className="rationale-dialog" onKeyDown={onKey}>
        <NoteField label="Rationale" json={link.rationaleJson} text={link.rationaleText} onChange={setValue} autoFocus placeholder="Why these claims contradict (or agree), and how sure you are…" />
        <p className="hint">Ctrl+Enter saves; Escape closes without saving.</p>
        <FieldError message={error} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" onClick={save}>
            Save rationale
          </button>
        </div>
      </div>
    </Dialog>
  );
}
