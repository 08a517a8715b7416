import type { z } from 'zod';
import { csvTargetFields, type CsvTargetField } from '../../../../shared/api/directory';
import type { ImportIssue, ImportIssueParams, ImportRecordIssueCode } from '../../../../shared/api/import-issues';
import { contactInput, type ContactInput } from '../../../../shared/domain/directory-input';
import type { ContactRole } from '../../../../shared/schemas/contact';
import type { ChannelKind } from './field-values';
import type { ImportedContact } from './interchange-types';

/**
 * A contact being read from a file, with where each value came from, and its validation by `contactInput` into an
 * ImportedContact or issues naming the field, the problem, the value and its place ("email: Not a valid e-mail
 * address: "jane@" (line 14, EMAIL)", code `invalid-email`). Both readers fill a draft; only this module turns it into
 * a record.
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
  /** Problems found while reading (an unreadable line, an unknown role). */
  readonly problems: ImportIssue[];
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

/** The contact field a field key names, as import issues name it (`emails` → `email`); undefined for none. */
function targetField(field: string): CsvTargetField | undefined {
  const target = field === 'emails' ? 'email' : field === 'phones' ? 'phone' : field;
  return (csvTargetFields as readonly string[]).includes(target) ? (target as CsvTargetField) : undefined;
}

/** Where a value was found, as issue params: `line` and `property` (vCard) or `column` (CSV). */
export function sourceParams(source: FieldSource | undefined): ImportIssueParams {
  if (source === undefined) return {};
  if (source.column !== undefined) return { column: source.column };
  return {
    ...(source.line === undefined ? {} : { line: source.line }),
    ...(source.property === undefined ? {} : { property: source.property }),
  };
}

function describeSource(source: FieldSource | undefined): string {
  if (source === undefined) return '';
  if (source.column !== undefined) return ` (column "${source.column}")`;
  const parts = [source.line === undefined ? '' : `line ${source.line}`, source.property ?? ''].filter((p) => p !== '');
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** A value as a message shows it: on one line, cut at 60 characters. */
function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/**
 * A problem with a field: worded `field: problem: "value" (where)`, with its code, the field, and as params the value
 * (shortened as shown), where it was found and any `params` the code's wording needs.
 */
export function fieldProblem(
  code: ImportRecordIssueCode,
  field: string,
  problem: string,
  found: { readonly value?: string | undefined; readonly source?: FieldSource | undefined; readonly params?: ImportIssueParams } = {},
): ImportIssue {
  const value = found.value === undefined || found.value.trim() === '' ? undefined : shorten(found.value);
  const shown = value === undefined ? '' : `: "${value}"`;
  const target = targetField(field);
  return {
    code,
    ...(target === undefined ? {} : { field: target }),
    params: { ...sourceParams(found.source), ...(value === undefined ? {} : { value }), ...found.params },
    message: `${fieldLabel(field)}: ${problem}${shown}${describeSource(found.source)}`,
  };
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

/** The code of a rule `contactInput` found broken, and the bound it names, if any. */
function ruleCode(issue: z.core.$ZodIssue, key: string): { code: ImportRecordIssueCode; params?: ImportIssueParams } {
  switch (issue.code) {
    case 'too_small':
      if (key === 'displayName') return { code: 'empty-name' };
      return { code: key === 'phones' ? 'phone-too-short' : 'invalid-value' };
    case 'too_big':
      return { code: issue.origin === 'array' ? 'too-many' : 'too-long', params: { maximum: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid-email' };
      if (issue.format === 'date') return { code: 'invalid-date' };
      if (key === 'phones') return { code: 'invalid-phone' };
      return { code: key === 'languages' ? 'invalid-language' : 'invalid-value' };
    case 'invalid_value':
      return { code: 'invalid-choice' };
    default:
      return { code: 'invalid-value' };
  }
}

function describeIssue(issue: z.core.$ZodIssue, draft: ContactDraft, input: ContactInput, recordLine: number): ImportIssue {
  const [field = '', index] = issue.path;
  const key = String(field);
  let source: FieldSource | undefined;
  if ((key === 'emails' || key === 'phones') && typeof index === 'number') source = draft[key][index]?.source;
  else source = draft.sources.get(key as ScalarField | ListField);
  if (key === 'displayName' && source === undefined) source = { line: recordLine };
  const { code, params } = ruleCode(issue, key);
  return fieldProblem(code, key, issue.message, { value: valueAt(input, issue.path), source, ...(params === undefined ? {} : { params }) });
}

/** What a record of a file becomes: its contact, or the problems that keep it out. */
export interface FinishedDraft {
  readonly contact: ImportedContact | null;
  readonly errors: readonly ImportIssue[];
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
