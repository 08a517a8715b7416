import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

export interface ModalDialogProps {
  readonly title: string;
  /** `alertdialog` for a question that interrupts (a confirmation); `dialog` for a task (an import). */
  readonly role?: 'dialog' | 'alertdialog';
  /** Escape, or the caller's own close button. */
  readonly onClose: () => void;
  /** What takes focus on opening; else the first focusable element, else the dialog itself. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  /** Id of the element that explains the dialog (an alertdialog's question). */
  readonly describedBy?: string;
  /** Where focus goes on closing when what was focused on opening is no longer on the page (a button a delete replaced). */
  readonly returnFocusTo?: RefObject<HTMLElement | null>;
  readonly wide?: boolean;
  readonly children: ReactNode;
}

const focusableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * A modal dialog: focus moves in on opening, Tab and Shift+Tab cycle inside it, Escape closes it, and focus returns to
 * where it was on closing. Keys pressed inside never reach the screen behind it, so its shortcuts (Delete, E, Ctrl+N…)
 * cannot act on what the dialog hides.
 */
export function ModalDialog({
  title,
  role = 'dialog',
  onClose,
  initialFocus,
  describedBy,
  returnFocusTo,
  wide = false,
  children,
}: ModalDialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const fallback = returnFocusTo?.current ?? null;
    const dialog = dialogRef.current;
    const target = initialFocus?.current ?? dialog?.querySelector<HTMLElement>(focusableSelector) ?? dialog;
    target?.focus();
    return () => {
      // Back to what opened the dialog, or, when that is gone, to the fallback the caller named.
      const back = previous?.isConnected === true ? previous : fallback;
      back?.focus();
    };
    // Only on opening and closing: later renders must not pull focus back to the first field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = [...(dialogRef.current?.querySelectorAll<HTMLElement>(focusableSelector) ?? [])];
    const first = focusables[0];
    const last = focusables.at(-1);
    if (first === undefined || last === undefined) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className={wide ? 'modal modal--wide' : 'modal'}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 className="modal__title" id={titleId}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
