import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';

/** Regions the network reports by (the meeting report groups its members this way). */
export const regions = ['africa', 'americas', 'asia-pacific', 'europe', 'middle-east'] as const;

/** Where a country stands in the network: a focal point appointed, an appointment announced, or neither. */
export const networkStatuses = ['appointed', 'announced', 'none'] as const;

export type Region = (typeof regions)[number];
export type NetworkStatus = (typeof networkStatuses)[number];

const countrySchemaLiteral = {
  title: 'country',
  description: 'A country of the network and its standing in it',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** ISO 3166-1 alpha-2 code in lower case (ids are plain [a-z0-9-], see ARCHITECTURE.md). */
    id: { type: 'string', maxLength: 2, pattern: '^[a-z]{2}$' },
    /** ISO 3166-1 alpha-2 code as written (upper case). */
    code: { type: 'string', maxLength: 2, pattern: '^[A-Z]{2}$' },
    name: { type: 'string', maxLength: 120 },
    region: { type: 'string', enum: [...regions], maxLength: 20 },
    regionalOrganisations: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 20 },
    networkStatus: { type: 'string', enum: [...networkStatuses], maxLength: 10 },
    coHost: { type: 'boolean' },
    yearJoined: { type: ['integer', 'null'], minimum: 2000, maximum: 2100 },
    nationalExperience: { type: 'string', maxLength: 4000 },
    updatedAt: { type: 'string', format: 'date-time', maxLength: 40 },
  },
  required: ['id', 'code', 'name', 'region', 'regionalOrganisations', 'networkStatus', 'coHost', 'updatedAt'],
  indexes: ['name', 'region', 'networkStatus'],
  additionalProperties: false,
} as const;

// Only its type is used: it turns the literal into the document type below.
const _countrySchemaTyped = toTypedRxJsonSchema(countrySchemaLiteral);

/** A country document as stored and synced. */
export type Country = ExtractDocumentTypeFromTypedRxJsonSchema<typeof _countrySchemaTyped>;

/** RxDB schema of the `countries` collection. Changing it means a new version and a migration with its own test. */
export const countrySchema: RxJsonSchema<Country> = countrySchemaLiteral;
