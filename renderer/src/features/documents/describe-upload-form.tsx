import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/api/documents';
import { EditForm } from '../../components/edit-form';
import { FormFooter } from '../../components/form-footer';
import { useUploadStore, type UploadItem } from '../../stores/use-upload-store';
import { focusFirstInvalid } from '../directory/focus-first-invalid';
import { isSaveShortcut, isTextEntry } from '../directory/shortcut-keys';
import { DocumentFields } from './document-fields';
import { valuesForFile } from './document-form-values';
import { wordedCoreIssues } from './document-issues';
import { useDocumentForm } from './use-document-form';

export interface DescribeUploadFormProps {
  /** A finished upload that is to become a new document. */
  readonly item: UploadItem;
  readonly onAdded: (detail: DocumentDetail) => void;
}

/**
 * Describes a file just sent before it becomes a document: the title proposed from its name, then kind, countries,
 * pillars, themes and the rest, checked as they are typed with the core's own schema; the core's own refusals (a
 * country not in the directory) appear beside their fields. Ctrl+S adds it; "Skip" leaves it out.
 */
export function DescribeUploadForm({ item, onAdded }: DescribeUploadFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useDocumentForm(valuesForFile(item.fileName));
  const [failure, setFailure] = useState<string | null>(null);
  const saving = item.status === 'saving';

  const submit = async (): Promise<void> => {
    if (saving) return;
    form.messages.submit();
    if (form.check.input === null) {
      setFailure(t('documents.form.fixFields'));
      focusFirstInvalid(formRef.current);
      return;
    }
    const result = await useUploadStore.getState().create(item.key, form.check.input);
    if (result.ok) {
      onAdded(result.value);
      return;
    }
    form.messages.setCoreIssues(wordedCoreIssues(result.error.issues, t));
    setFailure(t('documents.form.failed', { message: result.error.message }));
    // The core's issues render on the next paint; focus the first field they mark then.
    requestAnimationFrame(() => {
      focusFirstInvalid(formRef.current);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (!isSaveShortcut(event)) return;
    event.preventDefault();
    void submit();
  };

  return (
    <EditForm
      className="document-form"
      title={t('documents.describe.title', { name: item.fileName })}
      titleLevel={3}
      titleClassName="document-form__title"
      hint={t('documents.describe.hint')}
      busy={saving}
      formRef={formRef}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      mayTakeFocus={() => !isTextEntry(document.activeElement)}
    >
      <DocumentFields values={form.values} change={form.change} messages={form.messages} />
      <FormFooter
        failure={failure}
        unplaced={form.messages.unplaced}
        busy={saving}
        saveLabel={t('documents.describe.add')}
        busyLabel={t('documents.describe.adding')}
        cancelLabel={t('documents.describe.skip')}
        onCancel={() => {
          void useUploadStore.getState().cancel(item.key);
        }}
        cancelWaits
        saveShortcut
      />
    </EditForm>
  );
}
