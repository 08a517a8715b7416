import { useTranslation } from 'react-i18next';
import type { MeetingTiming } from '../../../../shared/domain/meeting-time';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatMeetingWhen, userTimeZone } from './meeting-format';

export interface MeetingWhenTextProps {
  readonly timing: MeetingTiming;
}

/**
 * When a meeting takes place: its dates and times as its own clocks show them, with its zone, and below, when it
 * reads differently, as the user's clocks show them. An all-day meeting shows its dates only.
 */
export function MeetingWhenText({ timing }: MeetingWhenTextProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const userZone = userTimeZone();
  const when = formatMeetingWhen(timing, language, userZone);
  const allDay = timing.start.length === 10;
  return (
    <span className="meeting-when">
      <span className="meeting-when__main">
        {allDay || when.zone === null ? when.meeting : t('meetings.when.inZone', { when: when.meeting, zone: when.zone })}
      </span>
      {when.local === null ? null : (
        <span className="meeting-when__local muted">{t('meetings.when.yourTime', { when: when.local, zone: userZone })}</span>
      )}
    </span>
  );
}
