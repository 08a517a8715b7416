import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import { actionItemInput } from '../../../../shared/domain/meeting-input';
import { Field } from '../../components/field';
import { TextField } from '../../components/text-field';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { findContacts, useMeetingStore } from '../../stores/use-meeting-store';
import { CountrySelect } from '../directory/country-select';
import type { Issue } from '../directory/field-issues';
import { LookupPicker } from './lookup-picker';
import { meetingIssuesFromZod, wordedCoreIssues, wordedIssues } from './meeting-issues';
import { useMeetingNames } from './use-meeting-names';

export interface ActionAddFormProps {
  readonly detail: MeetingDetail;
  readonly announce: (message: string) => void;
}

interface Values {
  readonly title: string;
  readonly ownerCountryId: string;
  readonly ownerContactId: string;
  readonly ownerOrganisationId: string;
  readonly due: string;
  readonly agendaItemId: string;
}

const empty: Values = { title: '', ownerCountryId: '', ownerContactId: '', ownerOrganisationId: '', due: '', agendaItemId: '' };

/**
 * Adds an action item to the meeting: what is to be done (Enter adds it), who owes it (a country, a person, an
 * organisation — any or none), by when, and the agenda item it came from. The title box is empty and focused again
 * afterwards; the owner and due date stay, as follow-ups often share them.
 */
export function ActionAddForm({ detail, announce }: ActionAddFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const titleRef = useRef<HTMLDivElement>(null);
  const organisations = useDirectoryStore((state) => state.organisations);
  const createAction = useMeetingStore((state) => state.createAction);
  const rememberContact = useMeetingStore((state) => state.rememberContact);
  const names = useMeetingNames();
  const [values, setValues] = useState(empty);
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const at = (path: string): string | null => issues.find((issue) => issue.path === path)?.message ?? null;

  const change = (field: keyof Values, value: string): void => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setIssues((previous) => previous.filter((issue) => issue.path !== field));
    setFailure(null);
  };

  const submit = async (): Promise<void> => {
    if (busy) return;
    const parsed = actionItemInput.safeParse({
      title: values.title,
      ownerCountryId: values.ownerCountryId === '' ? null : values.ownerCountryId,
      ownerContactId: values.ownerContactId === '' ? null : values.ownerContactId,
      ownerOrganisationId: values.ownerOrganisationId === '' ? null : values.ownerOrganisationId,
      due: values.due === '' ? null : values.due,
      agendaItemId: values.agendaItemId === '' ? null : values.agendaItemId,
    });
    if (!parsed.success) {
      setIssues(wordedIssues(meetingIssuesFromZod(parsed.error.issues), t));
      titleRef.current?.querySelector('input')?.focus();
      return;
    }
    setBusy(true);
    const result = await createAction(parsed.data);
    setBusy(false);
    if (!result.ok) {
      setIssues(wordedCoreIssues(result.error.issues, t));
      setFailure(t('meetings.actions.add.failed', { message: result.error.message }));
      return;
    }
    announce(t('meetings.actions.add.added', { title: parsed.data.title }));
    setValues((previous) => ({ ...previous, title: '', agendaItemId: '' }));
    titleRef.current?.querySelector('input')?.focus();
  };

  return (
    <form
      className="action-add"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 className="action-add__heading" id={headingId}>
        {t('meetings.actions.add.heading')}
      </h3>
      <div ref={titleRef}>
        <TextField
          label={t('meetings.actions.add.title')}
          error={at('title')}
          wide
          autoComplete="off"
          value={values.title}
          onChange={(title) => {
            change('title', title);
          }}
        />
      </div>
      <div className="form-grid">
        <Field label={t('meetings.actions.add.ownerCountry')} error={at('ownerCountryId')}>
          {(control) => (
            <CountrySelect
              control={control}
              value={values.ownerCountryId}
              noneLabel={t('meetings.actions.add.none')}
              onChange={(countryId) => {
                change('ownerCountryId', countryId);
              }}
            />
          )}
        </Field>
        <Field label={t('meetings.actions.add.ownerOrganisation')} error={at('ownerOrganisationId')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={values.ownerOrganisationId}
              onChange={(event) => {
                change('ownerOrganisationId', event.target.value);
              }}
            >
              <option value="">{t('meetings.actions.add.none')}</option>
              {(organisations.status === 'loaded' ? organisations.items : [])
                .filter((row) => !row.deleted)
                .map((row) => (
                  <option key={row.id} value={row.id}>
                    {row.countryName === '' ? row.name : `${row.name} — ${row.countryName}`}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('meetings.actions.add.due')}
          error={at('due')}
          type="date"
          value={values.due}
          onChange={(due) => {
            change('due', due);
          }}
        />
        <Field label={t('meetings.actions.add.agendaItem')} error={at('agendaItemId')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={values.agendaItemId}
              onChange={(event) => {
                change('agendaItemId', event.target.value);
              }}
            >
              <option value="">{t('meetings.actions.add.none')}</option>
              {detail.agenda.map((item) => (
                <option key={item.id} value={item.id}>
                  {`${item.position}. ${item.title}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <LookupPicker
        label={t('meetings.actions.add.ownerContact')}
        searchLabel={t('meetings.lookup.findOwner')}
        find={(text) => findContacts(text)}
        selected={values.ownerContactId === '' ? [] : [values.ownerContactId]}
        nameOf={names.contactWithCountry}
        addLabel={(name) => t('meetings.lookup.choose', { name })}
        error={at('ownerContactId')}
        onAdd={(option) => {
          rememberContact(option.id, { name: option.label, countryId: option.countryId ?? '' });
          change('ownerContactId', option.id);
        }}
        onRemove={() => {
          change('ownerContactId', '');
        }}
      />
      {failure === null ? null : (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="detail__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('meetings.actions.add.submit')}
        </button>
      </div>
    </form>
  );
}
