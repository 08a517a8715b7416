import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';

/**
 * What sync keeps aside instead of dropping: a `conflict` (both sides changed the same field; the server's value was
 * kept and the local one is here), a `quarantine` (a document from the server that failed the schema; never applied)
 * and a `rejected` change (the server refused a local change, e.g. another author's record).
 */
export const syncRecordKinds = ['conflict', 'quarantine', 'rejected'] as const;
export type SyncRecordKind = (typeof syncRecordKinds)[number];

const syncRecordSchemaLiteral = {
  title: 'sync record',
  description: 'A conflict, a quarantined incoming document or a change the server refused; local to this computer, never synced',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** Deterministic for conflicts (collection, document, hash of the losing values), so a repeat is one record. */
    id: { type: 'string', maxLength: 200 },
    kind: { type: 'string', enum: [...syncRecordKinds], maxLength: 12 },
    /** The synced collection (`contacts`…) or `files`. Not `collection`: RxDB documents have a property of that name. */
    collectionName: { type: 'string', maxLength: 40 },
    /** The document's id as the server gave it (cut to 200 characters: a quarantined one may be anything). */
    documentId: { type: 'string', maxLength: 200 },
    /** Plain words: why it was quarantined or refused, or which fields conflicted. */
    reason: { type: 'string', maxLength: 2000 },
    /**
     * The evidence as JSON text: for a conflict the fields with local, server and base values and both documents; for
     * a quarantine the document as received; for a refusal the local document. Text, because its shape is the
     * collection's, not this schema's.
     */
    detail: { type: 'string', maxLength: 2_000_000 },
    detectedAt: { type: 'string', format: 'date-time', maxLength: 40 },
    /** When the user resolved or dismissed it; null while it waits. */
    resolvedAt: { type: ['string', 'null'], format: 'date-time', maxLength: 40 },
  },
  required: ['id', 'kind', 'collectionName', 'documentId', 'reason', 'detail', 'detectedAt', 'resolvedAt'],
  indexes: ['detectedAt'],
  additionalProperties: false,
} as const;

// Only its type is used: it turns the literal into the document type below.
const _syncRecordSchemaTyped = toTypedRxJsonSchema(syncRecordSchemaLiteral);

export type SyncRecord = ExtractDocumentTypeFromTypedRxJsonSchema<typeof _syncRecordSchemaTyped>;

/** RxDB schema of the local `syncRecords` collection. */
export const syncRecordSchema: RxJsonSchema<SyncRecord> = syncRecordSchemaLiteral;
