import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldMessages, type FieldMessages } from '../directory/use-field-messages';
import { checkDocument, documentFormFields, type DocumentCheck, type DocumentFormField, type DocumentFormValues } from './document-form-values';
import { wordedIssues } from './document-issues';

export interface DocumentForm {
  readonly values: DocumentFormValues;
  readonly change: <K extends DocumentFormField>(field: K, value: DocumentFormValues[K]) => void;
  readonly check: DocumentCheck;
  readonly messages: FieldMessages;
  readonly dirty: boolean;
}

/**
 * A document description form's state: its values, their check against the core's schema on every change, and the
 * field messages (the schema's once a field was changed or a save tried; the core's after the save that met them).
 */
export function useDocumentForm(initial: DocumentFormValues): DocumentForm {
  const { t } = useTranslation();
  const [start] = useState(initial);
  const [values, setValues] = useState(initial);
  const check = checkDocument(values);
  const messages = useFieldMessages(wordedIssues(check.issues, t), documentFormFields);
  return {
    values,
    check,
    messages,
    dirty: JSON.stringify(values) !== JSON.stringify(start),
    change: (field, value) => {
      // Typed themes are checked as part of `themes`: their messages show under it.
      messages.touch(field === 'themeText' ? 'themes' : field);
      setValues((previous) => ({ ...previous, [field]: value }));
    },
  };
}
