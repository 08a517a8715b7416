import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/api/result';
import { networkStatuses, type Country, type NetworkStatus } from '../../../../shared/schemas/country';
import { Field } from '../../components/field';
import { EditForm } from '../../components/edit-form';
import { FormFooter } from '../../components/form-footer';
import { TextAreaField, TextField } from '../../components/text-field';
import { useCountryStore } from '../../stores/use-country-store';
import { changedFields } from './changed-fields';
import type { Issue } from './field-issues';
import {
  checkCountry,
  countryFormFields,
  organisationList,
  suggestedOrganisations,
  valuesFromCountry,
  YEAR_ISSUE,
  type CountryFormValues,
} from './country-form-values';
import { focusFirstInvalid } from './focus-first-invalid';
import { useDiscardGuard } from './use-discard-guard';
import { useFieldMessages } from './use-field-messages';

export interface CountryFormProps {
  readonly country: Country;
  /** The country's name in the interface language. */
  readonly label: string;
  readonly onSaved: (country: Country) => void;
  readonly onCancel: () => void;
}

/** Whether an issue is about the year (the core's paths start at `changes.`): the form words those itself. */
const isYearPath = (path: string): boolean => /(^|\.)yearJoined$/.test(path);

/**
 * Edits where a country stands in the network: its status, whether it co-hosts, the year it joined (2000–2100),
 * its regional organisations (the usual ones of its region as ticks, any other typed) and its national experience
 * (at most 4,000 characters). Checked as the user types against the core's own rules; the core's issues show beside
 * their fields after a save. Only changed fields are sent. Ctrl+S saves; Escape cancels, asking first when something
 * changed.
 */
export function CountryForm({ country, label, onSaved, onCancel }: CountryFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const busy = useCountryStore((state) => state.busy);
  const save = useCountryStore((state) => state.save);
  const [initial] = useState<CountryFormValues>(() => valuesFromCountry(country));
  const [values, setValues] = useState<CountryFormValues>(initial);
  const [failure, setFailure] = useState<string | null>(null);

  const region = country.region;
  const yearMessage = t('directory.countryForm.yearInvalid');
  const check = checkCountry(values, region);
  const localIssues: Issue[] = check.issues.map((issue) => (issue.code === YEAR_ISSUE ? { ...issue, message: yearMessage } : issue));
  const messages = useFieldMessages(localIssues, countryFormFields);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const organisations = organisationList(values, region);

  const change = <K extends keyof CountryFormValues>(field: K, value: CountryFormValues[K]): void => {
    messages.touch(field === 'otherOrganisations' ? 'regionalOrganisations' : field);
    setFailure(null);
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  const submit = async (): Promise<void> => {
    if (busy) return;
    messages.submit();
    if (check.input === null) {
      setFailure(t('directory.countryForm.fixFields'));
      focusFirstInvalid(formRef.current);
      return;
    }
    const baseline = checkCountry(initial, region).input;
    const changes = baseline === null ? check.input : changedFields(baseline, check.input);
    if (Object.keys(changes).length === 0) {
      onSaved(country);
      return;
    }
    const result = await save(country.id, changes);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    messages.setCoreIssues(
      result.error.issues?.map((issue): FieldIssue => (isYearPath(issue.path) ? { ...issue, code: YEAR_ISSUE, message: yearMessage } : issue)),
    );
    setFailure(t('directory.countryForm.failed', { message: result.error.message }));
    requestAnimationFrame(() => {
      focusFirstInvalid(formRef.current);
    });
  };

  const guard = useDiscardGuard({ dirty, onSave: submit, onCancel, wording: 'directory' });

  const organisationsMessage = messages.items('regionalOrganisations', organisations);

  return (
    <EditForm
      className="country-form"
      title={t('directory.countryForm.title', { name: label })}
      titleLevel={3}
      titleClassName="detail__title"
      hint={t('directory.countryForm.keysHint')}
      busy={busy}
      formRef={formRef}
      onSubmit={submit}
      onKeyDown={guard.onKeyDown}
    >
      <div className="form-grid">
        <Field label={t('directory.countryForm.networkStatus')} error={messages.at('networkStatus')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={values.networkStatus}
              onChange={(event) => {
                change('networkStatus', event.target.value as NetworkStatus);
              }}
            >
              {networkStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`directory.networkStatuses.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('directory.countryForm.yearJoined')}
          help={t('directory.countryForm.yearJoinedHelp')}
          error={messages.at('yearJoined')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={values.yearJoined}
          onChange={(yearJoined) => {
            change('yearJoined', yearJoined);
          }}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.coHost}
          onChange={(event) => {
            change('coHost', event.target.checked);
          }}
        />
        {t('directory.countryForm.coHost')}
      </label>
      <fieldset className="checkbox-group">
        <legend className="field__label">{t('directory.countryForm.regionalOrganisations')}</legend>
        {suggestedOrganisations[region].map((name) => (
          <label className="checkbox" key={name}>
            <input
              type="checkbox"
              checked={values.regionalOrganisations.includes(name)}
              onChange={(event) => {
                change(
                  'regionalOrganisations',
                  event.target.checked ? [...values.regionalOrganisations, name] : values.regionalOrganisations.filter((held) => held !== name),
                );
              }}
            />
            {name}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('directory.countryForm.otherOrganisations')}
        help={t('directory.countryForm.otherOrganisationsHelp')}
        error={organisationsMessage}
        wide
        autoComplete="off"
        value={values.otherOrganisations}
        onChange={(otherOrganisations) => {
          change('otherOrganisations', otherOrganisations);
        }}
      />
      <TextAreaField
        label={t('directory.countryForm.nationalExperience')}
        help={t('directory.countryForm.nationalExperienceHelp')}
        error={messages.at('nationalExperience')}
        wide
        rows={6}
        value={values.nationalExperience}
        onChange={(nationalExperience) => {
          change('nationalExperience', nationalExperience);
        }}
      />
      <FormFooter
        {...guard.footer}
        failure={failure}
        unplaced={messages.unplaced}
        busy={busy}
        saveLabel={t('directory.countryForm.save')}
        busyLabel={t('directory.countryForm.saving')}
        cancelLabel={t('directory.countryForm.cancel')}
      />
    </EditForm>
  );
}
