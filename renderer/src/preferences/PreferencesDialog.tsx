import { useEffect, useState, type FormEvent } from 'react';
import type { Preferences } from '../../../shared/domain';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';

/**
 * The analyst's own settings: the name recorded as who made each link ("changed … by Ana Ruiz").
 * Kept in the app's data folder, so it is set once for every project, in the desktop window and
 * in browser mode alike.
 */
export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('preferences.get', {}).then(
      (p) => {
        setPreferences(p);
        setName(p.analystName);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.call('preferences.set', { analystName: name });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Dialog title="Preferences" onClose={onClose}>
      <form className="stack" onSubmit={submit} aria-label="Preferences">
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={300} placeholder={preferences?.systemUser} autoFocus />
        </label>
        <p className="hint">
          Shown as who made each link (“changed … by {name.trim() || preferences?.systemUser || 'you'}”), in every project on this computer. Left empty, your system user name
          {preferences?.systemUser ? ` (${preferences.systemUser})` : ''} is used.
        </p>
        <FieldError message={error} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={!preferences}>
            Save preferences
          </button>
        </div>
      </form>
    </Dialog>
  );
}
