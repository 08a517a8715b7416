import type { DocumentMeta } from './indexed-documents';
import type { BlobSealer } from './text-index-types';

/**
 * One change in the journal, written (and flushed) before the text file is written or deleted, so that every text file
 * on disk belongs to an acknowledged change. Replay applies each document's last change, reading an upsert's text
 * from its file. The revision and metadata an upsert names are there for diagnosis (which write a crash cut short).
 */
export type JournalRecord =
  | { readonly op: 'upsert'; readonly id: string; readonly rev: string; readonly meta: Omit<DocumentMeta, 'rev' | 'chars'> }
  | { readonly op: 'remove'; readonly id: string };

export function sealRecord(sealer: BlobSealer, record: JournalRecord): Uint8Array {
  return sealer.seal(Buffer.from(JSON.stringify(record), 'utf8'));
}

/** The record in a sealed payload, or null when it cannot be opened or has another shape. */
export function openRecord(sealer: BlobSealer, payload: Uint8Array): JournalRecord | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(sealer.open(payload)).toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { op, id, rev, meta } = value as Record<string, unknown>;
    if (typeof id !== 'string') return null;
    if (op === 'remove') return { op, id };
    if (op !== 'upsert' || typeof rev !== 'string' || typeof meta !== 'object' || meta === null) return null;
    return { op, id, rev, meta: meta as Omit<DocumentMeta, 'rev' | 'chars'> };
  } catch {
    return null;
  }
}
