import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import type { Result } from '../../../../shared/api/result';
import type { MeetingInput } from '../../../../shared/domain/meeting-input';
import { EditForm } from '../../components/edit-form';
import { FormFooter } from '../../components/form-footer';
import { focusFirstInvalid } from '../directory/focus-first-invalid';
import { useDiscardGuard } from '../directory/use-discard-guard';
import { useFieldMessages } from '../directory/use-field-messages';
import { MeetingFields } from './meeting-fields';
import { checkMeeting, meetingFormFields, withAllDay, type MeetingFormField, type MeetingFormValues } from './meeting-form-values';
import { wordedCoreIssues, wordedIssues } from './meeting-issues';

export interface MeetingFormProps {
  /** The form's heading and accessible name ("New meeting", "Edit …"). */
  readonly title: string;
  readonly initial: MeetingFormValues;
  readonly saveLabel: string;
  readonly busyLabel: string;
  /**
   * Sends the checked input; `baseline` is the initial values checked the same way (null when they were not valid),
   * so an edit can send only what changed. Null when there was nothing to send.
   */
  readonly save: (input: MeetingInput, baseline: MeetingInput | null) => Promise<Result<MeetingDetail> | null>;
  readonly onSaved: (detail: MeetingDetail | null) => void;
  readonly onCancel: () => void;
}

/**
 * A meeting's form, for a new meeting and for editing one. Checked as typed with the core's own schema (end after
 * start, a known time zone…), each message beside its field once the field was changed or a save tried; the core's
 * issues show beside their fields after the save that met them. Ctrl+S saves; Escape cancels, asking first when
 * something changed.
 */
export function MeetingForm({ title, initial, saveLabel, busyLabel, save, onSaved, onCancel }: MeetingFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const check = checkMeeting(values);
  const messages = useFieldMessages(wordedIssues(check.issues, t), meetingFormFields);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  const change = <K extends MeetingFormField>(field: K, value: MeetingFormValues[K]): void => {
    messages.touch(field);
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  const submit = async (): Promise<void> => {
    if (busy) return;
    messages.submit();
    if (check.input === null) {
      setFailure(t('meetings.form.fixFields'));
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }
    setBusy(true);
    const result = await save(check.input, checkMeeting(initial).input);
    setBusy(false);
    if (result === null) {
      onSaved(null);
      return;
    }
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    messages.setCoreIssues(wordedCoreIssues(result.error.issues, t));
    setFailure(t('meetings.form.failed', { message: result.error.message }));
    requestAnimationFrame(() => {
      focusFirstInvalid(formRef.current);
    });
  };

  const guard = useDiscardGuard({ dirty, onSave: submit, onCancel, wording: 'meetings' });

  return (
    <EditForm
      className="meeting-form"
      title={title}
      titleLevel={2}
      titleClassName="detail__title"
      hint={t('meetings.form.keysHint')}
      busy={busy}
      formRef={formRef}
      onSubmit={submit}
      onKeyDown={guard.onKeyDown}
    >
      <MeetingFields
        values={values}
        change={change}
        setAllDay={(allDay) => {
          messages.touch('start');
          messages.touch('end');
          setValues((previous) => withAllDay(previous, allDay));
        }}
        messages={messages}
      />
      <FormFooter
        {...guard.footer}
        failure={failure}
        unplaced={messages.unplaced}
        busy={busy}
        saveLabel={saveLabel}
        busyLabel={busyLabel}
        cancelLabel={t('meetings.form.cancel')}
      />
    </EditForm>
  );
}
