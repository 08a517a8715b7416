import { createHash } from 'node:crypto';
import type { RxCollection } from 'rxdb';
import type { SyncRecord, SyncRecordKind } from '../../../shared/schemas/sync-record';
import type { ConflictRecord } from './conflicts/conflict-record';
import { canonicalJson } from './conflicts/json-values';

/** The longest evidence kept with a record; a bigger document is cut (its id and the reason stay whole). */
const MAX_DETAIL_CHARS = 1_000_000;

const clip = (text: string, max: number): string => (text.length <= max ? text : text.slice(0, max));

/**
 * Keeps what sync sets aside in the local `syncRecords` collection. Every write is an insert that ignores an id
 * already held: the ids are deterministic, so the same conflict or the same bad document seen again is one record,
 * and a record the user already resolved is not brought back.
 */
export interface SyncRecords {
  conflict(record: ConflictRecord): Promise<void>;
  quarantine(collection: string, documentId: string, reason: string, document: unknown, at: string): Promise<void>;
  rejected(collection: string, documentId: string, reason: string, document: unknown, at: string): Promise<void>;
}

export function syncRecordsIn(collection: () => RxCollection<SyncRecord>): SyncRecords {
  const keep = async (record: SyncRecord): Promise<void> => {
    const records = collection();
    if ((await records.findOne(record.id).exec()) !== null) return;
    try {
      await records.insert(record);
    } catch (error: unknown) {
      // Two resolutions of the same situation racing: the other one kept it.
      if ((error as { code?: unknown }).code !== 'CONFLICT') throw error;
    }
  };
  const evidence = (kind: Exclude<SyncRecordKind, 'conflict'>, collectionName: string, documentId: string, reason: string, document: unknown, at: string) => {
    const detail = canonicalJson(document ?? null);
    const hash = createHash('sha256').update(`${kind}\n${collectionName}\n${documentId}\n${reason}\n${detail}`).digest('hex').slice(0, 32);
    const id = clip(`${kind}:${collectionName}:${clip(documentId, 100)}:${hash}`, 200);
    return keep({ id, kind, collectionName, documentId: clip(documentId, 200), reason: clip(reason, 2000), detail: clip(detail, MAX_DETAIL_CHARS), detectedAt: at, resolvedAt: null });
  };
  return {
    conflict: (record) =>
      keep({
        id: record.id,
        kind: 'conflict',
        collectionName: record.collection,
        documentId: record.documentId,
        reason: `Changed here and on the server: ${record.fields.map((field) => field.field).join(', ')}. The server's values were kept; yours are saved here.`,
        detail: clip(JSON.stringify(record), MAX_DETAIL_CHARS),
        detectedAt: record.detectedAt,
        resolvedAt: null,
      }),
    quarantine: (collectionName, documentId, reason, document, at) => evidence('quarantine', collectionName, documentId, reason, document, at),
    rejected: (collectionName, documentId, reason, document, at) => evidence('rejected', collectionName, documentId, reason, document, at),
  };
}
