import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import { AgendaAddForm } from './agenda-add-form';
import { AgendaList } from './agenda-list';
import type { MeetingWarning } from './meeting-warnings';

export interface AgendaBuilderProps {
  readonly detail: MeetingDetail;
  readonly warnings: readonly MeetingWarning[];
  readonly readOnly: boolean;
}

/**
 * The Agenda section: the items in order with their times (in the meeting's zone), and under them the box that adds
 * the next item. What each action did is said in the section's status line.
 */
export function AgendaBuilder({ detail, warnings, readOnly }: AgendaBuilderProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const addRef = useRef<HTMLDivElement>(null);
  const zone = detail.meeting.timeZone;
  const timed = detail.meeting.start.length > 10;

  return (
    <div className="agenda">
      <p className="muted">
        {timed && zone !== null ? t('meetings.agenda.timesIn', { zone }) : t('meetings.agenda.timesFixedOnly')}
      </p>
      <AgendaList
        detail={detail}
        warnings={warnings}
        readOnly={readOnly}
        announce={setAnnouncement}
        focusAdd={() => {
          addRef.current?.querySelector('input')?.focus();
        }}
      />
      <p className="status-line" role="status">
        {announcement}
      </p>
      {readOnly ? null : (
        <div ref={addRef}>
          <AgendaAddForm announce={setAnnouncement} />
        </div>
      )}
    </div>
  );
}
