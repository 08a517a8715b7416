import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';

/** What kind of gathering a meeting is, as the network holds them. */
export const meetingKinds = [
  'annual-meeting',
  'ministerial-meeting',
  'regional-meeting',
  'bilateral-consultation',
  'workshop',
  'other',
] as const;

/** Where a meeting stands. */
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;

/** A contact's or country's answer to an invitation, and then the fact. */
export const attendanceStatuses = ['invited', 'confirmed', 'attended', 'apologies'] as const;

export type MeetingKind = (typeof meetingKinds)[number];
export type MeetingStatus = (typeof meetingStatuses)[number];
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/**
 * One attendance record: a contact (with the country they represent, when known) or a country as a whole (a
 * delegation whose members the directory does not hold). Embedded in the meeting: it is read and written with it.
 */
const attendanceSchema = {
  type: 'object',
  properties: {
    contactId: { type: ['string', 'null'], maxLength: 40 },
    countryId: { type: ['string', 'null'], maxLength: 2 },
    status: { type: 'string', enum: [...attendanceStatuses], maxLength: 12 },
    note: { type: 'string', maxLength: 300 },
  },
  required: ['contactId', 'countryId', 'status', 'note'],
  additionalProperties: false,
} as const;

const meetingSchemaLiteral = {
  title: 'meeting',
  description: 'A meeting of the network: when and where, who hosts it, who was invited and came',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `mtg-` followed by a ULID in lower case. */
    id: { type: 'string', maxLength: 40, pattern: '^[a-z0-9-]+$' },
    title: { type: 'string', minLength: 1, maxLength: 300 },
    kind: { type: 'string', enum: [...meetingKinds], maxLength: 30 },
    /**
     * Wall-clock start and end in the meeting's zone: 'YYYY-MM-DDTHH:mm' for a timed meeting, 'YYYY-MM-DD' for an
     * all-day one (end inclusive). See shared/domain/meeting-time.ts.
     */
    start: { type: 'string', minLength: 10, maxLength: 16 },
    end: { type: 'string', minLength: 10, maxLength: 16 },
    /** IANA time zone (Europe/Copenhagen); null only for an all-day meeting whose place is not known. */
    timeZone: { type: ['string', 'null'], maxLength: 64 },
    location: { type: 'string', maxLength: 300 },
    /** An https link for a virtual meeting ('' when none). */
    virtualLink: { type: 'string', maxLength: 500 },
    hostCountryIds: { type: 'array', items: { type: 'string', maxLength: 2 }, maxItems: 20, uniqueItems: true },
    hostOrganisationIds: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 20, uniqueItems: true },
    /** Papers of the meeting as a whole (library document ids): its report, background papers. */
    documentIds: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 50, uniqueItems: true },
    status: { type: 'string', enum: [...meetingStatuses], maxLength: 10 },
    /** Free-text marking such as "RESTRICTED" ('' when none). */
    classification: { type: 'string', maxLength: 100 },
    description: { type: 'string', maxLength: 4000 },
    /**
     * How many countries a source says attended, when the attendance list is incomplete (a report that counts
     * delegations without naming them all); null when the list is the whole truth.
     */
    statedCountryCount: { type: ['integer', 'null'], minimum: 0, maximum: 250 },
    attendance: { type: 'array', items: attendanceSchema, maxItems: 2000 },
    /** Loaded by `seed`; shown as demo data. */
    demo: { type: 'boolean' },
    deletedAt: { type: ['string', 'null'], format: 'date-time', maxLength: 40 },
    createdAt: { type: 'string', format: 'date-time', maxLength: 40 },
    updatedAt: { type: 'string', format: 'date-time', maxLength: 40 },
  },
  required: [
    'id',
    'title',
    'kind',
    'start',
    'end',
    'timeZone',
    'location',
    'virtualLink',
    'hostCountryIds',
    'hostOrganisationIds',
    'documentIds',
    'status',
    'classification',
    'description',
    'statedCountryCount',
    'attendance',
    'demo',
    'deletedAt',
    'createdAt',
    'updatedAt',
  ],
  indexes: ['start', 'updatedAt'],
  additionalProperties: false,
} as const;

// Only its type is used: it turns the literal into the document type below.
const _meetingSchemaTyped = toTypedRxJsonSchema(meetingSchemaLiteral);

/** A meeting as stored and synced. */
export type Meeting = ExtractDocumentTypeFromTypedRxJsonSchema<typeof _meetingSchemaTyped>;
export type AttendanceRecord = Meeting['attendance'][number];

/** RxDB schema of the `meetings` collection. Changing it means a new version and a migration with its own test. */
export const meetingSchema: RxJsonSchema<Meeting> = meetingSchemaLiteral;
