import { useCallback, useEffect, useState } from 'react';
import { api, onProjectChanged } from '../api/client';
import { isTyping } from '../keyboard';

/**
 * Undo and redo of annotation work: buttons naming the step, and Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z
 * (and Ctrl+Y) anywhere outside a text field.
 */
export function UndoRedo() {
  const [state, setState] = useState<{ undo: string | null; redo: string | null }>({ undo: null, redo: null });
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api.call('history.state', {}).then(setState, () => {});
  }, []);
  useEffect(() => {
    refresh();
    return onProjectChanged(refresh);
  }, [refresh]);

  const run = useCallback(async (which: 'undo' | 'redo') => {
    try {
      const result = which === 'undo' ? await api.call('history.undo', {}) : await api.call('history.redo', {});
      setMessage(which === 'undo' ? `Undone: ${(result as { undone: string }).undone}` : `Redone: ${(result as { redone: string }).redone}`);
    } catch (error) {
      setMessage((error as Error).message);
      refresh();
    }
  }, [refresh]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) run('undo');
      else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.metaKey)) run('redo');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  return (
    <div className="undo-redo" role="group" aria-label="Undo and redo">
      <button type="button" className="secondary" disabled={!state.undo} onClick={() => run('undo')} aria-label={state.undo ? `Undo ${state.undo}` : 'Undo'} title="Ctrl+Z / ⌘Z">
        ↶ Undo
      </button>
      <button type="button" className="secondary" disabled={!state.redo} onClick={() => run('redo')} aria-label={state.redo ? `Redo ${state.redo}` : 'Redo'} title="Ctrl+Shift+Z / ⇧⌘Z">
        Redo ↷
      </button>
      <span className="visually-hidden" aria-live="polite" data-testid="history-message">
        {message}
      </span>
    </div>
  );
}
