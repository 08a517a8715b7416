import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sealer } from '../../documents/crypto/sealer';
import { chunkLengthOf } from './file-doc';

/**
 * A download in progress, kept across cuts and restarts: `<name>.part` holds the chunks received so far, each in its
 * own slot at `index × slot size`, and `<name>.part.json` (the sidecar) lists them. A chunk is flushed to disk before
 * the sidecar names it, so the sidecar never claims a chunk that a power cut could have lost.
 *
 * With an encrypted store the chunks are sealed with its sealer (each slot then holds the sealed chunk, bound to its
 * file and index) and `<name>` is the store's keyed blob name, so a partial download reveals no more than the store
 * does. The sidecar holds only sizes and chunk numbers.
 */
export interface PartialDownload {
  /** Chunks already on disk from this or an earlier attempt. */
  readonly done: ReadonlySet<number>;
  /** Writes chunk `index` (already checked for length), flushes it, then records it in the sidecar. */
  write(index: number, bytes: Uint8Array): Promise<void>;
  /**
   * Every chunk in order, as plaintext, hashing as it goes; after the last one, throws `PartialMismatch` unless the
   * whole matches `sha256` (also when a slot cannot be read back or unsealed). Meant as the source of
   * `FileStore.put`, which then stores nothing.
   */
  verifiedChunks(): AsyncGenerator<Uint8Array>;
  /** Removes the partial file and its sidecar. */
  discard(): Promise<void>;
  /** Closes the partial file, keeping it for the next attempt. */
  close(): Promise<void>;
}

export interface PartialDownloadOptions {
  readonly tempDir: string;
  /** The file store's sealer; undefined for an unencrypted store. */
  readonly sealer: Sealer | undefined;
  readonly sha256: string;
  readonly size: number;
  readonly chunkSize: number;
  readonly chunkCount: number;
}

/** The received content does not match its SHA-256 (or a slot no longer reads back): it must be discarded. */
export class PartialMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartialMismatch';
  }
}

interface Sidecar {
  readonly version: 1;
  readonly size: number;
  readonly chunkSize: number;
  readonly chunkCount: number;
  readonly sealed: boolean;
  /** Chunks on disk as inclusive ranges `[first, last]`: a download mostly fills a prefix, so this stays short. */
  readonly done: readonly (readonly [number, number])[];
}

/**
 * Opens the partial download of a content, resuming from its sidecar when that describes the same layout (size,
 * chunk size, sealing); otherwise, or when the sidecar is unreadable, starts afresh.
 */
export async function openPartialDownload(options: PartialDownloadOptions): Promise<PartialDownload> {
  const { tempDir, sealer, sha256, size, chunkSize, chunkCount } = options;
  await mkdir(tempDir, { recursive: true, mode: 0o700 });
  const sealed = sealer?.encrypted === true;
  const base = sealed ? sealer.nameFor(sha256) : sha256;
  const partPath = join(tempDir, `${base}.part`);
  const sidecarPath = join(tempDir, `${base}.part.json`);
  const overhead = sealed ? sealer.seal(new Uint8Array(0)).length : 0;
  const slotSize = chunkSize + overhead;
  const layout = { version: 1, size, chunkSize, chunkCount, sealed } as const;

  const previous = await readSidecar(sidecarPath);
  const resumable =
    previous !== null &&
    previous.size === size &&
    previous.chunkSize === chunkSize &&
    previous.chunkCount === chunkCount &&
    previous.sealed === sealed;
  const done = new Set<number>(resumable ? indicesOf(previous.done, chunkCount) : []);
  let handle: FileHandle;
  try {
    handle = await open(partPath, resumable ? 'r+' : 'w+', 0o600);
  } catch (error: unknown) {
    if (!resumable) throw error;
    // The sidecar outlived its partial file: start again.
    done.clear();
    handle = await open(partPath, 'w+', 0o600);
  }
  if (!resumable) await rm(sidecarPath, { force: true });

  const contextOf = (index: number): string => `partial-download:${sha256}:${index}`;
  const close = async (): Promise<void> => {
    await handle.close().catch(() => undefined);
  };

  return {
    done,
    async write(index, bytes) {
      const onDisk = sealed ? sealer.seal(bytes, contextOf(index)) : bytes;
      let written = 0;
      while (written < onDisk.length) {
        const { bytesWritten } = await handle.write(onDisk, written, onDisk.length - written, index * slotSize + written);
        written += bytesWritten;
      }
      await handle.sync();
      done.add(index);
      await writeSidecar(sidecarPath, { ...layout, done: rangesOf(done) });
    },
    async *verifiedChunks() {
      const hash = createHash('sha256');
      for (let index = 0; index < chunkCount; index++) {
        const length = chunkLengthOf(index, size, chunkSize) + overhead;
        const slot = Buffer.alloc(length);
        const { bytesRead } = await handle.read(slot, 0, length, index * slotSize);
        if (bytesRead !== length) throw new PartialMismatch(`Chunk ${index} of the partial download is cut short`);
        let plaintext: Uint8Array;
        try {
          plaintext = sealed ? sealer.open(slot, contextOf(index)) : slot;
        } catch (error: unknown) {
          throw new PartialMismatch(`Chunk ${index} of the partial download does not unseal: ${String(error)}`);
        }
        hash.update(plaintext);
        yield plaintext;
      }
      if (hash.digest('hex') !== sha256) throw new PartialMismatch('The downloaded content does not match its SHA-256');
    },
    async discard() {
      await close();
      await rm(partPath, { force: true });
      await rm(sidecarPath, { force: true });
    },
    close,
  };
}

/** Sorted chunk numbers as inclusive ranges: {0, 1, 2, 5} → [[0, 2], [5, 5]]. */
function rangesOf(done: ReadonlySet<number>): [number, number][] {
  const ranges: [number, number][] = [];
  for (const index of [...done].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last !== undefined && last[1] === index - 1) last[1] = index;
    else ranges.push([index, index]);
  }
  return ranges;
}

/** The chunk numbers a sidecar's ranges name, ignoring anything malformed or out of `[0, chunkCount)`. */
function indicesOf(ranges: readonly unknown[], chunkCount: number): number[] {
  const indices: number[] = [];
  for (const range of ranges) {
    if (!Array.isArray(range) || range.length !== 2) continue;
    const [first, last] = range as unknown[];
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) continue;
    const from = Math.max(0, first as number);
    const to = Math.min(chunkCount - 1, last as number);
    for (let index = from; index <= to; index++) indices.push(index);
  }
  return indices;
}

async function readSidecar(path: string): Promise<Sidecar | null> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const sidecar = value as Partial<Sidecar>;
    if (sidecar.version !== 1 || !Array.isArray(sidecar.done)) return null;
    return sidecar as Sidecar;
  } catch {
    // Missing, or cut short by a crash while written (it is replaced by rename, so only a foreign file could be).
    return null;
  }
}

/** Replaces the sidecar atomically: a flushed temporary file renamed over it. */
async function writeSidecar(path: string, sidecar: Sidecar): Promise<void> {
  const tempPath = `${path}.tmp`;
  const handle = await open(tempPath, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(sidecar));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tempPath, path);
}
