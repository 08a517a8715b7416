import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingKinds, meetingStatuses } from '../../../../shared/schemas/meeting';
import { textBinding } from '../../components/bind-text-field';
import { ChoiceField } from '../../components/choice-field';
import { TextAreaField, TextField } from '../../components/text-field';
import type { FieldMessages } from '../directory/use-field-messages';
import { CountriesPicker } from './countries-picker';
import { timeZoneChoices, userTimeZone } from './meeting-format';
import type { MeetingFormField, MeetingFormValues } from './meeting-form-values';
import { PapersPicker } from './papers-picker';

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
  const zones = useMemo(() => timeZoneChoices(userTimeZone()), []);
  const dateType = values.allDay ? 'date' : 'datetime-local';
  const bind = textBinding(values, change, messages);

  return (
    <>
      <TextField label={t('meetings.form.title')} wide {...bind('title')} />
      <div className="form-grid">
        <ChoiceField
          label={t('meetings.form.kind')}
          error={messages.at('kind')}
          value={values.kind}
          choices={meetingKinds}
          labelOf={(kind) => t(`meetings.kinds.${kind}`)}
          onChange={(kind) => {
            change('kind', kind);
          }}
        />
        <ChoiceField
          label={t('meetings.form.status')}
          error={messages.at('status')}
          value={values.status}
          choices={meetingStatuses}
          labelOf={(status) => t(`meetings.statuses.${status}`)}
          onChange={(status) => {
            change('status', status);
          }}
        />
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
        <TextField label={values.allDay ? t('meetings.form.firstDay') : t('meetings.form.start')} type={dateType} {...bind('start')} />
        <TextField label={values.allDay ? t('meetings.form.lastDay') : t('meetings.form.end')} type={dateType} {...bind('end')} />
        <TextField
          label={t('meetings.form.timeZone')}
          help={t('meetings.form.timeZoneHelp')}
          suggestions={zones}
          spellCheck={false}
          autoComplete="off"
          {...bind('timeZone')}
        />
      </div>
      <div className="form-grid">
        <TextField label={t('meetings.form.location')} {...bind('location')} />
        <TextField
          label={t('meetings.form.virtualLink')}
          help={t('meetings.form.virtualLinkHelp')}
          type="url"
          spellCheck={false}
          {...bind('virtualLink')}
        />
      </div>
      <CountriesPicker
        label={t('meetings.form.hosts')}
        addLabel={t('meetings.form.hostToAdd')}
        addButton={t('meetings.form.addHost')}
        selected={values.hostCountryIds}
        error={messages.at('hostCountryIds')}
        onChange={(next) => {
          change('hostCountryIds', next);
        }}
      />
      <div className="form-grid">
        <TextField label={t('meetings.form.classification')} help={t('meetings.form.classificationHelp')} {...bind('classification')} />
        <TextField
          label={t('meetings.form.statedCountryCount')}
          help={t('meetings.form.statedCountryCountHelp')}
          inputMode="numeric"
          maxLength={3}
          {...bind('statedCountryCount')}
        />
      </div>
      <PapersPicker
        label={t('meetings.form.papers')}
        selected={values.documentIds}
        error={messages.at('documentIds')}
        onChange={(documentIds) => {
          change('documentIds', documentIds);
        }}
      />
      <TextAreaField label={t('meetings.form.description')} wide rows={3} {...bind('description')} />
    </>
  );
}
