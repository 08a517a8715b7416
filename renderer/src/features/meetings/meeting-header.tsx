import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import { useSettingsStore } from '../../stores/use-settings-store';
import { countriesAttendedText } from './meeting-counts';
import { MeetingWhenText } from './meeting-when-text';
import { useMeetingNames } from './use-meeting-names';

export interface MeetingHeaderProps {
  readonly detail: MeetingDetail;
}

/**
 * What a meeting is: when (in its zone and the user's), where (place and online link, which opens in the system
 * browser), who hosts it, its kind and status, countries attended, its papers and description. The classification
 * marking leads the page, as it would a printed paper.
 */
export function MeetingHeader({ detail }: MeetingHeaderProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const names = useMeetingNames();
  const { meeting, attendance } = detail;
  const hosts = [...meeting.hostCountryIds.map(names.country), ...meeting.hostOrganisationIds.map(names.organisation)];

  return (
    <dl className="details meeting-details">
      <div className="details__row">
        <dt>{t('meetings.page.when')}</dt>
        <dd>
          <MeetingWhenText timing={meeting} />
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('meetings.page.where')}</dt>
        <dd>
          {meeting.location === '' && meeting.virtualLink === '' ? <span className="muted">{t('meetings.page.noPlace')}</span> : null}
          {meeting.location === '' ? null : <span className="meeting-details__place">{meeting.location}</span>}
          {meeting.virtualLink === '' ? null : (
            <a className="meeting-details__link" href={meeting.virtualLink} target="_blank" rel="noreferrer noopener">
              {t('meetings.page.online', { address: meeting.virtualLink })}
            </a>
          )}
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('meetings.page.hosts')}</dt>
        <dd>{hosts.length === 0 ? <span className="muted">{t('meetings.page.noHosts')}</span> : hosts.join(', ')}</dd>
      </div>
      <div className="details__row">
        <dt>{t('meetings.page.kindAndStatus')}</dt>
        <dd>
          {t(`meetings.kinds.${meeting.kind}`)} · {t(`meetings.statuses.${meeting.status}`)}
        </dd>
      </div>
      <div className="details__row">
        <dt>{t('meetings.page.attendance')}</dt>
        <dd>{countriesAttendedText(attendance.countriesAttended, attendance.statedCountryCount, language, t)}</dd>
      </div>
      {meeting.documentIds.length === 0 ? null : (
        <div className="details__row">
          <dt>{t('meetings.page.papers')}</dt>
          <dd>
            <ul className="plain-list">
              {meeting.documentIds.map((id) => (
                <li key={id}>{names.paper(id)}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {meeting.description === '' ? null : (
        <div className="details__row">
          <dt>{t('meetings.page.description')}</dt>
          <dd className="pre-wrap">{meeting.description}</dd>
        </div>
      )}
    </dl>
  );
}
