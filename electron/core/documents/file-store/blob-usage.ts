import { stat } from 'node:fs/promises';
import { listBlobs } from './blob-layout';
import type { StoreContext } from './store-context';
import { blobDamaged, blobMissing, requireDigest, systemCode } from './store-failures';

/** How much the store holds. */
export interface StoreUsage {
  /** Number of distinct contents held. */
  readonly files: number;
  /** Bytes the blobs take on disk (with encryption: headers and tags included). */
  readonly bytes: number;
  /** Bytes of content they hold, as the files had when they were added. */
  readonly plaintextBytes: number;
}

/** See `FileStore.has`. */
export async function blobExists(context: StoreContext, sha256: string): Promise<boolean> {
  try {
    return (await stat(context.layout.pathOf(context.sealer.nameFor(requireDigest(sha256))))).isFile();
  } catch (error: unknown) {
    if (systemCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** See `FileStore.size`. */
export async function blobSize(context: StoreContext, sha256: string): Promise<number> {
  requireDigest(sha256);
  let storedBytes: number;
  try {
    storedBytes = (await stat(context.layout.pathOf(context.sealer.nameFor(sha256)))).size;
  } catch (error: unknown) {
    if (systemCode(error) === 'ENOENT') throw blobMissing('This file');
    throw error;
  }
  const size = context.sealer.plaintextSize(storedBytes);
  if (size === null) throw blobDamaged('This file');
  return size;
}

/** See `FileStore.usage`. */
export async function storeUsage(context: StoreContext): Promise<StoreUsage> {
  let files = 0;
  let bytes = 0;
  let plaintextBytes = 0;
  for await (const blob of listBlobs(context.layout)) {
    files += 1;
    bytes += blob.storedBytes;
    const size = context.sealer.plaintextSize(blob.storedBytes);
    if (size === null) context.logger?.log('warn', 'A stored file is too short to be whole', { name: blob.name });
    else plaintextBytes += size;
  }
  return { files, bytes, plaintextBytes };
}
