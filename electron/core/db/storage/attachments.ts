import type { BulkWriteRow, CategorizeBulkWriteRowsOutput } from 'rxdb';
import type { StatementCache } from './statement-cache';
import type { TableLayout } from './table-layout';

/**
 * Attachments live in their own table, one row per (document, attachment) with the bytes as a BLOB. RxDB hands
 * attachment data over as `Blob`s, whose bytes can only be read asynchronously, so a write reads them before its
 * (synchronous) transaction starts; `getAttachmentData` returns a new `Blob` with the same bytes and type.
 */

/** Bytes of every attachment `Blob` in a write, read before the transaction. */
export type AttachmentBytes = ReadonlyMap<Blob, Buffer>;

/** True when any row carries attachment data that must be read before writing. */
export function hasAttachmentData<RxDocType>(rows: readonly BulkWriteRow<RxDocType>[]): boolean {
  for (const row of rows) {
    const attachments = row.document._attachments;
    for (const id in attachments) {
      if ('data' in (attachments[id] ?? {})) return true;
    }
  }
  return false;
}

/** Reads the bytes of every attachment `Blob` in `rows`. */
export async function readAttachmentBytes<RxDocType>(rows: readonly BulkWriteRow<RxDocType>[]): Promise<AttachmentBytes> {
  const blobs = new Set<Blob>();
  for (const row of rows) {
    for (const attachment of Object.values(row.document._attachments)) {
      if ('data' in attachment) {
        if (!(attachment.data instanceof Blob)) throw new TypeError('Attachment data must be a Blob');
        blobs.add(attachment.data);
      }
    }
  }
  const bytes = new Map<Blob, Buffer>();
  await Promise.all([...blobs].map(async (blob) => bytes.set(blob, Buffer.from(await blob.arrayBuffer()))));
  return bytes;
}

/** Applies a categorized write's attachment changes; runs inside the write's transaction. */
export function writeAttachments<RxDocType>(
  statements: StatementCache,
  layout: TableLayout<RxDocType>,
  categorized: CategorizeBulkWriteRowsOutput<RxDocType>,
  bytes: AttachmentBytes,
): void {
  const table = layout.attachmentsTable;
  if (categorized.attachmentsAdd.length + categorized.attachmentsUpdate.length > 0) {
    const put = statements.get(
      `INSERT INTO ${table} (doc_id, att_id, digest, type, length, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (doc_id, att_id) DO UPDATE SET digest = excluded.digest, type = excluded.type,
         length = excluded.length, data = excluded.data`,
    );
    for (const change of [...categorized.attachmentsAdd, ...categorized.attachmentsUpdate]) {
      const data = bytes.get(change.attachmentData.data);
      if (data === undefined) throw new Error('attachment bytes were not read before the write');
      put.run(change.documentId, change.attachmentId, change.digest, change.attachmentData.type, data.length, data);
    }
  }
  if (categorized.attachmentsRemove.length > 0) {
    const remove = statements.get(`DELETE FROM ${table} WHERE doc_id = ? AND att_id = ?`);
    for (const change of categorized.attachmentsRemove) remove.run(change.documentId, change.attachmentId);
  }
}

/**
 * The data of one attachment as a `Blob` of its stored type.
 * @throws Error when the document has no such attachment with that digest (as the memory storage does).
 */
export function readAttachment<RxDocType>(
  statements: StatementCache,
  layout: TableLayout<RxDocType>,
  documentId: string,
  attachmentId: string,
  digest: string,
): Blob {
  const row = layout.hasAttachments
    ? statements
        .get<{ digest: string; type: string; data: Buffer }>(`SELECT digest, type, data FROM ${layout.attachmentsTable} WHERE doc_id = ? AND att_id = ?`)
        .get(documentId, attachmentId)
    : undefined;
  if (row === undefined || digest === '' || row.digest !== digest) {
    throw new Error(`attachment does not exist: ${documentId}||${attachmentId}`);
  }
  // Copied into a plain ArrayBuffer-backed array: Blob parts may not be views of a shared buffer.
  return new Blob([Uint8Array.from(row.data)], { type: row.type });
}
