import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';

/** What a document is, as the network files its papers. */
export const documentKinds = [
  'meeting-report',
  'recommendations',
  'national-action-plan',
  'case-study',
  'statement',
  'legislation',
  'training-material',
  'other',
] as const;

/** The three pillars of the Responsibility to Protect (2009 report of the Secretary-General). */
export const pillars = ['I', 'II', 'III'] as const;

/** Who sees a document: the whole network (synced), or only this user (never leaves the device). */
export const documentVisibilities = ['network', 'private'] as const;

export type DocumentKind = (typeof documentKinds)[number];
export type Pillar = (typeof pillars)[number];
export type DocumentVisibility = (typeof documentVisibilities)[number];

/** One file of a document. Versions are appended, never rewritten: an old version stays retrievable byte for byte. */
const versionSchema = {
  type: 'object',
  properties: {
    /** 1, 2, 3… in the order they were added. */
    number: { type: 'integer', minimum: 1, maximum: 1000 },
    /** SHA-256 of the file's bytes, lower-case hex: the file store's key. */
    sha256: { type: 'string', minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' },
    /** The file's name as added (a base name: no folders, no control or bidirectional-override characters). */
    fileName: { type: 'string', minLength: 1, maxLength: 255 },
    /** Media type the content was recognised as (application/pdf…), not merely the one its name claimed. */
    mediaType: { type: 'string', maxLength: 120 },
    size: { type: 'integer', minimum: 1 },
    addedAt: { type: 'string', format: 'date-time', maxLength: 40 },
    /** Who added it, as the adding device names its user. */
    addedBy: { type: 'string', maxLength: 120 },
    /** What changed in this version; '' when nothing was said. */
    note: { type: 'string', maxLength: 1000 },
  },
  required: ['number', 'sha256', 'fileName', 'mediaType', 'size', 'addedAt', 'addedBy', 'note'],
  additionalProperties: false,
} as const;

const documentSchemaLiteral = {
  title: 'document',
  description: 'A report, case study, national action plan or other paper of the network, with its file versions',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `doc-` followed by a ULID in lower case (ids are plain [a-z0-9-], see ARCHITECTURE.md). */
    id: { type: 'string', maxLength: 40, pattern: '^[a-z0-9-]+$' },
    title: { type: 'string', minLength: 1, maxLength: 300 },
    kind: { type: 'string', enum: [...documentKinds], maxLength: 30 },
    /** Country ids (ISO alpha-2, lower case) the document concerns. */
    countryIds: { type: 'array', items: { type: 'string', maxLength: 2 }, maxItems: 250, uniqueItems: true },
    pillars: { type: 'array', items: { type: 'string', enum: [...pillars], maxLength: 3 }, maxItems: 3, uniqueItems: true },
    /** Themes such as early-warning or rule-of-law (shared/domain/document-themes.ts suggests them; others are allowed). */
    themes: { type: 'array', items: { type: 'string', maxLength: 60 }, maxItems: 30, uniqueItems: true },
    /** BCP 47 tag of the document's main language ('' when not known). */
    language: { type: 'string', maxLength: 35 },
    /** The document's own date (YYYY-MM-DD), or null when unknown. */
    date: { type: ['string', 'null'], format: 'date', maxLength: 10 },
    summary: { type: 'string', maxLength: 4000 },
    /** Authoring organisations and contacts (directory ids). */
    organisationIds: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 20, uniqueItems: true },
    contactIds: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 50, uniqueItems: true },
    /** Meetings the document belongs to (filled once meetings exist). */
    meetingIds: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 50, uniqueItems: true },
    visibility: { type: 'string', enum: [...documentVisibilities], maxLength: 10 },
    versions: { type: 'array', items: versionSchema, minItems: 1, maxItems: 1000 },
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
    'countryIds',
    'pillars',
    'themes',
    'language',
    'date',
    'summary',
    'organisationIds',
    'contactIds',
    'meetingIds',
    'visibility',
    'versions',
    'demo',
    'deletedAt',
    'createdAt',
    'updatedAt',
  ],
  indexes: ['title', 'kind', 'updatedAt'],
  additionalProperties: false,
} as const;

// Only its type is used: it turns the literal into the document type below.
const _documentSchemaTyped = toTypedRxJsonSchema(documentSchemaLiteral);

/** A library document as stored and synced. */
export type LibraryDocument = ExtractDocumentTypeFromTypedRxJsonSchema<typeof _documentSchemaTyped>;
export type DocumentVersion = LibraryDocument['versions'][number];

/** RxDB schema of the `documents` collection. Changing it means a new version and a migration with its own test. */
export const documentSchema: RxJsonSchema<LibraryDocument> = documentSchemaLiteral;
