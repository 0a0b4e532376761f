import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape closes it.
 * `role` is alertdialog for confirmations.
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
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
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
      <ErrorBoundary what="this dialog’s contents" back={{ label: 'Close', onClick: onClose }}>
        {children}
      </ErrorBoundary>
    </dialog>
  );
}
