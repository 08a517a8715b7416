import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldIssue } from '../../../../shared/api/result';
import type { Issue } from '../directory/field-issues';

/** A meetings issue: the shared Issue, with the values the core or a rule gave for its wording. */
export interface MeetingIssue extends Issue {
  readonly params?: Readonly<Record<string, string | number>> | undefined;
}

/** The field a path names: `hostCountryIds.2` → `hostCountryIds`. */
function fieldOf(path: string): string {
  return path.split('.')[0] ?? path;
}

const param = (issue: MeetingIssue, name: string): string => {
  const value = issue.params?.[name];
  return value === undefined ? '' : String(value);
};

/**
 * The issues of a zod check of a meetings input, paths dotted. A rule of ours (a custom issue, such as the timing
 * checks of meeting-time.ts) carries its reason in `params.code`: it becomes the issue's code, as the core's
 * dispatch does, so the same wording serves both.
 */
export function meetingIssuesFromZod(issues: readonly z.core.$ZodIssue[]): MeetingIssue[] {
  return issues.map((issue) => {
    const params = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
    const code = typeof params?.code === 'string' ? params.code : issue.code;
    const values = Object.fromEntries(
      Object.entries(params ?? {}).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
    );
    return {
      path: issue.path.map(String).join('.'),
      code,
      message: issue.message,
      format: 'format' in issue ? issue.format : undefined,
      minimum: 'minimum' in issue ? Number(issue.minimum) : undefined,
      maximum: 'maximum' in issue ? Number(issue.maximum) : undefined,
      origin: 'origin' in issue ? String(issue.origin) : undefined,
      params: values,
    };
  });
}

/**
 * An issue with a meeting, an agenda item or an action item in the user's language: the core's codes (timing rules,
 * references that lead nowhere) and zod's by field. Anything else keeps the English message the schema or the core
 * wrote, which is better than a vague translation.
 */
export function meetingIssueMessage(issue: MeetingIssue, t: TFunction): string {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case 'end-before-start':
      return param(issue, 'end').length === 10 ? t('meetings.issues.endBeforeStartDay') : t('meetings.issues.endBeforeStart');
    case 'bad-format':
      return t('meetings.issues.badFormat');
    case 'mixed-forms':
      return t('meetings.issues.mixedForms');
    case 'time-zone-required':
      return t('meetings.issues.timeZoneRequired');
    case 'unknown-time-zone':
      return t('meetings.issues.unknownTimeZone', { timeZone: param(issue, 'timeZone') });
    case 'unknown-country':
      return t('meetings.issues.unknownCountry');
    case 'unknown-contact':
      return t('meetings.issues.unknownContact');
    case 'unknown-organisation':
      return t('meetings.issues.unknownOrganisation');
    case 'unknown-document':
      return t('meetings.issues.unknownDocument');
    case 'too_small':
      if (field === 'durationMinutes') return t('meetings.issues.duration');
      return field === 'title' ? t('meetings.issues.title') : t('meetings.issues.required');
    case 'too_big':
      if (field === 'durationMinutes') return t('meetings.issues.duration');
      if (field === 'statedCountryCount') return t('meetings.issues.countryCount');
      if (issue.maximum === undefined) return issue.message;
      return issue.origin === 'array'
        ? t('meetings.issues.tooMany', { maximum: issue.maximum })
        : t('meetings.issues.tooLong', { maximum: issue.maximum });
    case 'invalid_type':
      if (field === 'durationMinutes') return t('meetings.issues.duration');
      if (field === 'statedCountryCount') return t('meetings.issues.countryCount');
      return issue.message;
    case 'invalid_format':
      if (issue.format === 'date' || field === 'due') return t('meetings.issues.date');
      if (field.endsWith('CountryIds') || field.endsWith('CountryId') || field === 'countryId') return t('meetings.issues.countryCode');
      return issue.message;
    case 'invalid_value':
      return t('meetings.issues.choice');
    case 'custom':
      if (field === 'virtualLink') return t('meetings.issues.link');
      if (field === 'fixedStart') return t('meetings.issues.fixedStart');
      if (field.endsWith('CountryIds')) return t('meetings.issues.countryCode');
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * Issues already worded for the form's message hook (directory/use-field-messages.ts), which shows a code-less
 * issue's message as it is: the wording stays this feature's.
 */
export function wordedIssues(issues: readonly MeetingIssue[], t: TFunction): Issue[] {
  return issues.map((issue) => ({ path: issue.path, message: meetingIssueMessage(issue, t) }));
}

/** The core's issues about a meetings input, worded, with paths from the record (`meeting.end` → `end`). */
export function wordedCoreIssues(issues: readonly FieldIssue[] | undefined, t: TFunction): FieldIssue[] {
  return (issues ?? []).map((issue) => {
    const path = issue.path.replace(/^(meeting|changes|item|action)(\.|$)/, '');
    return { path, message: meetingIssueMessage({ path, code: issue.code, message: issue.message, params: issue.params }, t) };
  });
}
