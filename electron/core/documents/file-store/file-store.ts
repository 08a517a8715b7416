import type { Readable } from 'node:stream';
import type { Logger } from '../../ports';
import type { Sealer } from '../crypto/sealer';
import { blobLayout, clearTempDir, createLayoutDirs } from './blob-layout';
import { removeBlob, removeUnreferencedBlobs, type RemovalResult } from './blob-removal';
import { blobExists, blobSize, storeUsage, type StoreUsage } from './blob-usage';
import { createKeyedMutex } from './keyed-mutex';
import { putBlob, type PutOptions, type PutResult, type PutSource } from './put-blob';
import { copyBlobTo, openBlob, readBlob, type ReadOptions } from './read-blob';

export type { PutOptions, PutResult, PutSource, ReadOptions, RemovalResult, StoreUsage };

/** The default cap on one file: 200 MB. */
export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface FileStoreOptions {
  /** The store's own directory (e.g. `<dataDir>/store/files`); created when missing. Nothing is written outside it. */
  readonly dir: string;
  /** From `createSealer(storeKey)`: encrypted exactly when the SQLite store is. */
  readonly sealer: Sealer;
  /** Largest content accepted, in bytes; default 200 MB. */
  readonly maxFileBytes?: number | undefined;
  /** Receives integrity failures and clean-up counts: digests and sizes only, never content or keys. */
  readonly logger?: Logger | undefined;
}

/**
 * The documents' file store: each distinct content is stored once, under a name derived from its SHA-256 (whatever
 * file name it came with), sealed with the store key when the store is encrypted, and checked whenever it is read.
 *
 * Invariants: a blob appears under its final name only complete and flushed to disk (temporary file, fsync, rename,
 * directory fsync); a crash leaves at most temporary files, removed by the next `createFileStore`; paths are only ever
 * built from validated digests. Failures a person can act on are `AppFailure`s; other errors (I/O faults) are thrown
 * as they are. One FileStore per directory at a time (the data-directory lock ensures one process).
 *
 * Deleting is the caller's decision: the store cannot know which document versions still reference a content. The
 * document service must compute the referenced set and call `removeUnreferenced` (or check before `remove`) in the
 * same serialized section that writes references, so a blob just `put` for a version not yet saved is never collected.
 */
export interface FileStore {
  readonly dir: string;
  readonly maxFileBytes: number;
  readonly encrypted: boolean;
  /**
   * Stores a file or bytes, streaming it once (hashing and sealing as it goes) into a temporary file, then publishing
   * it under its digest; `added` is false when the content was already held (the copy is dropped). Concurrent puts of
   * the same content are safe and exactly one reports `added: true`.
   * Errors: `invalid-input` for an empty file or one over `maxFileBytes` (refused before anything is written when the
   * size is known; a file that grows past the cap while read is stopped and its temporary file removed), `not-found`
   * / `forbidden` when the source cannot be read, `unavailable` when the disk is full; an abort rejects with the
   * signal's reason. Messages name the file by its base name and the cap in MB.
   */
  put(source: PutSource, options?: PutOptions): Promise<PutResult>;
  /**
   * The content as a byte stream. Rejects with `not-found` when it is not held and `invalid-input` for a malformed
   * digest; the stream fails with `unavailable` when a chunk or the whole content does not check out — bytes read
   * before that failure must be discarded.
   */
  open(sha256: string, options?: ReadOptions): Promise<Readable>;
  /** The whole content in memory, checked; for small files (extraction, tests). Errors as `open`. */
  read(sha256: string, options?: ReadOptions): Promise<Uint8Array>;
  /**
   * Writes the content to `destPath` (replacing a file there) through a hidden temporary file beside it, renamed only
   * once the whole content checked out: `destPath` never holds a partial or damaged copy. Errors as `open`, plus
   * `not-found` / `forbidden` / `unavailable` for the destination. A crash during the copy can leave the hidden
   * `.<name>.<random>.part` file beside `destPath`.
   */
  copyTo(sha256: string, destPath: string, options?: ReadOptions): Promise<void>;
  /** Whether the content is held (does not check it). Throws `invalid-input` for a malformed digest. */
  has(sha256: string): Promise<boolean>;
  /** The content's size in bytes, from the blob's size on disk. `not-found` when not held, `unavailable` when cut short. */
  size(sha256: string): Promise<number>;
  /** Totals over every blob held. */
  usage(): Promise<StoreUsage>;
  /**
   * Deletes one content. The caller must first have checked that no version of any document references it (see the
   * interface's note). Removing what is not held is not an error (`removed: 0`).
   */
  remove(sha256: string): Promise<RemovalResult>;
  /**
   * Deletes every blob whose digest is not in `referenced`, which must hold every SHA-256 referenced by any version of
   * any document (deleted documents included until they are purged). Throws `invalid-input`, deleting nothing, when
   * an entry is not a well-formed digest.
   */
  removeUnreferenced(referenced: ReadonlySet<string>): Promise<RemovalResult>;
}

/** Opens (creating when needed) the file store in `options.dir` and removes temporary files left by a crash. */
export async function createFileStore(options: FileStoreOptions): Promise<FileStore> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!Number.isSafeInteger(maxFileBytes) || maxFileBytes < 1) throw new RangeError(`maxFileBytes must be a positive integer`);
  const layout = blobLayout(options.dir);
  await createLayoutDirs(layout);
  const leftovers = await clearTempDir(layout);
  if (leftovers > 0) options.logger?.log('info', 'Temporary files left by an interrupted write were removed', { count: leftovers });
  const context = { layout, sealer: options.sealer, mutex: createKeyedMutex(), maxFileBytes, logger: options.logger };
  return {
    dir: options.dir,
    maxFileBytes,
    encrypted: options.sealer.encrypted,
    put: (source, putOptions) => putBlob(context, source, putOptions),
    open: (sha256, readOptions) => openBlob(context, sha256, readOptions),
    read: (sha256, readOptions) => readBlob(context, sha256, readOptions),
    copyTo: (sha256, destPath, readOptions) => copyBlobTo(context, sha256, destPath, readOptions),
    has: (sha256) => blobExists(context, sha256),
    size: (sha256) => blobSize(context, sha256),
    usage: () => storeUsage(context),
    remove: (sha256) => removeBlob(context, sha256),
    removeUnreferenced: (referenced) => removeUnreferencedBlobs(context, referenced),
  };
}
