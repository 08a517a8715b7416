import type { z } from 'zod';
import { contactInput, type ContactInput } from '../../../../shared/domain/directory-input';
import type { ContactRole } from '../../../../shared/schemas/contact';
import type { ChannelKind } from './field-values';
import type { ImportedContact } from './interchange-types';

/**
 * A contact being read from a file, with where each value came from, and its validation by `contactInput` into an
 * ImportedContact or messages naming the field, the problem, the value and its place ("email: Not a valid e-mail
 * address: "jane@" (line 14, EMAIL)"). Both readers fill a draft; only this module turns it into a record.
 */

/** Where a value was found: a vCard line and property, or a CSV column. */
export interface FieldSource {
  readonly line?: number;
  readonly property?: string;
  readonly column?: string;
}

/** An e-mail address or number as read, with its kind and where it was found. */
export interface DraftChannel {
  readonly value: string;
  readonly kind: ChannelKind;
  readonly source: FieldSource;
}

type ScalarField = 'displayName' | 'honorific' | 'givenName' | 'familyName' | 'title' | 'notes' | 'appointedOn';
type ListField = 'roles' | 'languages' | 'tags';

/** The fields of a contact as read, before validation. Text fields are '' when absent. */
export interface ContactDraft {
  displayName: string;
  honorific: string;
  givenName: string;
  familyName: string;
  title: string;
  notes: string;
  appointedOn: string | null;
  roles: ContactRole[];
  languages: string[];
  tags: string[];
  emails: DraftChannel[];
  phones: DraftChannel[];
  organisationName: string;
  departmentName: string;
  countryText: string;
  /** Where scalar and list fields came from (the first source of each). */
  readonly sources: Map<ScalarField | ListField, FieldSource>;
  /** Problems found while reading (an unreadable line, an unknown role), already worded. */
  readonly problems: string[];
}

/** A draft with every field empty, for a reader to fill. */
export function emptyDraft(): ContactDraft {
  return {
    displayName: '',
    honorific: '',
    givenName: '',
    familyName: '',
    title: '',
    notes: '',
    appointedOn: null,
    roles: [],
    languages: [],
    tags: [],
    emails: [],
    phones: [],
    organisationName: '',
    departmentName: '',
    countryText: '',
    sources: new Map(),
    problems: [],
  };
}

/** Notes a field's source unless it already has one. */
export function noteSource(draft: ContactDraft, field: ScalarField | ListField, source: FieldSource): void {
  if (!draft.sources.has(field)) draft.sources.set(field, source);
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  displayName: 'name',
  honorific: 'honorific',
  givenName: 'given name',
  familyName: 'family name',
  title: 'title',
  organisation: 'organisation',
  country: 'country',
  roles: 'roles',
  emails: 'email',
  phones: 'phone',
  languages: 'language',
  appointedOn: 'appointed on',
  notes: 'notes',
  tags: 'tag',
};

/** A person-readable field name ("email", "given name") for a field key. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

function describeSource(source: FieldSource | undefined): string {
  if (source === undefined) return '';
  if (source.column !== undefined) return ` (column "${source.column}")`;
  const parts = [source.line === undefined ? '' : `line ${source.line}`, source.property ?? ''].filter((p) => p !== '');
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** Shows a value in a message: quoted, on one line, cut at 60 characters. */
function quote(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}"`;
}

/** Words a problem: `field: problem: "value" (where)`. */
export function describeProblem(field: string, problem: string, value?: string, source?: FieldSource): string {
  const shown = value === undefined || value.trim() === '' ? '' : `: ${quote(value)}`;
  return `${fieldLabel(field)}: ${problem}${shown}${describeSource(source)}`;
}

/** The name shown for a draft: its display name, else "given family". */
export function draftDisplayName(draft: ContactDraft): string {
  const name = draft.displayName.trim();
  return name !== '' ? name : [draft.givenName.trim(), draft.familyName.trim()].filter((n) => n !== '').join(' ');
}

function toInput(draft: ContactDraft): ContactInput {
  return {
    honorific: draft.honorific,
    givenName: draft.givenName,
    familyName: draft.familyName,
    displayName: draftDisplayName(draft),
    title: draft.title,
    roles: draft.roles,
    emails: draft.emails.map(({ value, kind }) => ({ value, kind })),
    phones: draft.phones.map(({ value, kind }) => ({ value, kind })),
    languages: draft.languages,
    appointedOn: draft.appointedOn,
    notes: draft.notes,
    tags: draft.tags,
  };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return typeof node === 'string' ? node : undefined;
}

function describeIssue(issue: z.core.$ZodIssue, draft: ContactDraft, input: ContactInput, recordLine: number): string {
  const [field = '', index] = issue.path;
  const key = String(field);
  let source: FieldSource | undefined;
  if ((key === 'emails' || key === 'phones') && typeof index === 'number') source = draft[key][index]?.source;
  else source = draft.sources.get(key as ScalarField | ListField);
  if (key === 'displayName' && source === undefined) source = { line: recordLine };
  return describeProblem(key, issue.message, valueAt(input, issue.path), source);
}

/** What a record of a file becomes: its contact, or the problems that keep it out. */
export interface FinishedDraft {
  readonly contact: ImportedContact | null;
  readonly errors: readonly string[];
  readonly displayName: string;
}

/** Validates a draft with `contactInput`: an ImportedContact, or every problem found (reading and validation). */
export function finishDraft(draft: ContactDraft, recordLine: number): FinishedDraft {
  const input = toInput(draft);
  const displayName = input.displayName;
  const parsed = contactInput.safeParse(input);
  const errors = [...draft.problems];
  if (!parsed.success) errors.push(...parsed.error.issues.map((issue) => describeIssue(issue, draft, input, recordLine)));
  if (!parsed.success || errors.length > 0) return { contact: null, errors, displayName };
  let organisationName = draft.organisationName.trim();
  let departmentName = draft.departmentName.trim();
  if (organisationName === '') [organisationName, departmentName] = [departmentName, ''];
  return {
    contact: { fields: parsed.data, organisationName, departmentName, countryText: draft.countryText.trim() },
    errors,
    displayName,
  };
}
