import type { MeetingDetail } from '../../../shared/api/meetings';
import { meetingCalendar } from './ical/meeting-calendar';

/** A file name from a meeting's title: letters, digits and dashes only, never empty, with the .ics extension. */
export function icsFileName(title: string, scope: 'meeting' | 'agenda'): string {
  const base = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .toLowerCase();
  return `${base === '' ? 'meeting' : base}${scope === 'agenda' ? '-agenda' : ''}.ics`;
}

/** A meeting's page as an iCalendar file (see meetingCalendar), people, organisations and countries named by `names`. */
export function meetingIcs(
  detail: MeetingDetail,
  scope: 'meeting' | 'agenda',
  now: Date,
  names: (kind: 'contact' | 'organisation' | 'country', id: string) => string,
): { readonly fileName: string; readonly text: string } {
  const { meeting } = detail;
  const text = meetingCalendar(
    {
      id: meeting.id,
      title: meeting.title,
      description: meeting.description,
      location: meeting.location,
      virtualLink: meeting.virtualLink,
      start: meeting.start,
      end: meeting.end,
      timeZone: meeting.timeZone,
      status: meeting.status,
      hosts: [
        ...meeting.hostCountryIds.map((id) => names('country', id)),
        ...meeting.hostOrganisationIds.map((id) => names('organisation', id)),
      ],
      updatedAt: meeting.updatedAt,
    },
    detail.agenda.map((item) => ({
      id: item.id,
      title: item.title,
      description: item.description,
      start: item.scheduledStart,
      end: item.scheduledEnd,
      presenters: [
        ...item.presenterContactIds.map((id) => names('contact', id)),
        ...item.presenterCountryIds.map((id) => names('country', id)),
        ...item.presenterOrganisationIds.map((id) => names('organisation', id)),
      ],
    })),
    scope,
    now,
  );
  return { fileName: icsFileName(meeting.title, scope), text };
}
