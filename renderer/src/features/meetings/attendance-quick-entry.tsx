import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attendanceStatuses, type AttendanceStatus } from '../../../../shared/schemas/meeting';
import { ChoiceField } from '../../components/choice-field';
import { findContacts, useMeetingStore } from '../../stores/use-meeting-store';
import { CountryChecklist } from './country-checklist';
import { LookupPicker } from './lookup-picker';
import { useMeetingNames } from './use-meeting-names';

export interface AttendanceQuickEntryProps {
  readonly announce: (message: string) => void;
}

/**
 * Records attendance for many at once: tick countries (delegations) and pick people, choose a status, and one action
 * sends them all (`meetings.attendance.set`); each replaces what was recorded for the same person or country. The
 * choices are cleared once recorded, ready for the next group.
 */
export function AttendanceQuickEntry({ announce }: AttendanceQuickEntryProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const setAttendance = useMeetingStore((state) => state.setAttendance);
  const rememberContact = useMeetingStore((state) => state.rememberContact);
  const names = useMeetingNames();
  const [countries, setCountries] = useState<readonly string[]>([]);
  const [contacts, setContacts] = useState<readonly string[]>([]);
  const [status, setStatus] = useState<AttendanceStatus>('attended');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = countries.length + contacts.length;

  const apply = async (): Promise<void> => {
    if (busy) return;
    if (chosen === 0) {
      setProblem(t('meetings.attendance.quick.nothingChosen'));
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await setAttendance([
      ...contacts.map((contactId) => ({ contactId, countryId: null, status, note: '' })),
      ...countries.map((countryId) => ({ contactId: null, countryId, status, note: '' })),
    ]);
    setBusy(false);
    if (!result.ok) {
      setProblem(t('meetings.attendance.quick.failed', { message: result.error.message }));
      return;
    }
    announce(t('meetings.attendance.quick.recorded', { count: chosen, status: t(`meetings.attendanceStatuses.${status}`) }));
    setCountries([]);
    setContacts([]);
  };

  return (
    <form
      className="attendance-quick"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void apply();
      }}
    >
      <h3 className="attendance-quick__heading" id={headingId}>
        {t('meetings.attendance.quick.heading')}
      </h3>
      <div className="attendance-quick__pickers">
        <CountryChecklist
          label={t('meetings.attendance.quick.countries')}
          selected={countries}
          onChange={(next) => {
            setProblem(null);
            setCountries(next);
          }}
        />
        <LookupPicker
          label={t('meetings.attendance.quick.people')}
          searchLabel={t('meetings.lookup.findPerson')}
          find={(text) => findContacts(text)}
          selected={contacts}
          nameOf={names.contactWithCountry}
          addLabel={(name) => t('meetings.lookup.add', { name })}
          onAdd={(option) => {
            rememberContact(option.id, { name: option.label, countryId: option.countryId ?? '' });
            setProblem(null);
            setContacts([...contacts, option.id]);
          }}
          onRemove={(id) => {
            setContacts(contacts.filter((held) => held !== id));
          }}
        />
      </div>
      <div className="attendance-quick__apply">
        <ChoiceField
          label={t('meetings.attendance.quick.status')}
          value={status}
          choices={attendanceStatuses}
          labelOf={(option) => t(`meetings.attendanceStatuses.${option}`)}
          onChange={setStatus}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('meetings.attendance.quick.apply')}
        </button>
        <span className="muted">{t('meetings.attendance.quick.chosen', { count: chosen })}</span>
      </div>
      {problem === null ? null : (
        <p className="form-failure" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
