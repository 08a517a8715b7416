import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestedDocumentThemes } from '../../../../shared/domain/document-themes';
import { documentKinds, documentVisibilities, pillars, type Pillar } from '../../../../shared/schemas/document';
import { textBinding } from '../../components/bind-text-field';
import { ChoiceField } from '../../components/choice-field';
import { TextAreaField, TextField } from '../../components/text-field';
import { countryDisplayName } from '../../i18n/country-names';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import type { FieldMessages } from '../directory/use-field-messages';
import { languageName } from '../directory/format-directory';
import type { DocumentFormField, DocumentFormValues } from './document-form-values';
import { MultiPicker, type PickerOption } from './multi-picker';
import { themeLabel } from './theme-label';

/** Language tags offered as you type (any other well-formed tag is accepted too). */
const commonLanguages = ['en', 'fr', 'es', 'pt', 'ar', 'ru', 'zh', 'de'] as const;

export interface DocumentFieldsProps {
  readonly values: DocumentFormValues;
  readonly change: <K extends DocumentFormField>(field: K, value: DocumentFormValues[K]) => void;
  readonly messages: FieldMessages;
}

/**
 * The fields describing a document, shared by the form that adds a file and the one that edits a document: title,
 * kind, date, language, countries, organisations, pillars, themes (the network's common ones as ticks, others typed),
 * summary and who sees it. Countries and organisations come from the directory, by name.
 */
export function DocumentFields({ values, change, messages }: DocumentFieldsProps) {
  const { t } = useTranslation();
  const visibilityName = useId();
  const language = useSettingsStore((state) => state.language);
  const countries = useDirectoryStore((state) => state.countries);
  const organisations = useDirectoryStore((state) => state.organisations);
  const countryOptions: PickerOption[] =
    countries.status === 'loaded'
      ? countries.items
          .map((country) => ({ id: country.id, label: countryDisplayName(country.id, language, country.name) }))
          .sort((a, b) => a.label.localeCompare(b.label, language))
      : [];
  const organisationOptions: PickerOption[] =
    organisations.status === 'loaded'
      ? organisations.items
          .filter((row) => !row.deleted)
          .map((row) => ({ id: row.id, label: row.countryName === '' ? row.name : `${row.name} — ${row.countryName}` }))
      : [];
  const pillarOf = (pillar: Pillar): string => t(`documents.pillars.${pillar}`);
  const bind = textBinding(values, change, messages);

  return (
    <>
      <TextField label={t('documents.form.title')} wide {...bind('title')} />
      <div className="form-grid">
        <ChoiceField
          label={t('documents.form.kind')}
          error={messages.at('kind')}
          value={values.kind}
          choices={documentKinds}
          labelOf={(kind) => t(`documents.kinds.${kind}`)}
          onChange={(kind) => {
            change('kind', kind);
          }}
        />
        <TextField label={t('documents.form.date')} type="date" {...bind('date')} />
        <TextField
          label={t('documents.form.language')}
          help={t('documents.form.languageHelp')}
          suggestions={commonLanguages}
          suggestionLabel={(tag) => languageName(tag, language)}
          spellCheck={false}
          {...bind('language')}
        />
      </div>
      <MultiPicker
        label={t('documents.form.countries')}
        addLabel={t('documents.form.countryToAdd')}
        addButton={t('documents.form.addCountry')}
        options={countryOptions}
        selected={values.countryIds}
        labelOf={(id) => countryDisplayName(id, language)}
        error={messages.at('countryIds')}
        onChange={(next) => {
          change('countryIds', next);
        }}
      />
      <MultiPicker
        label={t('documents.form.organisations')}
        addLabel={t('documents.form.organisationToAdd')}
        addButton={t('documents.form.addOrganisation')}
        options={organisationOptions}
        selected={values.organisationIds}
        labelOf={(id) => id}
        error={messages.at('organisationIds')}
        onChange={(next) => {
          change('organisationIds', next);
        }}
      />
      <fieldset className="checkbox-group">
        <legend className="field__label">{t('documents.form.pillars')}</legend>
        {pillars.map((pillar) => (
          <label className="checkbox" key={pillar}>
            <input
              type="checkbox"
              checked={values.pillars.includes(pillar)}
              onChange={(event) => {
                change('pillars', event.target.checked ? [...values.pillars, pillar] : values.pillars.filter((held) => held !== pillar));
              }}
            />
            {pillarOf(pillar)}
          </label>
        ))}
        {messages.at('pillars') === null ? null : <p className="field__error">{messages.at('pillars')}</p>}
      </fieldset>
      <fieldset className="checkbox-group documents-themes">
        <legend className="field__label">{t('documents.form.themes')}</legend>
        {suggestedDocumentThemes.map((theme) => (
          <label className="checkbox" key={theme}>
            <input
              type="checkbox"
              checked={values.themes.includes(theme)}
              onChange={(event) => {
                change('themes', event.target.checked ? [...values.themes, theme] : values.themes.filter((held) => held !== theme));
              }}
            />
            {themeLabel(theme, t)}
          </label>
        ))}
      </fieldset>
      <TextField label={t('documents.form.otherThemes')} help={t('documents.form.otherThemesHelp')} wide {...bind('themeText', 'themes')} />
      <TextAreaField label={t('documents.form.summary')} wide rows={4} {...bind('summary')} />
      <fieldset className="checkbox-group">
        <legend className="field__label">{t('documents.form.visibility')}</legend>
        {documentVisibilities.map((visibility) => (
          <label className="checkbox" key={visibility}>
            <input
              type="radio"
              name={visibilityName}
              value={visibility}
              checked={values.visibility === visibility}
              onChange={() => {
                change('visibility', visibility);
              }}
            />
            {t(`documents.visibility.${visibility}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
