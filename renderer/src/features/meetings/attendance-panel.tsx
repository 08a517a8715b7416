import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import { attendanceStatuses, type AttendanceRecord, type AttendanceStatus } from '../../../../shared/schemas/meeting';
import { useMeetingStore } from '../../stores/use-meeting-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { compareLabels } from '../directory/country-choices';
import { formatCount } from '../directory/format-directory';
import { AttendanceQuickEntry } from './attendance-quick-entry';
import { countriesAttendedText } from './meeting-counts';
import { useMeetingNames, type MeetingNames } from './use-meeting-names';

export interface AttendancePanelProps {
  readonly detail: MeetingDetail;
  readonly readOnly: boolean;
}

interface Row {
  readonly record: AttendanceRecord;
  readonly name: string;
  readonly country: string;
}

function rowsOf(records: readonly AttendanceRecord[], names: MeetingNames, compare: (a: string, b: string) => number): { people: Row[]; countries: Row[] } {
  const people: Row[] = [];
  const countries: Row[] = [];
  for (const record of records) {
    if (record.contactId !== null) {
      // The country recorded with the attendance (whom they represented), else the one the directory gives them.
      const country = record.countryId === null ? names.contactCountry(record.contactId) : names.country(record.countryId);
      people.push({ record, name: names.contact(record.contactId), country });
    } else if (record.countryId !== null) {
      countries.push({ record, name: names.country(record.countryId), country: '' });
    }
  }
  const byName = (a: Row, b: Row): number => compare(a.name, b.name);
  return { people: people.sort(byName), countries: countries.sort(byName) };
}

/**
 * The Attendance section: the roll-up (countries attended — the count a source states first when there is one —,
 * people attended, and how many are at each status), the quick entry for many at once, and who was recorded, by
 * person and by country, each with a status to change and a Remove button.
 */
export function AttendancePanel({ detail, readOnly }: AttendancePanelProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const setAttendance = useMeetingStore((state) => state.setAttendance);
  const removeAttendance = useMeetingStore((state) => state.removeAttendance);
  const names = useMeetingNames();
  const [announcement, setAnnouncement] = useState('');
  const summary = detail.attendance;
  const { people, countries } = rowsOf(detail.meeting.attendance, names, compareLabels(language));

  const changeStatus = async (row: Row, status: AttendanceStatus): Promise<void> => {
    const result = await setAttendance([{ ...row.record, status }]);
    setAnnouncement(
      result.ok
        ? t('meetings.attendance.updated', { name: row.name, status: t(`meetings.attendanceStatuses.${status}`) })
        : t('meetings.attendance.failed', { message: result.error.message }),
    );
  };
  const remove = async (row: Row): Promise<void> => {
    const result = await removeAttendance(row.record.contactId, row.record.contactId === null ? row.record.countryId : null);
    setAnnouncement(result.ok ? t('meetings.attendance.removed', { name: row.name }) : t('meetings.attendance.failed', { message: result.error.message }));
  };

  const table = (caption: string, rows: readonly Row[], withCountry: boolean, empty: string) => (
    <table className="table attendance-table">
      <caption className="attendance-table__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{withCountry ? t('meetings.attendance.columns.person') : t('meetings.attendance.columns.country')}</th>
          {withCountry ? <th scope="col">{t('meetings.attendance.columns.country')}</th> : null}
          <th scope="col">{t('meetings.attendance.columns.status')}</th>
          {readOnly ? null : <th scope="col">{t('meetings.attendance.columns.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={readOnly ? 3 : 4} className="muted">
              {empty}
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr key={`${row.record.contactId ?? ''}:${row.record.countryId ?? ''}`}>
            <th scope="row">{row.name}</th>
            {withCountry ? <td>{row.country === '' ? <span className="muted">{t('meetings.attendance.noCountry')}</span> : row.country}</td> : null}
            <td>
              {readOnly ? (
                t(`meetings.attendanceStatuses.${row.record.status}`)
              ) : (
                <select
                  className="field__control"
                  aria-label={t('meetings.attendance.statusOf', { name: row.name })}
                  value={row.record.status}
                  onChange={(event) => {
                    const next = attendanceStatuses.find((candidate) => candidate === event.target.value);
                    if (next !== undefined) void changeStatus(row, next);
                  }}
                >
                  {attendanceStatuses.map((status) => (
                    <option key={status} value={status}>
                      {t(`meetings.attendanceStatuses.${status}`)}
                    </option>
                  ))}
                </select>
              )}
            </td>
            {readOnly ? null : (
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('meetings.attendance.removeLabel', { name: row.name })}
                  onClick={() => {
                    void remove(row);
                  }}
                >
                  {t('meetings.attendance.remove')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="attendance">
      <div className="attendance-rollup" role="group" aria-label={t('meetings.attendance.rollupLabel')}>
        <p className="attendance-rollup__main">{countriesAttendedText(summary.countriesAttended, summary.statedCountryCount, language, t)}</p>
        <p className="muted">
          {t('meetings.attendance.people', { count: summary.contactsAttended, formatted: formatCount(summary.contactsAttended, language) })}
          {' · '}
          {attendanceStatuses
            .map((status) => t('meetings.attendance.atStatus', { status: t(`meetings.attendanceStatuses.${status}`), formatted: formatCount(summary.byStatus[status], language) }))
            .join(' · ')}
        </p>
      </div>
      <p className="status-line" role="status">
        {announcement}
      </p>
      {readOnly ? null : <AttendanceQuickEntry announce={setAnnouncement} />}
      {table(t('meetings.attendance.byPerson'), people, true, t('meetings.attendance.noPeople'))}
      {table(t('meetings.attendance.byCountry'), countries, false, t('meetings.attendance.noCountries'))}
    </div>
  );
}
