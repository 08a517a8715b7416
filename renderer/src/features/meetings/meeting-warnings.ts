import type { TFunction } from 'i18next';
import type { MeetingDetail, ScheduledItem } from '../../../../shared/api/meetings';
import type { AgendaWarning } from '../../../../shared/domain/agenda-schedule';
import type { Language } from '../../i18n/i18n';
import { formatMinutes, formatWallTime, spansDays } from './meeting-format';

/** One thing on a meeting's page worth a second look, in the user's language, with the item it is about. */
export interface MeetingWarning {
  /** Stable across renders: the list's key. */
  readonly key: string;
  readonly itemId: string | null;
  readonly text: string;
}

/**
 * An agenda warning of the core (shared/domain/agenda-schedule.ts) in the user's language, naming the item and the
 * times it concerns as the meeting's clocks show them.
 */
export function agendaWarningText(warning: AgendaWarning, detail: MeetingDetail, language: Language, t: TFunction): string {
  const withDate = spansDays(detail.meeting);
  const titleOf = (id: string): string => detail.agenda.find((item) => item.id === id)?.title ?? t('meetings.warnings.unknownItem');
  const item = titleOf(warning.itemId);
  const text = (name: string): string => String(warning.params[name] ?? '');
  const time = (name: string): string => {
    const value = text(name);
    return value === '' ? '?' : formatWallTime(value, language, withDate);
  };
  const minutes = (name: string): string => {
    const value = warning.params[name];
    return typeof value === 'number' ? formatMinutes(value, language) : (value ?? '?');
  };
  const start = detail.agenda.find((entry) => entry.id === warning.itemId)?.scheduledStart ?? null;
  switch (warning.code) {
    case 'overlap':
      return t('meetings.warnings.overlap', {
        item,
        start: start === null ? '?' : formatWallTime(start, language, withDate),
        previous: titleOf(text('previousItemId')),
        previousEnd: time('previousEnd'),
      });
    case 'before-meeting-start':
      return t('meetings.warnings.beforeMeetingStart', { item, start: time('start'), meetingStart: time('meetingStart') });
    case 'past-meeting-end':
      return t('meetings.warnings.pastMeetingEnd', { item, end: time('end'), meetingEnd: time('meetingEnd') });
    case 'longer-than-meeting':
      return t('meetings.warnings.longerThanMeeting', { item, minutes: minutes('minutes'), meetingMinutes: minutes('meetingMinutes') });
    case 'negative-duration':
      return t('meetings.warnings.negativeDuration', { item, minutes: minutes('minutes') });
    case 'bad-duration':
      return t('meetings.warnings.badDuration', { item, max: minutes('max') });
    case 'bad-fixed-start':
      return t('meetings.warnings.badFixedStart', { item, value: text('value') });
    default:
      return t('meetings.warnings.other', { item });
  }
}

/** What is missing behind one item: presenters gone from the directory, papers gone from the library. */
function missingTexts(item: ScheduledItem, t: TFunction): MeetingWarning[] {
  const out: MeetingWarning[] = [];
  const presenters = item.missing.contactIds.length + item.missing.organisationIds.length;
  if (presenters > 0) {
    out.push({ key: `${item.id}:presenters`, itemId: item.id, text: t('meetings.warnings.missingPresenters', { item: item.title, count: presenters }) });
  }
  if (item.missing.documentIds.length > 0) {
    const count = item.missing.documentIds.length;
    out.push({ key: `${item.id}:papers`, itemId: item.id, text: t('meetings.warnings.missingPapers', { item: item.title, count }) });
  }
  return out;
}

/**
 * Every warning of a meeting's page, in agenda order: the meeting's own papers gone from the library first, then
 * for each item its schedule warnings and what is missing behind it.
 */
export function meetingWarnings(detail: MeetingDetail, language: Language, t: TFunction): MeetingWarning[] {
  const out: MeetingWarning[] = [];
  if (detail.missingDocumentIds.length > 0) {
    out.push({ key: 'meeting:papers', itemId: null, text: t('meetings.warnings.missingMeetingPapers', { count: detail.missingDocumentIds.length }) });
  }
  for (const item of detail.agenda) {
    item.warnings.forEach((warning, index) => {
      out.push({ key: `${item.id}:${warning.code}:${index}`, itemId: item.id, text: agendaWarningText(warning, detail, language, t) });
    });
    out.push(...missingTexts(item, t));
  }
  return out;
}
