import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import { actionItemInput } from '../../../../shared/domain/meeting-input';
import { textBinding } from '../../components/bind-text-field';
import { Field } from '../../components/field';
import { TextField } from '../../components/text-field';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { findContacts, useMeetingStore } from '../../stores/use-meeting-store';
import { CountrySelect } from '../directory/country-select';
import type { Issue } from '../directory/field-issues';
import { AddForm } from './add-form';
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
  const bind = textBinding(values, change, { at });

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
    <AddForm
      className="action-add"
      heading={t('meetings.actions.add.heading')}
      failure={failure}
      submitLabel={t('meetings.actions.add.submit')}
      busy={busy}
      onSubmit={submit}
    >
      <div ref={titleRef}>
        <TextField label={t('meetings.actions.add.title')} wide autoComplete="off" {...bind('title')} />
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
        <TextField label={t('meetings.actions.add.due')} type="date" {...bind('due')} />
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
    </AddForm>
  );
}
