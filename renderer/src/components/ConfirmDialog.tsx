import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

/** Asks before an action: Cancel (focused, so Enter does not destroy anything) or the action. */
export function ConfirmDialog({
  title,
  children,
  action,
  danger = false,
  onCancel,
  onConfirm,
}: {
  title: string;
  children: ReactNode;
  /** The confirming button's label. */
  action: string;
  danger?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog title={title} role="alertdialog" onClose={onCancel}>
      {children}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={danger ? 'danger' : undefined} onClick={onConfirm}>
          {action}
        </button>
      </div>
    </Dialog>
  );
}
