import { useEffect, useState } from 'react';
import { onWindowCommand } from '../api/transport';
import { isTyping } from '../keyboard';
import { SHORTCUTS } from '../shortcuts';
import { Dialog } from './Dialog';

/** The `?` key (outside text fields), a button and Help ▸ Keyboard Shortcuts open the list of every shortcut; Escape closes it. */
export function ShortcutsSheet() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = onWindowCommand((command) => command === 'shortcuts' && setOpen(true));
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, []);
  return (
    <>
      <button type="button" className="ghost nav-button" onClick={() => setOpen(true)} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
        Shortcuts
      </button>
      {open && (
        <Dialog title="Keyboard shortcuts" onClose={() => setOpen(false)}>
          <div className="shortcut-groups">
            {SHORTCUTS.map((group) => (
              <section key={group.where} aria-label={group.where}>
                <h3>{group.where}</h3>
                <dl className="shortcut-list">
                  {group.keys.map(([key, does]) => (
                    <div key={key + does}>
                      <dt>
                        <kbd>{key}</kbd>
                      </dt>
                      <dd>{does}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
          <div className="dialog-actions">
            <button type="button" autoFocus onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
