import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppFailure } from '../../app-failure';
import { createContentMeter } from './content-meter';
import { syncDirectory, writeDurably } from './durable-file';
import type { StoreContext } from './store-context';
import { diskFull, emptyFile, grewTooLarge, notAFile, sourceFailure, subjectOf, systemCode, tooLarge } from './store-failures';

/**
 * What to add: a file on disk (read as a stream, never whole) or bytes already in memory. `name` is the file name used
 * in messages; for a path it defaults to the path's base name. Paths are never put in messages.
 */
export type PutSource =
  | { readonly path: string; readonly name?: string | undefined }
  | { readonly bytes: Uint8Array; readonly name?: string | undefined }
  /**
   * Bytes arriving over time (an upload in chunks), with the size announced up front: refused before anything is
   * written when that size is 0 or over the cap, and stopped when more arrives than announced.
   */
  | { readonly chunks: AsyncIterable<Uint8Array>; readonly size: number; readonly name?: string | undefined };

export interface PutOptions {
  /** Called as the content is read: bytes done so far, and the size the file had when it was opened. */
  readonly onProgress?: ((doneBytes: number, totalBytes: number) => void) | undefined;
  /** Aborting stops the copy, removes the temporary file and rejects with the signal's reason (an AbortError). */
  readonly signal?: AbortSignal | undefined;
}

export interface PutResult {
  /** SHA-256 of the content, lower-case hex: the blob's identity. */
  readonly sha256: string;
  /** The content's size in bytes. */
  readonly size: number;
  /** False when the store already held this content: nothing new was stored. */
  readonly added: boolean;
}

interface OpenedSource {
  readonly size: number;
  readonly chunks: AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

const READ_CHUNK_BYTES = 1024 * 1024;

/** See `FileStore.put`. */
export async function putBlob(context: StoreContext, source: PutSource, options: PutOptions = {}): Promise<PutResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const subject = subjectOf('path' in source ? (source.name ?? basename(source.path)) : source.name);
  const input = await openSource(source, subject);
  try {
    // Refused before anything is written: the size is known up front for files and bytes alike.
    if (input.size === 0) throw emptyFile(subject);
    if (input.size > context.maxFileBytes) throw tooLarge(subject, input.size, context.maxFileBytes);
    const meter = createContentMeter({
      maxBytes: context.maxFileBytes,
      expectedBytes: input.size,
      onProgress,
      tooLarge: () => grewTooLarge(subject, context.maxFileBytes),
    });
    const tempPath = context.layout.newTempPath();
    try {
      const handle = await open(tempPath, 'wx', 0o600);
      try {
        await pipeline(
          input.chunks,
          (plaintext: AsyncIterable<Uint8Array>) => meter.measure(plaintext),
          (plaintext: AsyncIterable<Uint8Array>) => context.sealer.sealStream(plaintext),
          (sealed: AsyncIterable<Uint8Array>) => writeDurably(handle, sealed),
          { signal },
        );
      } finally {
        await handle.close();
      }
      const { sha256, size } = meter.result();
      // The file was emptied between opening and reading.
      if (size === 0) throw emptyFile(subject);
      const added = await publish(context, tempPath, sha256, size);
      return { sha256, size, added };
    } catch (error: unknown) {
      await rm(tempPath, { force: true });
      if (error instanceof AppFailure) throw error;
      throw diskFull(error, subject, 'add') ?? error;
    }
  } finally {
    await input.close();
  }
}

/**
 * Moves a complete, flushed temporary file to the blob's final name, unless a sound blob is already there (then the
 * temporary file is dropped and the result is `false`). A blob whose size does not fit its content (cut short by a disk
 * fault) is replaced by the new copy. Runs under the blob's lock, so two puts of the same content cannot both add it.
 */
async function publish(context: StoreContext, tempPath: string, sha256: string, size: number): Promise<boolean> {
  const { layout, sealer, logger } = context;
  const name = sealer.nameFor(sha256);
  return context.mutex.run(name, async () => {
    const finalPath = layout.pathOf(name);
    const existing = await storedSize(finalPath);
    if (existing !== null) {
      if (sealer.plaintextSize(existing) === size) {
        await rm(tempPath, { force: true });
        return false;
      }
      logger?.log('warn', 'A stored file had the wrong size and was replaced by a new copy', { sha256, storedBytes: existing });
    }
    const blobDir = layout.dirOf(name);
    const createdDir = await mkdir(blobDir, { recursive: true, mode: 0o700 });
    await rename(tempPath, finalPath);
    await syncDirectory(blobDir);
    if (createdDir !== undefined) {
      await syncDirectory(dirname(blobDir));
      await syncDirectory(layout.blobsDir);
    }
    return true;
  });
}

async function openSource(source: PutSource, subject: string): Promise<OpenedSource> {
  if ('bytes' in source) {
    const { bytes } = source;
    return { size: bytes.length, chunks: slices(bytes), close: async () => undefined };
  }
  if ('chunks' in source) return { size: source.size, chunks: source.chunks, close: async () => undefined };
  try {
    // Checked by path first: opening a FIFO or a device to look at it could block.
    if (!(await stat(source.path)).isFile()) throw notAFile(subject);
    const handle = await open(source.path, 'r');
    const facts = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    if (!facts.isFile()) {
      await handle.close();
      throw notAFile(subject);
    }
    return {
      size: facts.size,
      chunks: handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES, autoClose: false }),
      close: () => handle.close(),
    };
  } catch (error: unknown) {
    if (error instanceof AppFailure) throw error;
    throw sourceFailure(error, subject) ?? error;
  }
}

/** Bytes already in memory, handed on in read-sized views (no copy) so progress and the cap work as for a file. */
async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += READ_CHUNK_BYTES) {
    yield bytes.subarray(start, Math.min(bytes.length, start + READ_CHUNK_BYTES));
  }
}

async function storedSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error: unknown) {
    if (systemCode(error) === 'ENOENT') return null;
    throw error;
  }
}
