import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from './atomic-write';
import type { IndexedDocuments } from './indexed-documents';
import type { BlobSealer } from './text-index-types';

const FORMAT = 'focal-desk-text-index';
const VERSION = 1;

/** Reading the snapshot: its index and generation, or why there is none. */
export type SnapshotRead =
  | { readonly kind: 'ok'; readonly generation: number; readonly index: unknown; readonly catalog: unknown; readonly bytes: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Writes the index as a sealed snapshot, atomically (temporary file, flush, rename, directory flush). `generation`
 * names the journal that continues it. Returns the snapshot's size in bytes. The index is serialised synchronously,
 * so no write can slip in between.
 */
export async function writeSnapshot(
  path: string,
  sealer: BlobSealer,
  documents: IndexedDocuments,
  generation: number,
): Promise<number> {
  const plain = Buffer.from(JSON.stringify({ format: FORMAT, version: VERSION, generation, ...documents.snapshot() }), 'utf8');
  const sealed = sealer.seal(plain);
  await writeFileAtomically(path, sealed, true);
  return sealed.length;
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
    const parsed: unknown = JSON.parse(Buffer.from(sealer.open(sealed)).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return { kind: 'unreadable', reason: 'not an object' };
    const { format, version, generation, index, catalog } = parsed as Record<string, unknown>;
    if (format !== FORMAT || version !== VERSION) return { kind: 'unreadable', reason: 'another format or version' };
    if (typeof generation !== 'number' || !Number.isInteger(generation) || generation < 0) {
      return { kind: 'unreadable', reason: 'no generation' };
    }
    if (typeof index !== 'object' || index === null) return { kind: 'unreadable', reason: 'no index' };
    return { kind: 'ok', generation, index, catalog, bytes: sealed.length };
  } catch (error: unknown) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
