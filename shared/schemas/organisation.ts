import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';

/** What kind of body an organisation is; the directory groups and filters by it. */
export const organisationKinds = [
  'ministry',
  'department',
  'agency',
  'regional-organisation',
  'un-office',
  'civil-society',
  'other',
] as const;

export type OrganisationKind = (typeof organisationKinds)[number];

const organisationSchemaLiteral = {
  title: 'organisation',
  description: 'A ministry, department, agency, regional organisation, UN office or civil-society body',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `org-` followed by a ULID in lower case (ids are plain [a-z0-9-], see ARCHITECTURE.md). */
    id: { type: 'string', maxLength: 40, pattern: '^[a-z0-9-]+$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    /** Short form as people write it (OSAPG, DFAT, ECOWAS); '' when none. */
    acronym: { type: 'string', maxLength: 20 },
    kind: { type: 'string', enum: [...organisationKinds], maxLength: 30 },
    /** The organisation this one sits inside (a department inside a ministry); '' for a top-level one. */
    parentId: { type: 'string', maxLength: 40 },
    /** Country id (ISO alpha-2, lower case) for national bodies; '' for regional, UN and international ones. */
    countryId: { type: 'string', maxLength: 2 },
    notes: { type: 'string', maxLength: 4000 },
    /** Loaded by `seed` from the meeting report; shown as demo data and removable as a whole. */
    demo: { type: 'boolean' },
    /** Set when deleted: the document stays (recoverable, and synced as deleted) until restored. */
    deletedAt: { type: ['string', 'null'], format: 'date-time', maxLength: 40 },
    updatedAt: { type: 'string', format: 'date-time', maxLength: 40 },
  },
  required: ['id', 'name', 'acronym', 'kind', 'parentId', 'countryId', 'notes', 'demo', 'deletedAt', 'updatedAt'],
  indexes: ['name', 'countryId', 'parentId'],
  additionalProperties: false,
} as const;

// Only its type is used: it turns the literal into the document type below.
const _organisationSchemaTyped = toTypedRxJsonSchema(organisationSchemaLiteral);

/** An organisation document as stored and synced. */
export type Organisation = ExtractDocumentTypeFromTypedRxJsonSchema<typeof _organisationSchemaTyped>;

/** RxDB schema of the `organisations` collection. Changing it means a new version and a migration with its own test. */
export const organisationSchema: RxJsonSchema<Organisation> = organisationSchemaLiteral;
