import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, ScheduledItem } from '../../../../shared/api/meetings';
import { textBinding } from '../../components/bind-text-field';
import { EditForm } from '../../components/edit-form';
import { FormFooter } from '../../components/form-footer';
import { TextAreaField, TextField } from '../../components/text-field';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { findContacts, useMeetingStore } from '../../stores/use-meeting-store';
import { changedFields } from '../directory/changed-fields';
import { focusFirstInvalid } from '../directory/focus-first-invalid';
import { useDiscardGuard } from '../directory/use-discard-guard';
import { useFieldMessages } from '../directory/use-field-messages';
import { MultiPicker } from '../documents/multi-picker';
import { agendaItemFields, checkedAs, checkItem, valuesFromItem, type AgendaItemField, type AgendaItemValues } from './agenda-item-values';
import { CountriesPicker } from './countries-picker';
import { DecisionsEditor } from './decisions-editor';
import { LookupPicker } from './lookup-picker';
import { wordedCoreIssues, wordedIssues } from './meeting-issues';
import { PapersPicker } from './papers-picker';
import { useMeetingNames } from './use-meeting-names';

export interface AgendaItemEditorProps {
  readonly item: ScheduledItem;
  readonly onSaved: (detail: MeetingDetail | null) => void;
  readonly onCancel: () => void;
}

/**
 * Edits one agenda item in place: title, duration and fixed start (the times of the items after it follow, as the
 * core computes them), description, presenters (countries, organisations and people of the directory), papers from
 * the library, minutes and decisions. Only what changed is sent. Ctrl+S saves; Escape cancels, asking first when
 * something changed.
 */
export function AgendaItemEditor({ item, onSaved, onCancel }: AgendaItemEditorProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const organisations = useDirectoryStore((state) => state.organisations);
  const updateItem = useMeetingStore((state) => state.updateItem);
  const rememberContact = useMeetingStore((state) => state.rememberContact);
  const names = useMeetingNames();
  const [initial] = useState(() => valuesFromItem(item));
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const check = checkItem(values);
  const messages = useFieldMessages(wordedIssues(check.issues, t), agendaItemFields);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const organisationOptions =
    organisations.status === 'loaded'
      ? organisations.items
          .filter((row) => !row.deleted)
          .map((row) => ({ id: row.id, label: row.countryName === '' ? row.name : `${row.name} — ${row.countryName}` }))
      : [];

  const change = <K extends AgendaItemField>(field: K, value: AgendaItemValues[K]): void => {
    messages.touch(checkedAs(field));
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  const submit = async (): Promise<void> => {
    if (busy) return;
    messages.submit();
    if (check.input === null) {
      setFailure(t('meetings.item.fixFields'));
      requestAnimationFrame(() => {
        focusFirstInvalid(formRef.current);
      });
      return;
    }
    const baseline = checkItem(initial).input;
    const changes = baseline === null ? check.input : changedFields(baseline, check.input);
    if (Object.keys(changes).length === 0) {
      onSaved(null);
      return;
    }
    setBusy(true);
    const result = await updateItem(item.id, changes);
    setBusy(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    messages.setCoreIssues(wordedCoreIssues(result.error.issues, t));
    setFailure(t('meetings.item.failed', { message: result.error.message }));
    requestAnimationFrame(() => {
      focusFirstInvalid(formRef.current);
    });
  };

  const guard = useDiscardGuard({ dirty, onSave: submit, onCancel, wording: 'meetings' });
  const bind = textBinding(values, change, messages);

  return (
    <EditForm
      className="agenda-editor"
      title={t('meetings.item.editTitle', { title: item.title })}
      titleLevel={3}
      titleClassName="agenda-editor__title"
      hint={t('meetings.form.keysHint')}
      busy={busy}
      formRef={formRef}
      onSubmit={submit}
      onKeyDown={(event) => {
        // Keys typed in the form are the form's: the agenda's own keys (Alt+↑, Delete…) must not act on the item.
        event.stopPropagation();
        guard.onKeyDown(event);
      }}
    >
      <TextField label={t('meetings.item.title')} wide {...bind('title')} />
      <div className="form-grid">
        <TextField label={t('meetings.agenda.duration')} inputMode="numeric" maxLength={5} autoComplete="off" {...bind('duration', checkedAs('duration'))} />
        <TextField label={t('meetings.agenda.fixedStart')} help={t('meetings.agenda.fixedStartHelp')} type="datetime-local" {...bind('fixedStart')} />
      </div>
      <TextAreaField label={t('meetings.agenda.description')} wide rows={2} {...bind('description')} />
      <LookupPicker
        label={t('meetings.item.presenterContacts')}
        searchLabel={t('meetings.lookup.findPresenter')}
        find={(text) => findContacts(text)}
        selected={values.presenterContactIds}
        nameOf={names.contactWithCountry}
        addLabel={(name) => t('meetings.lookup.add', { name })}
        error={messages.at('presenterContactIds')}
        onAdd={(option) => {
          rememberContact(option.id, { name: option.label, countryId: option.countryId ?? '' });
          change('presenterContactIds', [...values.presenterContactIds, option.id]);
        }}
        onRemove={(id) => {
          change(
            'presenterContactIds',
            values.presenterContactIds.filter((held) => held !== id),
          );
        }}
      />
      <CountriesPicker
        label={t('meetings.item.presenterCountries')}
        addLabel={t('meetings.item.countryToAdd')}
        addButton={t('meetings.item.addCountry')}
        selected={values.presenterCountryIds}
        error={messages.at('presenterCountryIds')}
        onChange={(next) => {
          change('presenterCountryIds', next);
        }}
      />
      <MultiPicker
        label={t('meetings.item.presenterOrganisations')}
        addLabel={t('meetings.item.organisationToAdd')}
        addButton={t('meetings.item.addOrganisation')}
        options={organisationOptions}
        selected={values.presenterOrganisationIds}
        labelOf={names.organisation}
        error={messages.at('presenterOrganisationIds')}
        onChange={(next) => {
          change('presenterOrganisationIds', next);
        }}
      />
      <PapersPicker
        label={t('meetings.item.papers')}
        selected={values.documentIds}
        error={messages.at('documentIds')}
        onChange={(documentIds) => {
          change('documentIds', documentIds);
        }}
      />
      <TextAreaField label={t('meetings.item.minutes')} wide rows={4} {...bind('minutes')} />
      <DecisionsEditor
        decisions={values.decisions}
        error={messages.at('decisions')}
        onChange={(decisions) => {
          change('decisions', decisions);
        }}
      />
      <FormFooter
        {...guard.footer}
        failure={failure}
        unplaced={messages.unplaced}
        busy={busy}
        saveLabel={t('meetings.item.save')}
        busyLabel={t('meetings.item.saving')}
        cancelLabel={t('meetings.item.cancel')}
      />
    </EditForm>
  );
}
