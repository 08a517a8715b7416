import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppFailure } from '../../app-failure';
import { SealedDataError } from '../crypto/sealed-data-error';
import { syncDirectory, writeDurably } from './durable-file';
import type { StoreContext } from './store-context';
import { blobDamaged, blobMissing, destinationFailure, requireDigest, subjectOf, systemCode } from './store-failures';

export interface ReadOptions {
  /** The file name people know the content by, used in messages instead of a generic "this file". */
  readonly name?: string | undefined;
}

const READ_CHUNK_BYTES = 1024 * 1024;

/** See `FileStore.open`. */
export async function openBlob(context: StoreContext, sha256: string, options: ReadOptions = {}): Promise<Readable> {
  requireDigest(sha256);
  const subject = subjectOf(options.name);
  const path = context.layout.pathOf(context.sealer.nameFor(sha256));
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error: unknown) {
    if (systemCode(error) !== 'ENOENT') throw error;
    context.logger?.log('warn', 'A stored file is missing', { sha256 });
    throw blobMissing(subject);
  }
  const sealed = handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES });
  return Readable.from(verifiedPlaintext(context, sha256, subject, sealed), { objectMode: false });
}

/** See `FileStore.read`. */
export async function readBlob(context: StoreContext, sha256: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const pieces: Buffer[] = [];
  for await (const piece of await openBlob(context, sha256, options)) pieces.push(piece as Buffer);
  return Buffer.concat(pieces);
}

/** See `FileStore.copyTo`. */
export async function copyBlobTo(
  context: StoreContext,
  sha256: string,
  destPath: string,
  options: ReadOptions = {},
): Promise<void> {
  const subject = subjectOf(options.name ?? basename(destPath));
  const plaintext = await openBlob(context, sha256, { name: options.name ?? basename(destPath) });
  const destDir = dirname(destPath);
  // Beside the destination, so the rename stays on one file system; hidden, and removed whenever the copy fails.
  const tempPath = join(destDir, `.${basename(destPath)}.${randomBytes(6).toString('hex')}.part`);
  try {
    const handle = await open(tempPath, 'wx');
    try {
      await pipeline(plaintext, (bytes: AsyncIterable<Uint8Array>) => writeDurably(handle, bytes));
    } finally {
      await handle.close();
    }
    // Only reached when every chunk and the whole-content digest checked out.
    await rename(tempPath, destPath);
    await syncDirectory(destDir);
  } catch (error: unknown) {
    plaintext.destroy();
    await rm(tempPath, { force: true });
    if (error instanceof AppFailure) throw error;
    throw destinationFailure(error, subject) ?? error;
  }
}

/**
 * The blob's plaintext, checked twice: each chunk by AES-GCM (encrypted stores) and the whole content against its
 * SHA-256 at the end (every store — it also catches a sound blob under another blob's name). A failure rejects with
 * `AppFailure('unavailable')` after the bytes read so far were handed on, so consumers must treat the stream's error as
 * "discard everything".
 */
async function* verifiedPlaintext(
  context: StoreContext,
  sha256: string,
  subject: string,
  sealed: Readable,
): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  try {
    for await (const piece of context.sealer.openStream(sealed)) {
      hash.update(piece);
      yield piece;
    }
  } catch (error: unknown) {
    if (!(error instanceof SealedDataError)) throw error;
    context.logger?.log('error', 'A stored file failed its integrity check', { sha256, reason: error.message });
    throw blobDamaged(subject);
  } finally {
    sealed.destroy();
  }
  if (hash.digest('hex') !== sha256) {
    context.logger?.log('error', 'A stored file does not match its SHA-256', { sha256 });
    throw blobDamaged(subject);
  }
}
