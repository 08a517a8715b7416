import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';

/** What a person is to the network. A contact may hold several roles. */
export const contactRoles = ['focal-point', 'alternate', 'secretariat', 'stakeholder', 'un', 'civil-society'] as const;

export type ContactRole = (typeof contactRoles)[number];

/** Kinds of e-mail addresses and phone numbers, as vCard's TYPE parameter names them. */
export const channelKinds = ['work', 'home', 'mobile', 'fax', 'other'] as const;

const channel = (maxLength: number) =>
  ({
    type: 'object',
    properties: {
      value: { type: 'string', minLength: 1, maxLength },
      kind: { type: 'string', enum: [...channelKinds], maxLength: 10 },
    },
    required: ['value', 'kind'],
    additionalProperties: false,
  }) as const;

const contactSchemaLiteral = {
  title: 'contact',
  description: 'A person of the network: focal point, alternate, secretariat, stakeholder, UN or civil society',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `con-` followed by a ULID in lower case (ids are plain [a-z0-9-], see ARCHITECTURE.md). */
    id: { type: 'string', maxLength: 40, pattern: '^[a-z0-9-]+$' },
    /** Mr, Ms, Dr, H.E., Ambassador…; '' when none. */
    honorific: { type: 'string', maxLength: 40 },
    givenName: { type: 'string', maxLength: 100 },
    familyName: { type: 'string', maxLength: 100 },
    /** The name as shown and sorted; never empty (for a role-only contact: "R2P Focal Point — Denmark"). */
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    /** Position or title (e.g. "Under-Secretary for Legal Affairs"); '' when unknown. */
    title: { type: 'string', maxLength: 300 },
    /** '' when the contact belongs to no recorded organisation. */
    organisationId: { type: 'string', maxLength: 40 },
    /** Country id (ISO alpha-2, lower case); '' for international staff. */
    countryId: { type: 'string', maxLength: 2 },
    roles: { type: 'array', items: { type: 'string', enum: [...contactRoles], maxLength: 20 }, maxItems: 6, uniqueItems: true },
    emails: { type: 'array', items: channel(254), maxItems: 10 },
    phones: { type: 'array', items: channel(40), maxItems: 10 },
    /** BCP 47 language tags (en, fr, es-419…). */
    languages: { type: 'array', items: { type: 'string', maxLength: 35 }, maxItems: 20 },
    /** Date of appointment as focal point (YYYY-MM-DD), or null when not known. */
    appointedOn: { type: ['string', 'null'], format: 'date', maxLength: 10 },
    notes: { type: 'string', maxLength: 8000 },
    tags: { type: 'array', items: { type: 'string', maxLength: 60 }, maxItems: 50 },
    /** Loaded by `seed` from the meeting report; shown as demo data and removable as a whole. */
    demo: { type: 'boolean' },
    /** Set when deleted: the document stays (recoverable, and synced as deleted) until restored. */
    deletedAt: { type: ['string', 'null'], format: 'date-time', maxLength: 40 },
    updatedAt: { type: 'string', format: 'date-time', maxLength: 40 },
  },
  required: [
    'id',
    'honorific',
    'givenName',
    'familyName',
    'displayName',
    'title',
    'organisationId',
    'countryId',
    'roles',
    'emails',
    'phones',
    'languages',
    'appointedOn',
    'notes',
    'tags',
    'demo',
    'deletedAt',
    'updatedAt',
  ],
  indexes: ['displayName', 'countryId', 'organisationId', 'updatedAt'],
  additionalProperties: false,
} as const;

// Only its type is used: it turns the literal into the document type below.
const _contactSchemaTyped = toTypedRxJsonSchema(contactSchemaLiteral);

/** A contact document as stored and synced. */
export type Contact = ExtractDocumentTypeFromTypedRxJsonSchema<typeof _contactSchemaTyped>;

/** RxDB schema of the `contacts` collection. Changing it means a new version and a migration with its own test. */
export const contactSchema: RxJsonSchema<Contact> = contactSchemaLiteral;
