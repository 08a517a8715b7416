import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/api/documents';
import { EditForm } from '../../components/edit-form';
import { FormFooter } from '../../components/form-footer';
import { useDocumentStore } from '../../stores/use-document-store';
import { changedFields } from '../directory/changed-fields';
import { focusFirstInvalid } from '../directory/focus-first-invalid';
import { useDiscardGuard } from '../directory/use-discard-guard';
import { DocumentFields } from './document-fields';
import { checkDocument, valuesFromDocument } from './document-form-values';
import { wordedCoreIssues } from './document-issues';
import { useDocumentForm } from './use-document-form';

export interface DocumentEditFormProps {
  readonly detail: DocumentDetail;
  readonly onSaved: (detail: DocumentDetail) => void;
  readonly onCancel: () => void;
}

/**
 * Edits a document's description. Only the fields that changed are sent (`documents.update`), so edits made
 * elsewhere to other fields survive. Checked as typed with the core's schema; the core's issues show beside their
 * fields. Ctrl+S saves; Escape cancels, asking first when something changed.
 */
export function DocumentEditForm({ detail, onSaved, onCancel }: DocumentEditFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [initial] = useState(() => valuesFromDocument(detail.document));
  const form = useDocumentForm(initial);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = useDocumentStore((state) => state.busy);
  const update = useDocumentStore((state) => state.update);

  const submit = async (): Promise<void> => {
    if (busy) return;
    form.messages.submit();
    if (form.check.input === null) {
      setFailure(t('documents.form.fixFields'));
      focusFirstInvalid(formRef.current);
      return;
    }
    const baseline = checkDocument(initial).input;
    const changes = baseline === null ? form.check.input : changedFields(baseline, form.check.input);
    if (Object.keys(changes).length === 0) {
      onSaved(detail);
      return;
    }
    const result = await update(detail.document.id, changes);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    form.messages.setCoreIssues(wordedCoreIssues(result.error.issues, t));
    setFailure(t('documents.form.failed', { message: result.error.message }));
    requestAnimationFrame(() => {
      focusFirstInvalid(formRef.current);
    });
  };

  const guard = useDiscardGuard({ dirty: form.dirty, onSave: submit, onCancel, wording: 'documents' });

  return (
    <EditForm
      className="document-form"
      title={t('documents.form.editTitle', { title: detail.document.title })}
      titleLevel={2}
      titleClassName="detail__title"
      hint={t('documents.form.keysHint')}
      busy={busy}
      formRef={formRef}
      onSubmit={submit}
      onKeyDown={guard.onKeyDown}
    >
      <DocumentFields values={form.values} change={form.change} messages={form.messages} />
      <FormFooter
        {...guard.footer}
        failure={failure}
        unplaced={form.messages.unplaced}
        busy={busy}
        saveLabel={t('documents.form.save')}
        busyLabel={t('documents.form.saving')}
        cancelLabel={t('documents.form.cancel')}
      />
    </EditForm>
  );
}
