import { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';

export interface FormFooterProps {
  /** Why the last save failed, in the user's language; null shows no alert. */
  readonly failure: string | null;
  /** Problems no field of the form shows (the core's issues at paths it does not know), listed under the failure. */
  readonly unplaced?: readonly string[];
  /** A save is running: Save waits and shows `busyLabel`. */
  readonly busy: boolean;
  readonly saveLabel: string;
  readonly busyLabel: string;
  readonly cancelLabel: string;
  readonly onCancel: () => void;
  /** Save waits too while this holds (a value the form already knows the core would refuse). */
  readonly saveBlocked?: boolean;
  /** Cancel waits while a save runs (when leaving would abandon what the save is doing). */
  readonly cancelWaits?: boolean;
  /** The form saves on Ctrl+S / ⌘S: Save announces it to assistive technology. */
  readonly saveShortcut?: boolean;
  /** The form cancels on Escape: Cancel announces it. */
  readonly cancelShortcut?: boolean;
  /** The question asked before changes are thrown away; null when not asking. */
  readonly discard?: ConfirmDialogProps | null;
}

/**
 * The bottom of an edit form: why the last save failed (an alert, so it is announced once, with the problems no field
 * shows), then Save (the form's submit button) and Cancel, and the discard confirmation when one is asked. The
 * keyboard behaviour it announces belongs to the form; this only renders.
 */
export function FormFooter({
  failure,
  unplaced = [],
  busy,
  saveLabel,
  busyLabel,
  cancelLabel,
  onCancel,
  saveBlocked = false,
  cancelWaits = false,
  saveShortcut = false,
  cancelShortcut = false,
  discard = null,
}: FormFooterProps) {
  return (
    <>
      {failure === null ? null : (
        <div className="form-failure" role="alert">
          <p>{failure}</p>
          {unplaced.length === 0 ? null : (
            <ul>
              {unplaced.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="detail__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || saveBlocked}
          aria-keyshortcuts={saveShortcut ? 'Control+S Meta+S' : undefined}
        >
          {busy ? busyLabel : saveLabel}
        </button>
        <button
          type="button"
          className="button"
          disabled={cancelWaits && busy}
          onClick={onCancel}
          aria-keyshortcuts={cancelShortcut ? 'Escape' : undefined}
        >
          {cancelLabel}
        </button>
      </div>
      {discard === null ? null : <ConfirmDialog {...discard} />}
    </>
  );
}
