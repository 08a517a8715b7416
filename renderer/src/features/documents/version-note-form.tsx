import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/api/documents';
import { EditForm } from '../../components/edit-form';
import { FormFooter } from '../../components/form-footer';
import { TextAreaField } from '../../components/text-field';
import { useUploadStore, type UploadItem } from '../../stores/use-upload-store';
import { isTextEntry } from '../directory/shortcut-keys';

/** The longest note a version may carry (the contract's limit). */
const NOTE_MAX = 1000;

export interface VersionNoteFormProps {
  /** A finished upload that is to become the next version of `item.target`. */
  readonly item: UploadItem;
  readonly onAdded: (detail: DocumentDetail) => void;
}

/** Adds a file just sent as a document's next version, with an optional note saying what changed. */
export function VersionNoteForm({ item, onAdded }: VersionNoteFormProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const saving = item.status === 'saving';
  const title = item.target.kind === 'version' ? item.target.title : '';
  const tooLong = note.trim().length > NOTE_MAX;

  const submit = async (): Promise<void> => {
    if (saving || tooLong) return;
    const result = await useUploadStore.getState().addVersion(item.key, note.trim());
    if (result.ok) onAdded(result.value);
    else setFailure(t('documents.form.failed', { message: result.error.message }));
  };

  return (
    <EditForm
      className="document-form"
      title={t('documents.versionNote.title', { name: item.fileName, title })}
      titleLevel={3}
      titleClassName="document-form__title"
      busy={saving}
      onSubmit={submit}
      mayTakeFocus={() => !isTextEntry(document.activeElement)}
    >
      <TextAreaField
        label={t('documents.versionNote.note')}
        help={t('documents.versionNote.noteHelp')}
        error={tooLong ? t('documents.issues.tooLong', { maximum: NOTE_MAX }) : null}
        wide
        rows={3}
        value={note}
        onChange={(typed) => {
          setFailure(null);
          setNote(typed);
        }}
      />
      <FormFooter
        failure={failure}
        busy={saving}
        saveLabel={t('documents.versionNote.add')}
        busyLabel={t('documents.versionNote.adding')}
        cancelLabel={t('documents.describe.skip')}
        onCancel={() => {
          void useUploadStore.getState().cancel(item.key);
        }}
        saveBlocked={tooLong}
        cancelWaits
      />
    </EditForm>
  );
}
