import { z } from 'zod';
import { channelKinds, contactRoles } from '../schemas/contact';
import { networkStatuses, regions } from '../schemas/country';
import { organisationKinds } from '../schemas/organisation';

/**
 * What a person may type into a contact, organisation or country: the rules the core enforces before writing, and
 * the renderer's forms check as you type. Field messages are English fallbacks; each issue's `code` (the zod issue
 * code) lets the renderer word it in the user's language. Cross-document rules (a country or organisation that must
 * exist, a duplicate e-mail) are the core's, not these.
 */

const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

/** ISO 3166-1 alpha-2, any case in, lower case out; '' for none. */
export const countryIdInput = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^([a-z]{2})?$/, 'Use a two-letter country code (ISO 3166-1), e.g. DK');

/** Ids of documents the directory refers to: `con-…`, `org-…`; '' for none. */
export const documentIdInput = z.string().trim().max(40, 'At most 40 characters').regex(/^[a-z0-9-]*$/, 'Not a valid id');

export const channelInput = (kind: 'email' | 'phone') =>
  z
    .object({
      value:
        kind === 'email'
          ? z.string().trim().max(254, 'At most 254 characters').pipe(z.email('Not a valid e-mail address'))
          : z.string().trim().min(3, 'Too short for a phone number').max(40, 'At most 40 characters').regex(/^[+0-9 ().\-/x]+$/, 'Use digits, spaces and + ( ) - . / x'),
      kind: z.enum(channelKinds).default('work'),
    })
    .strict();

/** Each contact field's rule, without defaults: `contactInput` adds them for a new contact, `contactChanges` must not. */
const contactFieldRules = {
  honorific: trimmed(40),
  givenName: trimmed(100),
  familyName: trimmed(100),
  displayName: z.string().trim().min(1, 'Enter a name').max(200, 'At most 200 characters'),
  title: trimmed(300),
  organisationId: documentIdInput,
  countryId: countryIdInput,
  roles: z.array(z.enum(contactRoles)).max(6),
  emails: z.array(channelInput('email')).max(10, 'At most 10 addresses'),
  phones: z.array(channelInput('phone')).max(10, 'At most 10 numbers'),
  languages: z.array(z.string().trim().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en or fr')).max(20),
  appointedOn: z.iso.date('Use a date such as 2012-05-14').nullable(),
  notes: trimmed(8000),
  tags: z.array(z.string().trim().min(1).max(60, 'At most 60 characters')).max(50),
};

/** A contact as created or edited (every field; `update` takes any subset, see `contactChanges`). */
export const contactInput = z
  .object({
    honorific: contactFieldRules.honorific.default(''),
    givenName: contactFieldRules.givenName.default(''),
    familyName: contactFieldRules.familyName.default(''),
    displayName: contactFieldRules.displayName,
    title: contactFieldRules.title.default(''),
    organisationId: contactFieldRules.organisationId.default(''),
    countryId: contactFieldRules.countryId.default(''),
    roles: contactFieldRules.roles.default([]),
    emails: contactFieldRules.emails.default([]),
    phones: contactFieldRules.phones.default([]),
    languages: contactFieldRules.languages.default([]),
    appointedOn: contactFieldRules.appointedOn.default(null),
    notes: contactFieldRules.notes.default(''),
    tags: contactFieldRules.tags.default([]),
  })
  .strict();

/**
 * An edit of a contact: any subset of its fields, and only those given. (Not `contactInput.partial()`: zod 4 fills
 * an absent key from its default even inside `.partial()`, so an edit of one field would reset all the others.)
 */
export const contactChanges = z.object(contactFieldRules).partial().strict();

export type ContactInput = z.input<typeof contactInput>;
export type ContactFields = z.output<typeof contactInput>;
export type ContactChanges = z.output<typeof contactChanges>;

const organisationFieldRules = {
  name: z.string().trim().min(1, 'Enter a name').max(200, 'At most 200 characters'),
  acronym: trimmed(20),
  kind: z.enum(organisationKinds),
  parentId: documentIdInput,
  countryId: countryIdInput,
  notes: trimmed(4000),
};

/** An organisation as created or edited. */
export const organisationInput = z
  .object({
    name: organisationFieldRules.name,
    acronym: organisationFieldRules.acronym.default(''),
    kind: organisationFieldRules.kind,
    parentId: organisationFieldRules.parentId.default(''),
    countryId: organisationFieldRules.countryId.default(''),
    notes: organisationFieldRules.notes.default(''),
  })
  .strict();

/** An edit of an organisation: only the fields given (see `contactChanges` for why not `.partial()`). */
export const organisationChanges = z.object(organisationFieldRules).partial().strict();

export type OrganisationInput = z.input<typeof organisationInput>;
export type OrganisationFields = z.output<typeof organisationInput>;
export type OrganisationChanges = z.output<typeof organisationChanges>;

/** What may be edited on a country (its code and name are reference data). */
export const countryChanges = z
  .object({
    region: z.enum(regions),
    regionalOrganisations: z.array(z.string().trim().min(1).max(40)).max(20),
    networkStatus: z.enum(networkStatuses),
    coHost: z.boolean(),
    yearJoined: z.number().int().min(2000).max(2100).nullable(),
    nationalExperience: trimmed(4000),
  })
  .partial()
  .strict();

export type CountryChanges = z.input<typeof countryChanges>;
