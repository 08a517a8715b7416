import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormFooterProps } from '../../components/form-footer';
import { isSaveShortcut } from '../directory/shortcut-keys';

export interface MeetingDiscardOptions {
  /** Whether the form holds changes that leaving would lose. */
  readonly dirty: boolean;
  /** Saves the form (Ctrl+S / ⌘S). */
  readonly onSave: () => Promise<void>;
  /** Leaves the form: at once when nothing changed, else once the user confirms. */
  readonly onCancel: () => void;
}

export interface MeetingDiscard {
  /** The form's key handler: Ctrl+S / ⌘S saves; Escape cancels unless a control inside the form already used it. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** For the form's FormFooter: Cancel, the shortcuts announced on the buttons, and the question while it is asked. */
  readonly footer: Pick<FormFooterProps, 'onCancel' | 'saveShortcut' | 'cancelShortcut' | 'discard'>;
}

/**
 * The meetings forms' keys and leaving rule, as the directory's and documents' forms have them (see
 * directory/use-discard-guard.ts), in the meetings' words: Ctrl+S saves, Escape and Cancel leave, and changes are
 * never thrown away without a question (focus starts on "Keep editing" there).
 */
export function useMeetingDiscard({ dirty, onSave, onCancel }: MeetingDiscardOptions): MeetingDiscard {
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
            title: t('meetings.discard.title'),
            message: t('meetings.discard.message'),
            confirmLabel: t('meetings.discard.confirm'),
            cancelLabel: t('meetings.discard.cancel'),
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
