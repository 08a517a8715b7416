import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormFooterProps } from '../../components/form-footer';
import { isSaveShortcut } from './shortcut-keys';

export interface DiscardGuardOptions {
  /** Whether the form holds changes that leaving would lose. */
  readonly dirty: boolean;
  /** Saves the form (Ctrl+S / ⌘S). */
  readonly onSave: () => Promise<void>;
  /** Leaves the form: at once when nothing changed, else once the user confirms. */
  readonly onCancel: () => void;
  /** Whose words the confirmation uses: the directory's, the documents' or the meetings' `discard` texts. */
  readonly wording: 'directory' | 'documents' | 'meetings';
}

export interface DiscardGuard {
  /**
   * The form's key handler: Ctrl+S / ⌘S saves; Escape cancels unless a control inside the form already used it. A key
   * it acts on goes no further up the page, so a form inside a list or pane (an agenda item edited in place) does not
   * also work that list's keys.
   */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /**
   * For the form's FormFooter: Cancel (leave, or ask first when something changed), the shortcuts above announced on
   * the buttons, and the discard confirmation while it is asked.
   */
  readonly footer: Pick<FormFooterProps, 'onCancel' | 'saveShortcut' | 'cancelShortcut' | 'discard'>;
}

/**
 * The keyboard and leaving rules shared by the edit forms: Ctrl+S saves, Escape and Cancel leave, and changes are
 * never thrown away without a question (focus starts on "Keep editing" there).
 */
export function useDiscardGuard({ dirty, onSave, onCancel, wording }: DiscardGuardOptions): DiscardGuard {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);

  const cancel = (): void => {
    if (dirty) setAsking(true);
    else onCancel();
  };

  return {
    onKeyDown: (event) => {
      if (isSaveShortcut(event)) {
        event.preventDefault();
        event.stopPropagation();
        void onSave();
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        event.stopPropagation();
        cancel();
      }
    },
    footer: {
      onCancel: cancel,
      saveShortcut: true,
      cancelShortcut: true,
      discard: asking
        ? {
            title: t(`${wording}.discard.title`),
            message: t(`${wording}.discard.message`),
            confirmLabel: t(`${wording}.discard.confirm`),
            cancelLabel: t(`${wording}.discard.cancel`),
            onConfirm: () => {
              setAsking(false);
              onCancel();
            },
            onCancel: () => {
              setAsking(false);
            },
          }
        : null,
    },
  };
}
