import { rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isSha256Hex } from '../crypto/sha256-hex';
import { listBlobs } from './blob-layout';
import { syncDirectory } from './durable-file';
import type { StoreContext } from './store-context';
import { invalidDigest, requireDigest, systemCode } from './store-failures';

export interface RemovalResult {
  /** How many blobs were deleted. */
  readonly removed: number;
  /** The disk space they took. */
  readonly freedBytes: number;
}

/** See `FileStore.remove`. */
export async function removeBlob(context: StoreContext, sha256: string): Promise<RemovalResult> {
  const name = context.sealer.nameFor(requireDigest(sha256));
  const freed = await deleteBlob(context, name);
  if (freed !== null) await syncDirectory(context.layout.dirOf(name));
  return freed === null ? { removed: 0, freedBytes: 0 } : { removed: 1, freedBytes: freed };
}

/** See `FileStore.removeUnreferenced`. */
export async function removeUnreferencedBlobs(context: StoreContext, referenced: ReadonlySet<string>): Promise<RemovalResult> {
  // Every entry is checked before anything is deleted: a malformed digest means the caller's list is wrong, and an
  // incomplete list would delete files still in use.
  const kept = new Set<string>();
  for (const sha256 of referenced) {
    if (!isSha256Hex(sha256)) throw invalidDigest();
    kept.add(context.sealer.nameFor(sha256));
  }
  let removed = 0;
  let freedBytes = 0;
  const touched = new Set<string>();
  for await (const blob of listBlobs(context.layout)) {
    if (kept.has(blob.name)) continue;
    const freed = await deleteBlob(context, blob.name);
    if (freed === null) continue;
    removed += 1;
    freedBytes += freed;
    touched.add(dirname(blob.path));
  }
  for (const dir of touched) await syncDirectory(dir);
  if (removed > 0) context.logger?.log('info', 'Unreferenced stored files removed', { removed, freedBytes });
  return { removed, freedBytes };
}

/** Deletes one blob under its lock; returns the bytes it took, or null when it was not there. */
async function deleteBlob(context: StoreContext, name: string): Promise<number | null> {
  return context.mutex.run(name, async () => {
    const path = context.layout.pathOf(name);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error: unknown) {
      if (systemCode(error) === 'ENOENT') return null;
      throw error;
    }
    await rm(path, { force: true });
    return size;
  });
}
