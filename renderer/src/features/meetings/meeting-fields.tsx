import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingKinds, meetingStatuses } from '../../../../shared/schemas/meeting';
import { Field } from '../../components/field';
import { TextAreaField, TextField } from '../../components/text-field';
import { countryDisplayName } from '../../i18n/country-names';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { findPapers, useMeetingStore } from '../../stores/use-meeting-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { countryChoices } from '../directory/country-choices';
import type { FieldMessages } from '../directory/use-field-messages';
import { MultiPicker } from '../documents/multi-picker';
import { LookupPicker } from './lookup-picker';
import { timeZoneChoices, userTimeZone } from './meeting-format';
import type { MeetingFormField, MeetingFormValues } from './meeting-form-values';
import { useMeetingNames } from './use-meeting-names';

export interface MeetingFieldsProps {
  readonly values: MeetingFormValues;
  readonly change: <K extends MeetingFormField>(field: K, value: MeetingFormValues[K]) => void;
  readonly setAllDay: (allDay: boolean) => void;
  readonly messages: FieldMessages;
}

/**
 * The fields of a meeting: title, kind and status, all-day or timed with start, end and time zone (typed with
 * suggestions from every zone this computer knows), place and online link, host countries, papers from the library,
 * classification, the count of countries a source states, and a description.
 */
export function MeetingFields({ values, change, setAllDay, messages }: MeetingFieldsProps) {
  const { t } = useTranslation();
  const zonesId = useId();
  const language = useSettingsStore((state) => state.language);
  const countries = useDirectoryStore((state) => state.countries);
  const rememberPaper = useMeetingStore((state) => state.rememberPaper);
  const names = useMeetingNames();
  const zones = useMemo(() => timeZoneChoices(userTimeZone()), []);
  const held = countries.status === 'loaded' ? countries.items : null;
  const countryOptions = useMemo(() => countryChoices(held ?? [], language).map((choice) => ({ id: choice.id, label: choice.label })), [held, language]);
  const dateType = values.allDay ? 'date' : 'datetime-local';

  return (
    <>
      <TextField
        label={t('meetings.form.title')}
        error={messages.at('title')}
        wide
        value={values.title}
        onChange={(title) => {
          change('title', title);
        }}
      />
      <div className="form-grid">
        <Field label={t('meetings.form.kind')} error={messages.at('kind')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={values.kind}
              onChange={(event) => {
                const kind = meetingKinds.find((candidate) => candidate === event.target.value);
                if (kind !== undefined) change('kind', kind);
              }}
            >
              {meetingKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`meetings.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('meetings.form.status')} error={messages.at('status')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={values.status}
              onChange={(event) => {
                const status = meetingStatuses.find((candidate) => candidate === event.target.value);
                if (status !== undefined) change('status', status);
              }}
            >
              {meetingStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`meetings.statuses.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.allDay}
          onChange={(event) => {
            setAllDay(event.target.checked);
          }}
        />
        {t('meetings.form.allDay')}
      </label>
      <div className="form-grid">
        <TextField
          label={values.allDay ? t('meetings.form.firstDay') : t('meetings.form.start')}
          error={messages.at('start')}
          type={dateType}
          value={values.start}
          onChange={(start) => {
            change('start', start);
          }}
        />
        <TextField
          label={values.allDay ? t('meetings.form.lastDay') : t('meetings.form.end')}
          error={messages.at('end')}
          type={dateType}
          value={values.end}
          onChange={(end) => {
            change('end', end);
          }}
        />
        <Field label={t('meetings.form.timeZone')} help={t('meetings.form.timeZoneHelp')} error={messages.at('timeZone')}>
          {(control) => (
            <>
              <input
                {...control}
                className="field__control"
                type="text"
                list={zonesId}
                spellCheck={false}
                autoComplete="off"
                value={values.timeZone}
                onChange={(event) => {
                  change('timeZone', event.target.value);
                }}
              />
              <datalist id={zonesId}>
                {zones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <div className="form-grid">
        <TextField
          label={t('meetings.form.location')}
          error={messages.at('location')}
          value={values.location}
          onChange={(location) => {
            change('location', location);
          }}
        />
        <TextField
          label={t('meetings.form.virtualLink')}
          help={t('meetings.form.virtualLinkHelp')}
          error={messages.at('virtualLink')}
          type="url"
          spellCheck={false}
          value={values.virtualLink}
          onChange={(virtualLink) => {
            change('virtualLink', virtualLink);
          }}
        />
      </div>
      <MultiPicker
        label={t('meetings.form.hosts')}
        addLabel={t('meetings.form.hostToAdd')}
        addButton={t('meetings.form.addHost')}
        options={countryOptions}
        selected={values.hostCountryIds}
        labelOf={(id) => countryDisplayName(id, language)}
        error={messages.at('hostCountryIds')}
        onChange={(next) => {
          change('hostCountryIds', next);
        }}
      />
      <div className="form-grid">
        <TextField
          label={t('meetings.form.classification')}
          help={t('meetings.form.classificationHelp')}
          error={messages.at('classification')}
          value={values.classification}
          onChange={(classification) => {
            change('classification', classification);
          }}
        />
        <TextField
          label={t('meetings.form.statedCountryCount')}
          help={t('meetings.form.statedCountryCountHelp')}
          error={messages.at('statedCountryCount')}
          inputMode="numeric"
          maxLength={3}
          value={values.statedCountryCount}
          onChange={(count) => {
            change('statedCountryCount', count);
          }}
        />
      </div>
      <LookupPicker
        label={t('meetings.form.papers')}
        searchLabel={t('meetings.lookup.findPaper')}
        find={(text) => findPapers(text)}
        offerWhenBlank
        selected={values.documentIds}
        nameOf={names.paper}
        addLabel={(name) => t('meetings.lookup.attach', { name })}
        error={messages.at('documentIds')}
        onAdd={(option) => {
          rememberPaper(option.id, { title: option.label, deleted: false });
          change('documentIds', [...values.documentIds, option.id]);
        }}
        onRemove={(id) => {
          change(
            'documentIds',
            values.documentIds.filter((held) => held !== id),
          );
        }}
      />
      <TextAreaField
        label={t('meetings.form.description')}
        error={messages.at('description')}
        wide
        rows={3}
        value={values.description}
        onChange={(description) => {
          change('description', description);
        }}
      />
    </>
  );
}
