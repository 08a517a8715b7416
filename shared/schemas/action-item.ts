import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';

/** Where a follow-up stands. */
export const actionStatuses = ['open', 'done', 'dropped'] as const;

export type ActionStatus = (typeof actionStatuses)[number];

/** A follow-up decided at a meeting (or at one of its agenda items): who owes what, by when. */
const actionItemSchemaLiteral = {
  title: 'action item',
  description: 'A follow-up from a meeting: its owner, due date, status and notes',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `act-` followed by a ULID in lower case. */
    id: { type: 'string', maxLength: 40, pattern: '^[a-z0-9-]+$' },
    meetingId: { type: 'string', maxLength: 40 },
    /** The agenda item it came from; null when it came from the meeting as a whole. */
    agendaItemId: { type: ['string', 'null'], maxLength: 40 },
    title: { type: 'string', minLength: 1, maxLength: 500 },
    /** Who owes it: a contact, a country, an organisation — any or none known. */
    ownerContactId: { type: ['string', 'null'], maxLength: 40 },
    ownerCountryId: { type: ['string', 'null'], maxLength: 2 },
    ownerOrganisationId: { type: ['string', 'null'], maxLength: 40 },
    /** 'YYYY-MM-DD', or null when no date was set. */
    due: { type: ['string', 'null'], format: 'date', maxLength: 10 },
    status: { type: 'string', enum: [...actionStatuses], maxLength: 10 },
    notes: { type: 'string', maxLength: 4000 },
    /** When it was closed (done or dropped); null while open. */
    closedAt: { type: ['string', 'null'], format: 'date-time', maxLength: 40 },
    demo: { type: 'boolean' },
    deletedAt: { type: ['string', 'null'], format: 'date-time', maxLength: 40 },
    createdAt: { type: 'string', format: 'date-time', maxLength: 40 },
    updatedAt: { type: 'string', format: 'date-time', maxLength: 40 },
  },
  required: [
    'id',
    'meetingId',
    'agendaItemId',
    'title',
    'ownerContactId',
    'ownerCountryId',
    'ownerOrganisationId',
    'due',
    'status',
    'notes',
    'closedAt',
    'demo',
    'deletedAt',
    'createdAt',
    'updatedAt',
  ],
  indexes: ['meetingId', 'status', 'updatedAt'],
  additionalProperties: false,
} as const;

// Only its type is used: it turns the literal into the document type below.
const _actionItemSchemaTyped = toTypedRxJsonSchema(actionItemSchemaLiteral);

/** An action item as stored and synced. */
export type ActionItem = ExtractDocumentTypeFromTypedRxJsonSchema<typeof _actionItemSchemaTyped>;

/** RxDB schema of the `actionItems` collection. Changing it means a new version and a migration with its own test. */
export const actionItemSchema: RxJsonSchema<ActionItem> = actionItemSchemaLiteral;
