import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../directory/field-issues';
import { TextAreaField, TextField } from '../../components/text-field';
import { useMeetingStore } from '../../stores/use-meeting-store';
import { checkItem, emptyItemValues } from './agenda-item-values';
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
  const headingId = useId();
  const titleRef = useRef<HTMLDivElement>(null);
  const addItem = useMeetingStore((state) => state.addItem);
  const [values, setValues] = useState(() => emptyItemValues());
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const at = (path: string): string | null => issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`))?.message ?? null;

  const change = (field: 'title' | 'duration' | 'fixedStart' | 'description', value: string, path: string = field): void => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setIssues((previous) => previous.filter((issue) => issue.path.split('.')[0] !== path));
    setFailure(null);
  };

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
    <form
      className="agenda-add"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 className="agenda-add__heading" id={headingId}>
        {t('meetings.agenda.addHeading')}
      </h3>
      <div className="agenda-add__grid">
        <div ref={titleRef} className="agenda-add__title">
          <TextField
            label={t('meetings.agenda.addTitle')}
            help={t('meetings.agenda.addTitleHelp')}
            error={at('title')}
            wide
            autoComplete="off"
            value={values.title}
            onChange={(title) => {
              change('title', title);
            }}
          />
        </div>
        <TextField
          label={t('meetings.agenda.duration')}
          error={at('durationMinutes')}
          inputMode="numeric"
          maxLength={5}
          autoComplete="off"
          value={values.duration}
          onChange={(duration) => {
            change('duration', duration, 'durationMinutes');
          }}
        />
        <TextField
          label={t('meetings.agenda.fixedStart')}
          help={t('meetings.agenda.fixedStartHelp')}
          error={at('fixedStart')}
          type="datetime-local"
          value={values.fixedStart}
          onChange={(fixedStart) => {
            change('fixedStart', fixedStart);
          }}
        />
      </div>
      <TextAreaField
        label={t('meetings.agenda.description')}
        error={at('description')}
        wide
        rows={2}
        value={values.description}
        onChange={(description) => {
          change('description', description);
        }}
      />
      {failure === null ? null : (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="detail__actions">
        <button type="submit" className="button button--primary">
          {t('meetings.agenda.add')}
        </button>
      </div>
    </form>
  );
}
