import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../../shared/api/directory';
import { contactRoles, type ContactRole } from '../../../../shared/schemas/contact';
import { Field } from '../../components/field';
import { EditForm } from '../../components/edit-form';
import { FormFooter } from '../../components/form-footer';
import { TextAreaField, TextField } from '../../components/text-field';
import { useContactStore } from '../../stores/use-contact-store';
import { ChannelRows } from './channel-rows';
import { changedFields } from './changed-fields';
import {
  checkContact,
  emptyContactValues,
  splitList,
  valuesFromContact,
  type ContactField,
  type ContactFormValues,
} from './contact-form-values';
import { CountrySelect } from './country-select';
import { focusFirstInvalid } from './focus-first-invalid';
import { OrganisationSelect } from './organisation-select';
import { useDiscardGuard } from './use-discard-guard';
import { useFieldMessages } from './use-field-messages';

export interface ContactFormProps {
  /** The contact to edit; null creates one. */
  readonly contact: ContactDetail | null;
  readonly onSaved: (contact: ContactDetail) => void;
  readonly onCancel: () => void;
}

const fields: readonly ContactField[] = Object.keys(emptyContactValues()) as ContactField[];

/**
 * Creates or edits a contact: every field of the contact input, checked against the core's own schema as the user
 * types, and the core's field issues (unknown country, duplicate e-mail…) shown beside their fields after a save.
 * An update sends only the fields that changed. Ctrl+S saves; Escape cancels, asking first when something changed.
 */
export function ContactForm({ contact, onSaved, onCancel }: ContactFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [initial] = useState<ContactFormValues>(() => (contact === null ? emptyContactValues() : valuesFromContact(contact)));
  const [values, setValues] = useState<ContactFormValues>(initial);
  // A new contact's display name follows the given and family names until the user types one of their own.
  const [nameEdited, setNameEdited] = useState(contact !== null);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = useContactStore((state) => state.busy);
  const save = useContactStore((state) => state.save);

  const check = checkContact(values);
  const messages = useFieldMessages(check.issues, fields);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  const change = <K extends ContactField>(field: K, value: ContactFormValues[K]): void => {
    messages.touch(field);
    setFailure(null);
    setValues((previous) => {
      const next = { ...previous, [field]: value };
      if (!nameEdited && (field === 'givenName' || field === 'familyName')) {
        next.displayName = [next.givenName.trim(), next.familyName.trim()].filter((part) => part !== '').join(' ');
      }
      return next;
    });
  };

  const submit = async (): Promise<void> => {
    if (busy) return;
    messages.submit();
    if (check.input === null) {
      setFailure(t('directory.form.fixFields'));
      focusFirstInvalid(formRef.current);
      return;
    }
    const baseline = checkContact(initial).input;
    const input = contact === null || baseline === null ? check.input : changedFields(baseline, check.input);
    if (contact !== null && Object.keys(input).length === 0) {
      onSaved(contact);
      return;
    }
    const result = await save(contact?.id ?? null, input);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    messages.setCoreIssues(result.error.issues);
    setFailure(t('directory.form.failed', { message: result.error.message }));
    // The core's issues render on the next paint; focus the first field they mark then.
    requestAnimationFrame(() => {
      focusFirstInvalid(formRef.current);
    });
  };

  const guard = useDiscardGuard({ dirty, onSave: submit, onCancel, wording: 'directory' });

  const text = (field: 'honorific' | 'givenName' | 'familyName' | 'displayName' | 'title', label: string, help?: string) => (
    <Field label={label} error={messages.at(field)} help={help} wide={field === 'title' || field === 'displayName'}>
      {(control) => (
        <input
          {...control}
          className="field__control field__control--wide"
          type="text"
          value={values[field]}
          onChange={(event) => {
            if (field === 'displayName') setNameEdited(true);
            change(field, event.target.value);
          }}
        />
      )}
    </Field>
  );

  return (
    <EditForm
      className="contact-form"
      title={contact === null ? t('directory.form.createTitle') : t('directory.form.editTitle', { name: contact.displayName })}
      titleLevel={2}
      titleClassName="detail__title"
      hint={t('directory.form.keysHint')}
      busy={busy}
      formRef={formRef}
      onSubmit={submit}
      onKeyDown={guard.onKeyDown}
    >
      <div className="form-grid">
        {text('honorific', t('directory.form.honorific'), t('directory.form.honorificHelp'))}
        {text('givenName', t('directory.form.givenName'))}
        {text('familyName', t('directory.form.familyName'))}
      </div>
      {text('displayName', t('directory.form.displayName'), t('directory.form.displayNameHelp'))}
      {text('title', t('directory.form.title'))}
      <div className="form-grid">
        <Field label={t('directory.form.country')} error={messages.at('countryId')}>
          {(control) => (
            <CountrySelect
              control={control}
              value={values.countryId}
              noneLabel={t('directory.form.none')}
              onChange={(countryId) => {
                change('countryId', countryId);
              }}
            />
          )}
        </Field>
        <Field label={t('directory.form.organisation')} error={messages.at('organisationId')} wide>
          {(control) => (
            <OrganisationSelect
              control={control}
              value={values.organisationId}
              countryId={values.countryId}
              noneLabel={t('directory.form.none')}
              onChange={(organisationId) => {
                change('organisationId', organisationId);
              }}
            />
          )}
        </Field>
      </div>
      <fieldset className="checkbox-group">
        <legend className="field__label">{t('directory.form.roles')}</legend>
        {contactRoles.map((role: ContactRole) => (
          <label className="checkbox" key={role}>
            <input
              type="checkbox"
              checked={values.roles.includes(role)}
              onChange={(event) => {
                change('roles', event.target.checked ? [...values.roles, role] : values.roles.filter((held) => held !== role));
              }}
            />
            {t(`directory.roles.${role}`)}
          </label>
        ))}
        {messages.at('roles') === null ? null : <p className="field__error">{messages.at('roles')}</p>}
      </fieldset>
      <ChannelRows
        field="emails"
        rows={values.emails}
        messages={messages}
        onChange={(rows) => {
          change('emails', rows);
        }}
      />
      <ChannelRows
        field="phones"
        rows={values.phones}
        messages={messages}
        onChange={(rows) => {
          change('phones', rows);
        }}
      />
      <div className="form-grid">
        <TextField
          label={t('directory.form.languages')}
          help={t('directory.form.languagesHelp')}
          error={messages.items('languages', splitList(values.languages, /[,;\s]+/))}
          spellCheck={false}
          value={values.languages}
          onChange={(languages) => {
            change('languages', languages);
          }}
        />
        <TextField
          label={t('directory.form.appointedOn')}
          error={messages.at('appointedOn')}
          type="date"
          value={values.appointedOn}
          onChange={(appointedOn) => {
            change('appointedOn', appointedOn);
          }}
        />
      </div>
      <TextField
        label={t('directory.form.tags')}
        help={t('directory.form.tagsHelp')}
        error={messages.items('tags', splitList(values.tags, /[,;]+/))}
        wide
        value={values.tags}
        onChange={(tags) => {
          change('tags', tags);
        }}
      />
      <TextAreaField
        label={t('directory.form.notes')}
        error={messages.at('notes')}
        wide
        rows={4}
        value={values.notes}
        onChange={(notes) => {
          change('notes', notes);
        }}
      />
      <FormFooter
        {...guard.footer}
        failure={failure}
        unplaced={messages.unplaced}
        busy={busy}
        saveLabel={t('directory.form.save')}
        busyLabel={t('directory.form.saving')}
        cancelLabel={t('directory.form.cancel')}
      />
    </EditForm>
  );
}
