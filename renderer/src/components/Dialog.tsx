import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { tabbable } from 'tabbable';
import { ErrorBoundary } from './ErrorBoundary';
import { focusIsLost } from '../keyboard';

/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape closes it.
 * `role` is alertdialog for confirmations.
 *
 * The focus: the field marked `autoFocus` has it when the dialog opens (or, with none, the first
 * control Tab would reach), and closing gives it back to the control that opened the dialog.
 * React focuses an `autoFocus` field as it mounts, and a field in a dialog not yet shown cannot
 * take the focus; so the contents mount only once `showModal()` has run. (Mounted before, the
 * focus stayed put and `showModal()` then gave it to the first control: in the link dialog the
 * kind-of-link radios, where ↓ turned a contradiction into a corroboration.)
 */
export function Dialog({
  title,
  onClose,
  children,
  role = 'dialog',
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState(false);
  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    setShown(true);
    // A layout effect's cleanup runs before React removes the dialog from the page, while the
    // focus is still in it (or on the body, where a focused button that a save disabled dropped
    // it): it goes back to the opener. Left to the removal, it would go to the body, where no key
    // does anything.
    return () => {
      const active = document.activeElement;
      const giveBack = focusIsLost() || dialog.contains(active);
      dialog.close();
      if (giveBack && opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);
  useLayoutEffect(() => {
    const dialog = ref.current!;
    const active = document.activeElement;
    if (shown && (active === dialog || !dialog.contains(active))) tabbable(dialog)[0]?.focus();
  }, [shown]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      role={role}
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="dialog-title">{title}</h2>
      {shown && (
        <ErrorBoundary what="this dialog’s contents" back={{ label: 'Close', onClick: onClose }}>
          {children}
        </ErrorBoundary>
      )}
    </dialog>
  );
}
