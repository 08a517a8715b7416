import { useTranslation } from 'react-i18next';
import type { ScheduledItem } from '../../../../shared/api/meetings';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatMinutes, formatWallTime } from './meeting-format';
import type { MeetingWarning } from './meeting-warnings';
import type { MeetingNames } from './use-meeting-names';

export interface AgendaItemViewProps {
  readonly item: ScheduledItem;
  /** Agenda times need their dates (the meeting runs over several days). */
  readonly withDate: boolean;
  readonly names: MeetingNames;
  readonly warnings: readonly MeetingWarning[];
}

/** Everyone presenting an item, people first, each named as the directory names them. */
export function presentersOf(item: ScheduledItem, names: MeetingNames): string[] {
  return [
    ...item.presenterContactIds.map(names.contactWithCountry),
    ...item.presenterCountryIds.map(names.country),
    ...item.presenterOrganisationIds.map(names.organisation),
  ];
}

/**
 * What an agenda item shows: its times as the core computed them (in the meeting's zone, as `<time>` elements),
 * its number and title, duration and whether its start is fixed, presenters, papers, description and its warnings.
 */
export function AgendaItemView({ item, withDate, names, warnings }: AgendaItemViewProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const presenters = presentersOf(item, names);
  const papers = item.documentIds.map(names.paper);
  return (
    <>
      <div className="agenda-item__time">
        {item.scheduledStart === null ? (
          <span className="muted">{t('meetings.agenda.noTime')}</span>
        ) : (
          <>
            <time dateTime={item.scheduledStart}>{formatWallTime(item.scheduledStart, language, withDate)}</time>
            {item.scheduledEnd === null ? null : (
              <>
                {' – '}
                <time dateTime={item.scheduledEnd}>{formatWallTime(item.scheduledEnd, language, withDate)}</time>
              </>
            )}
          </>
        )}
      </div>
      <div className="agenda-item__body">
        <p className="agenda-item__heading">
          <span className="agenda-item__number">{item.position}.</span> <span className="agenda-item__title">{item.title}</span>
        </p>
        <p className="agenda-item__meta muted">
          {item.durationMinutes === null ? t('meetings.agenda.noDuration') : formatMinutes(item.durationMinutes, language)}
          {item.fixedStart === null ? null : ` · ${t('meetings.agenda.fixed')}`}
        </p>
        {presenters.length === 0 ? null : (
          <p className="agenda-item__line">
            <span className="agenda-item__label">{t('meetings.agenda.presenters')}</span> {presenters.join(', ')}
          </p>
        )}
        {papers.length === 0 ? null : (
          <p className="agenda-item__line">
            <span className="agenda-item__label">{t('meetings.agenda.papers')}</span> {papers.join(', ')}
          </p>
        )}
        {item.description === '' ? null : <p className="agenda-item__description pre-wrap">{item.description}</p>}
        {item.decisions.length === 0 ? null : (
          <p className="agenda-item__line muted">{t('meetings.agenda.decisionCount', { count: item.decisions.length })}</p>
        )}
        {warnings.length === 0 ? null : (
          <ul className="agenda-item__warnings">
            {warnings.map((warning) => (
              <li key={warning.key}>{warning.text}</li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
