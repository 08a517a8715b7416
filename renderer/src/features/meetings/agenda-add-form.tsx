import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../directory/field-issues';
import { textBinding, type TextKey } from '../../components/bind-text-field';
import { TextAreaField, TextField } from '../../components/text-field';
import { useMeetingStore } from '../../stores/use-meeting-store';
import { AddForm } from './add-form';
import { checkedAs, checkItem, emptyItemValues, type AgendaItemValues } from './agenda-item-values';
import { wordedCoreIssues, wordedIssues } from './meeting-issues';

export interface AgendaAddFormProps {
  /** Says how an add went, in the agenda's status line. */
  readonly announce: (message: string) => void;
}

/**
 * Adds agenda items by keyboard: type a title and press Enter; the item goes to the end of the agenda and the title
 * box is empty again, focused, for the next one (the duration stays, since items often share it). Several items typed
 * quickly are added in the order typed. A duration, a fixed start and a description are optional; what the core's
 * schema refuses is said beside its field before anything is sent.
 */
export function AgendaAddForm({ announce }: AgendaAddFormProps) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLDivElement>(null);
  const addItem = useMeetingStore((state) => state.addItem);
  const [values, setValues] = useState(() => emptyItemValues());
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const at = (path: string): string | null => issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`))?.message ?? null;

  const change = (field: TextKey<AgendaItemValues>, value: string): void => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setIssues((previous) => previous.filter((issue) => issue.path.split('.')[0] !== checkedAs(field)));
    setFailure(null);
  };
  const bind = textBinding(values, change, { at });

  const focusTitle = (): void => {
    titleRef.current?.querySelector('input')?.focus();
  };

  const submit = async (): Promise<void> => {
    const check = checkItem(values);
    if (check.input === null) {
      setIssues(wordedIssues(check.issues, t));
      return;
    }
    const input = check.input;
    setIssues([]);
    setFailure(null);
    // Ready for the next item at once: the add runs while the user types on.
    setValues((previous) => ({ ...emptyItemValues(previous.duration) }));
    focusTitle();
    const result = await addItem(input);
    if (result.ok) {
      const added = result.value.agenda.findLast((item) => item.title === input.title);
      announce(t('meetings.agenda.added', { title: input.title, position: added?.position ?? result.value.agenda.length }));
      return;
    }
    setIssues(wordedCoreIssues(result.error.issues, t));
    setFailure(t('meetings.agenda.addFailed', { title: input.title, message: result.error.message }));
    // Nothing typed since: the title comes back so the item can be fixed and sent again.
    setValues((previous) => (previous.title === '' ? { ...previous, title: input.title } : previous));
  };

  return (
    <AddForm className="agenda-add" heading={t('meetings.agenda.addHeading')} failure={failure} submitLabel={t('meetings.agenda.add')} onSubmit={submit}>
      <div className="agenda-add__grid">
        <div ref={titleRef} className="agenda-add__title">
          <TextField label={t('meetings.agenda.addTitle')} help={t('meetings.agenda.addTitleHelp')} wide autoComplete="off" {...bind('title')} />
        </div>
        <TextField label={t('meetings.agenda.duration')} inputMode="numeric" maxLength={5} autoComplete="off" {...bind('duration', checkedAs('duration'))} />
        <TextField label={t('meetings.agenda.fixedStart')} help={t('meetings.agenda.fixedStartHelp')} type="datetime-local" {...bind('fixedStart')} />
      </div>
      <TextAreaField label={t('meetings.agenda.description')} wide rows={2} {...bind('description')} />
    </AddForm>
  );
}
