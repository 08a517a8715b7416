import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import { useSettingsStore } from '../../stores/use-settings-store';
import { presentersOf } from './agenda-item-view';
import { formatMinutes, formatWallRange, spansDays } from './meeting-format';
import { MeetingWhenText } from './meeting-when-text';
import { useMeetingNames } from './use-meeting-names';
import './print-agenda.css';

export interface PrintAgendaProps {
  readonly detail: MeetingDetail;
  readonly onClose: () => void;
}

/**
 * The agenda as a printable page: the classification marking, title, when and where, hosts, then one row per item
 * with its time (in the meeting's zone), title, duration, presenters and papers. The print style sheet
 * (print-agenda.css) prints only this page, without the window's navigation. Print opens the system's print dialog;
 * Escape or Close goes back to the meeting.
 */
export function PrintAgenda({ detail, onClose }: PrintAgendaProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const language = useSettingsStore((state) => state.language);
  const names = useMeetingNames();
  const { meeting, agenda } = detail;
  const withDate = spansDays(meeting);
  const hosts = [...meeting.hostCountryIds.map(names.country), ...meeting.hostOrganisationIds.map(names.organisation)];

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section
      className="print-agenda"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="print-agenda__toolbar no-print" role="toolbar" aria-label={t('meetings.print.toolbar')}>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            window.print();
          }}
        >
          {t('meetings.print.print')}
        </button>
        <button type="button" className="button" aria-keyshortcuts="Escape" onClick={onClose}>
          {t('meetings.print.close')}
        </button>
        <span className="muted">{t('meetings.print.hint')}</span>
      </div>
      {meeting.classification === '' ? null : <p className="print-agenda__marking">{meeting.classification}</p>}
      <h2 className="print-agenda__title" id={headingId} ref={headingRef} tabIndex={-1}>
        {meeting.title}
      </h2>
      <p className="print-agenda__subtitle">{t('meetings.print.agenda')}</p>
      <p>
        <MeetingWhenText timing={meeting} />
      </p>
      {meeting.location === '' ? null : <p>{meeting.location}</p>}
      {hosts.length === 0 ? null : <p>{t('meetings.print.hostedBy', { hosts: hosts.join(', ') })}</p>}
      {agenda.length === 0 ? (
        <p>{t('meetings.print.noItems')}</p>
      ) : (
        <table className="print-agenda__table">
          <thead>
            <tr>
              <th scope="col">{t('meetings.print.time')}</th>
              <th scope="col">{t('meetings.print.item')}</th>
              <th scope="col">{t('meetings.print.presenters')}</th>
              <th scope="col">{t('meetings.print.papers')}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.map((item) => (
              <tr key={item.id}>
                <td className="print-agenda__time">{formatWallRange(item.scheduledStart, item.scheduledEnd, language, withDate) ?? '—'}</td>
                <th scope="row">
                  <span className="print-agenda__item">
                    {item.position}. {item.title}
                  </span>
                  {item.durationMinutes === null ? null : <span className="print-agenda__duration"> ({formatMinutes(item.durationMinutes, language)})</span>}
                  {item.description === '' ? null : <span className="print-agenda__description">{item.description}</span>}
                </th>
                <td>{presentersOf(item, names).join(', ')}</td>
                <td>{item.documentIds.map(names.paper).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {meeting.classification === '' ? null : <p className="print-agenda__marking">{meeting.classification}</p>}
    </section>
  );
}
