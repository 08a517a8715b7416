import { agendaItemInput, type AgendaItemInput } from '../../../../shared/domain/meeting-input';
import type { AgendaItem } from '../../../../shared/schemas/agenda-item';
import { meetingIssuesFromZod, type MeetingIssue } from './meeting-issues';

/** An agenda item's form: what the user chose and typed, before it becomes an item input. */
export interface AgendaItemValues {
  readonly title: string;
  readonly description: string;
  /** Whole minutes as typed; '' when not planned to the minute. */
  readonly duration: string;
  /** `YYYY-MM-DDTHH:mm` as a datetime-local input gives it; '' to follow the item before. */
  readonly fixedStart: string;
  readonly presenterContactIds: readonly string[];
  readonly presenterCountryIds: readonly string[];
  readonly presenterOrganisationIds: readonly string[];
  readonly documentIds: readonly string[];
  readonly minutes: string;
  /** One text per decision, in order; blank ones are left out when saving. */
  readonly decisions: readonly string[];
}

export type AgendaItemField = keyof AgendaItemValues;

/** The fields a message can be shown beside. */
export const agendaItemFields = [
  'title',
  'description',
  'durationMinutes',
  'fixedStart',
  'presenterContactIds',
  'presenterCountryIds',
  'presenterOrganisationIds',
  'documentIds',
  'minutes',
  'decisions',
] as const;

/** The path a form value is checked under, where its messages sit (the duration, typed as text, is `durationMinutes`). */
export const checkedAs = (field: AgendaItemField): string => (field === 'duration' ? 'durationMinutes' : field);

/** A new item's form: nothing but the duration the previous one had, if any. */
export function emptyItemValues(duration = ''): AgendaItemValues {
  return {
    title: '',
    description: '',
    duration,
    fixedStart: '',
    presenterContactIds: [],
    presenterCountryIds: [],
    presenterOrganisationIds: [],
    documentIds: [],
    minutes: '',
    decisions: [],
  };
}

/** The form for editing `item`. */
export function valuesFromItem(item: AgendaItem): AgendaItemValues {
  return {
    title: item.title,
    description: item.description,
    duration: item.durationMinutes === null ? '' : String(item.durationMinutes),
    fixedStart: item.fixedStart ?? '',
    presenterContactIds: item.presenterContactIds,
    presenterCountryIds: item.presenterCountryIds,
    presenterOrganisationIds: item.presenterOrganisationIds,
    documentIds: item.documentIds,
    minutes: item.minutes,
    decisions: item.decisions,
  };
}

/** Minutes as typed: a whole number, null when blank, else the text so the schema says what is wrong with it. */
export function durationOf(text: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** What the form would send, checked with the core's schema: the input (null when invalid) and its issues. */
export interface AgendaItemCheck {
  readonly input: AgendaItemInput | null;
  readonly issues: readonly MeetingIssue[];
}

/** Checks the values with `agendaItemInput`, the schema the core parses an item with. */
export function checkItem(values: AgendaItemValues): AgendaItemCheck {
  const parsed = agendaItemInput.safeParse({
    title: values.title,
    description: values.description,
    durationMinutes: durationOf(values.duration),
    fixedStart: values.fixedStart.trim() === '' ? null : values.fixedStart.trim(),
    presenterContactIds: [...values.presenterContactIds],
    presenterCountryIds: [...values.presenterCountryIds],
    presenterOrganisationIds: [...values.presenterOrganisationIds],
    documentIds: [...values.documentIds],
    minutes: values.minutes,
    decisions: values.decisions.map((decision) => decision.trim()).filter((decision) => decision !== ''),
  });
  if (!parsed.success) return { input: null, issues: meetingIssuesFromZod(parsed.error.issues) };
  return { input: parsed.data, issues: [] };
}
