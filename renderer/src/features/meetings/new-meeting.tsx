import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import { useMeetingsStore } from '../../stores/use-meetings-store';
import { MeetingForm } from './meeting-form';
import { valuesForNewMeeting } from './meeting-form-values';
import { userTimeZone } from './meeting-format';

export interface NewMeetingProps {
  readonly onCreated: (detail: MeetingDetail) => void;
  readonly onCancel: () => void;
}

/** Today on this computer's calendar, `YYYY-MM-DD`. */
function today(zone: string): string {
  // The Swedish locale writes dates as ISO does.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * The form for a new meeting: a planned meeting today from 09:00 to 17:00 in the user's own zone, to be changed as
 * needed, sent with `meetings.create`.
 */
export function NewMeeting({ onCreated, onCancel }: NewMeetingProps) {
  const { t } = useTranslation();
  const create = useMeetingsStore((state) => state.create);
  const [initial] = useState(() => {
    const zone = userTimeZone();
    return valuesForNewMeeting(today(zone), zone);
  });
  return (
    <MeetingForm
      title={t('meetings.form.newTitle')}
      initial={initial}
      saveLabel={t('meetings.form.create')}
      busyLabel={t('meetings.form.creating')}
      save={create}
      onSaved={(detail) => {
        if (detail === null) onCancel();
        else onCreated(detail);
      }}
      onCancel={onCancel}
    />
  );
}
