import type { ContactDetail } from '../../../../shared/api/directory';
import { contactInput, type ContactFields, type ContactInput } from '../../../../shared/domain/directory-input';
import type { channelKinds, ContactRole } from '../../../../shared/schemas/contact';
import { issuesFromZod, type Issue } from './field-issues';

export type ChannelKind = (typeof channelKinds)[number];

export interface ChannelValue {
  readonly value: string;
  readonly kind: ChannelKind;
}

/** The edit form's state: what the user typed, field by field, before it becomes a contact input. */
export interface ContactFormValues {
  readonly honorific: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly displayName: string;
  readonly title: string;
  readonly organisationId: string;
  readonly countryId: string;
  readonly roles: readonly ContactRole[];
  readonly emails: readonly ChannelValue[];
  readonly phones: readonly ChannelValue[];
  /** Language tags as typed, separated by commas or spaces. */
  readonly languages: string;
  /** '' or YYYY-MM-DD, as a date input gives it. */
  readonly appointedOn: string;
  readonly notes: string;
  /** Tags as typed, separated by commas. */
  readonly tags: string;
}

export type ContactField = keyof ContactFormValues;

/** A new contact's form: one empty e-mail row, since nearly every contact has an address. */
export function emptyContactValues(): ContactFormValues {
  return {
    honorific: '',
    givenName: '',
    familyName: '',
    displayName: '',
    title: '',
    organisationId: '',
    countryId: '',
    roles: [],
    emails: [{ value: '', kind: 'work' }],
    phones: [],
    languages: '',
    appointedOn: '',
    notes: '',
    tags: '',
  };
}

/** The form's state for an existing contact. */
export function valuesFromContact(contact: ContactDetail): ContactFormValues {
  return {
    honorific: contact.honorific,
    givenName: contact.givenName,
    familyName: contact.familyName,
    displayName: contact.displayName,
    title: contact.title,
    organisationId: contact.organisationId,
    countryId: contact.countryId,
    roles: [...contact.roles],
    emails: contact.emails.map(({ value, kind }) => ({ value, kind })),
    phones: contact.phones.map(({ value, kind }) => ({ value, kind })),
    languages: contact.languages.join(', '),
    appointedOn: contact.appointedOn ?? '',
    notes: contact.notes,
    tags: contact.tags.join(', '),
  };
}

export interface ContactCheck {
  /** The contact as the core would receive it; null while any field is invalid. */
  readonly input: ContactFields | null;
  /** Problems, with paths naming the form's rows (a blank row that is left out still keeps its neighbours' numbers). */
  readonly issues: readonly Issue[];
}

/**
 * Checks the form against the same schema the core applies, so a field says what is wrong as the user types. Blank
 * e-mail and phone rows are left out rather than refused: an empty row is an unused one.
 */
export function checkContact(values: ContactFormValues): ContactCheck {
  const emails = keptRows(values.emails);
  const phones = keptRows(values.phones);
  const raw: ContactInput = {
    honorific: values.honorific,
    givenName: values.givenName,
    familyName: values.familyName,
    displayName: values.displayName,
    title: values.title,
    organisationId: values.organisationId,
    countryId: values.countryId,
    roles: [...values.roles],
    emails: emails.rows,
    phones: phones.rows,
    languages: splitList(values.languages, /[,;\s]+/),
    appointedOn: values.appointedOn === '' ? null : values.appointedOn,
    notes: values.notes,
    tags: splitList(values.tags, /[,;]+/),
  };
  const parsed = contactInput.safeParse(raw);
  if (parsed.success) return { input: parsed.data, issues: [] };
  const issues = issuesFromZod(parsed.error.issues).map((issue) => ({
    ...issue,
    path: rowPath(issue.path, { emails: emails.formIndex, phones: phones.formIndex }),
  }));
  return { input: null, issues };
}

/** The items of a typed list: `en, fr` → ['en', 'fr']. */
export function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function keptRows(rows: readonly ChannelValue[]): { rows: ChannelValue[]; formIndex: number[] } {
  const kept: ChannelValue[] = [];
  const formIndex: number[] = [];
  rows.forEach((row, index) => {
    if (row.value.trim() === '') return;
    kept.push({ value: row.value, kind: row.kind });
    formIndex.push(index);
  });
  return { rows: kept, formIndex };
}

/** `emails.1.value` of the checked input → `emails.3.value` of the form, when rows 1 and 2 were blank. */
function rowPath(path: string, indexes: Readonly<Record<'emails' | 'phones', readonly number[]>>): string {
  const [list, position, ...rest] = path.split('.');
  if ((list !== 'emails' && list !== 'phones') || position === undefined) return path;
  const formIndex = indexes[list][Number(position)];
  return formIndex === undefined ? path : [list, String(formIndex), ...rest].join('.');
}
