import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from './atomic-write';
import type { IndexedDocuments } from './indexed-documents';
import type { BlobSealer } from './text-index-types';

const FORMAT = 'focal-desk-text-index';
/** Version 1 held a MiniSearch index as JSON; such a snapshot reads as `unreadable`, and the index is rebuilt. */
const VERSION = 2;
const HEADER_LENGTH_BYTES = 4;

/** Reading the snapshot: its index and generation, or why there is none. */
export type SnapshotRead =
  | {
      readonly kind: 'ok';
      readonly generation: number;
      readonly database: Buffer;
      readonly catalog: unknown;
      readonly bytes: number;
    }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Writes the index as a sealed snapshot, atomically (temporary file, flush, rename, directory flush). `generation`
 * names the journal that continues it. Returns the snapshot's size in bytes. The index is serialised synchronously,
 * so no write can slip in between.
 *
 * Layout before sealing: the header's length (4 bytes, little-endian), the header as JSON (format, version,
 * generation, catalogue), then the FTS database's bytes.
 */
export async function writeSnapshot(
  path: string,
  sealer: BlobSealer,
  documents: IndexedDocuments,
  generation: number,
): Promise<number> {
  const { database, catalog } = documents.snapshot();
  const header = Buffer.from(JSON.stringify({ format: FORMAT, version: VERSION, generation, catalog }), 'utf8');
  const size = Buffer.alloc(HEADER_LENGTH_BYTES);
  size.writeUInt32LE(header.length, 0);
  const sealed = sealer.seal(Buffer.concat([size, header, database]));
  await writeFileAtomically(path, sealed, true);
  return sealed.length;
}

function parseSnapshot(plain: Buffer, bytes: number): SnapshotRead {
  if (plain.length < HEADER_LENGTH_BYTES) return { kind: 'unreadable', reason: 'too short' };
  const headerEnd = HEADER_LENGTH_BYTES + plain.readUInt32LE(0);
  if (headerEnd > plain.length) return { kind: 'unreadable', reason: 'header cut short' };
  const parsed: unknown = JSON.parse(plain.toString('utf8', HEADER_LENGTH_BYTES, headerEnd));
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'unreadable', reason: 'not an object' };
  const { format, version, generation, catalog } = parsed as Record<string, unknown>;
  if (format !== FORMAT || version !== VERSION) return { kind: 'unreadable', reason: 'another format or version' };
  if (typeof generation !== 'number' || !Number.isInteger(generation) || generation < 0) {
    return { kind: 'unreadable', reason: 'no generation' };
  }
  if (headerEnd === plain.length) return { kind: 'unreadable', reason: 'no index' };
  return { kind: 'ok', generation, database: plain.subarray(headerEnd), catalog, bytes };
}

/**
 * Reads the snapshot; damage, a foreign format or a sealer that cannot open it is `unreadable`, never an exception.
 * The index and catalogue are checked when loaded (IndexedDocuments.load).
 */
export async function readSnapshot(path: string, sealer: BlobSealer): Promise<SnapshotRead> {
  let sealed: Buffer;
  try {
    sealed = await readFile(path);
  } catch (error: unknown) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const plain = sealer.open(sealed);
    return parseSnapshot(Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength), sealed.length);
  } catch (error: unknown) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
