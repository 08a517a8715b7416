import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';

/**
 * One item of a meeting's agenda. Its time is not stored: it follows from the meeting's start and the durations of
 * the items before it (shared/domain/agenda-schedule.ts), unless it is pinned with `fixedStart`.
 */
const agendaItemSchemaLiteral = {
  title: 'agenda item',
  description: 'An item of a meeting agenda: its place, length, presenters, papers, minutes and decisions',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `agi-` followed by a ULID in lower case. */
    id: { type: 'string', maxLength: 40, pattern: '^[a-z0-9-]+$' },
    meetingId: { type: 'string', maxLength: 40 },
    /** Place in the agenda, 1 for the first item; rewritten for the meeting's items when they are reordered. */
    position: { type: 'integer', minimum: 1, maximum: 1000, multipleOf: 1 },
    title: { type: 'string', minLength: 1, maxLength: 300 },
    description: { type: 'string', maxLength: 4000 },
    /** Minutes the item lasts; null when not planned to the minute. */
    durationMinutes: { type: ['integer', 'null'], minimum: 1, maximum: 20160 },
    /** 'YYYY-MM-DDTHH:mm' in the meeting's zone when the item starts at a set time (after a break); else null. */
    fixedStart: { type: ['string', 'null'], maxLength: 16 },
    presenterContactIds: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 20, uniqueItems: true },
    presenterCountryIds: { type: 'array', items: { type: 'string', maxLength: 2 }, maxItems: 50, uniqueItems: true },
    presenterOrganisationIds: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 20, uniqueItems: true },
    /** Papers for the item (library document ids). */
    documentIds: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 50, uniqueItems: true },
    minutes: { type: 'string', maxLength: 20000 },
    decisions: { type: 'array', items: { type: 'string', maxLength: 2000 }, maxItems: 50 },
    demo: { type: 'boolean' },
    deletedAt: { type: ['string', 'null'], format: 'date-time', maxLength: 40 },
    createdAt: { type: 'string', format: 'date-time', maxLength: 40 },
    updatedAt: { type: 'string', format: 'date-time', maxLength: 40 },
  },
  required: [
    'id',
    'meetingId',
    'position',
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
    'demo',
    'deletedAt',
    'createdAt',
    'updatedAt',
  ],
  indexes: ['meetingId', ['meetingId', 'position']],
  additionalProperties: false,
} as const;

// Only its type is used: it turns the literal into the document type below.
const _agendaItemSchemaTyped = toTypedRxJsonSchema(agendaItemSchemaLiteral);

/** An agenda item as stored and synced. */
export type AgendaItem = ExtractDocumentTypeFromTypedRxJsonSchema<typeof _agendaItemSchemaTyped>;

/** RxDB schema of the `agendaItems` collection. Changing it means a new version and a migration with its own test. */
export const agendaItemSchema: RxJsonSchema<AgendaItem> = agendaItemSchemaLiteral;
