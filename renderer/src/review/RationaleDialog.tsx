import { useState, type KeyboardEvent } from 'react';
import type { Link } from '../../../shared/domain';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';
import { NoteEditor, type NoteValue } from '../components/NoteEditor';

/** Edits a link's rationale (rich text); Ctrl/Cmd+Enter saves. */
export function RationaleDialog({ link, onClose }: { link: Link; onClose: () => void }) {
  const [value, setValue] = useState<NoteValue>({ json: link.rationaleJson, text: link.rationaleText });
  const [error, setError] = useState<string | null>(null);

  async function save() {
    try {
      await api.call('links.update', { id: link.id, rationaleJson: value.json, rationaleText: value.text });
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
        <NoteEditor label="Rationale" initialJson={link.rationaleJson} onChange={setValue} autoFocus placeholder="Why these claims contradict (or agree), and how sure you are…" />
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
