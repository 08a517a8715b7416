import { useId, useRef, type RefObject } from 'react';
import { ModalDialog } from './modal-dialog';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** While the confirmed action runs, both buttons wait. */
  readonly busy?: boolean;
  /** Where focus goes on closing when what opened the dialog is gone by then. */
  readonly returnFocusTo?: RefObject<HTMLElement | null>;
}

/**
 * Asks before an action (delete, discard changes). Focus starts on Cancel, the choice that changes nothing, so an
 * Enter pressed out of habit does no harm; Escape cancels.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy = false,
  returnFocusTo,
}: ConfirmDialogProps) {
  const messageId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      title={title}
      role="alertdialog"
      onClose={onCancel}
      initialFocus={cancelRef}
      describedBy={messageId}
      returnFocusTo={returnFocusTo}
    >
      <p id={messageId}>{message}</p>
      <div className="modal__actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
