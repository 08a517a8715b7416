import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { SealedDataError } from './sealed-data-error';

/**
 * The on-disk format of a sealed file, version 1: a 32-byte header, then the plaintext cut into chunks of
 * `CHUNK_BYTES` (the last one shorter, possibly empty), each encrypted with AES-256-GCM and followed by its tag.
 *
 *   header = "FDSF" | version (1 byte) | 3 zero bytes | salt (16 bytes) | nonce prefix (8 bytes)
 *   chunk i = AES-256-GCM(key = HKDF(fileKey, salt), nonce = prefix | i as uint32 BE,
 *                         aad = header | i as uint32 BE | 1 if last else 0)
 *
 * Every file gets its own key (from the random salt) and nonce prefix, so nonces never repeat under one key. Binding
 * the index and the last-chunk flag into each chunk makes reordering, truncation at a chunk boundary and appended
 * chunks fail authentication; binding the header makes a changed version or salt fail too. A plaintext of exactly
 * k × CHUNK_BYTES bytes has k chunks, the last one full; an empty plaintext has one empty chunk, so a file cut right
 * after its header is still detected.
 */
export const CHUNK_BYTES = 1024 * 1024;
export const TAG_BYTES = 16;
export const HEADER_BYTES = 32;
/** A sealed chunk as stored: ciphertext (same length as the plaintext) and tag. */
export const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;

const MAGIC = Buffer.from('FDSF', 'ascii');
const VERSION = 1;
const SALT_OFFSET = 8;
const SALT_BYTES = 16;
const PREFIX_OFFSET = SALT_OFFSET + SALT_BYTES;
const MAX_CHUNK_INDEX = 0xffff_ffff;
const FILE_KEY_INFO = Buffer.from('focal-desk/documents/file-chunk-key/v1', 'utf8');

/** A parsed header and the key its chunks were sealed with. */
export interface ChunkContext {
  readonly header: Buffer;
  readonly key: Buffer;
}

/** A new header with a fresh salt and nonce prefix, and the per-file key derived from `fileKey`. */
export function newChunkContext(fileKey: Buffer): ChunkContext {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt8(VERSION, MAGIC.length);
  randomBytes(HEADER_BYTES - SALT_OFFSET).copy(header, SALT_OFFSET);
  return { header, key: perFileKey(fileKey, header) };
}

/** Checks a header read from disk and derives its key; throws `SealedDataError` when it is not one of ours. */
export function readChunkContext(fileKey: Buffer, header: Buffer): ChunkContext {
  if (header.length !== HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new SealedDataError('Not a sealed Focal Desk file (bad header)');
  }
  const version = header.readUInt8(MAGIC.length);
  if (version !== VERSION) throw new SealedDataError(`Sealed file format version ${version} is not supported`);
  if (header.readUIntBE(MAGIC.length + 1, 3) !== 0) throw new SealedDataError('Sealed file header is damaged');
  return { header, key: perFileKey(fileKey, header) };
}

export function sealChunk(context: ChunkContext, index: number, plaintext: Buffer, last: boolean): Buffer {
  const cipher = createCipheriv('aes-256-gcm', context.key, nonceFor(context, index), { authTagLength: TAG_BYTES });
  cipher.setAAD(aadFor(context, index, last));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Decrypts one stored chunk; throws `SealedDataError` when it fails authentication in position `index`. */
export function openChunk(context: ChunkContext, index: number, sealed: Buffer, last: boolean): Buffer {
  if (sealed.length < TAG_BYTES) throw new SealedDataError(`Sealed file is cut short in chunk ${index}`);
  const ciphertextEnd = sealed.length - TAG_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', context.key, nonceFor(context, index), { authTagLength: TAG_BYTES });
  decipher.setAAD(aadFor(context, index, last));
  decipher.setAuthTag(sealed.subarray(ciphertextEnd));
  const plaintext = decipher.update(sealed.subarray(0, ciphertextEnd));
  try {
    decipher.final();
  } catch (error: unknown) {
    throw new SealedDataError(`Chunk ${index} of a sealed file failed authentication (damaged, reordered or another key)`, {
      cause: error,
    });
  }
  return plaintext;
}

/** Size on disk of a sealed file holding `plaintextBytes`. */
export function sealedSizeOf(plaintextBytes: number): number {
  const chunks = Math.max(1, Math.ceil(plaintextBytes / CHUNK_BYTES));
  return HEADER_BYTES + plaintextBytes + chunks * TAG_BYTES;
}

/** Plaintext size of a sealed file of `sealedBytes`, or null when no sealed file can have that size (cut short). */
export function plaintextSizeOf(sealedBytes: number): number | null {
  const body = sealedBytes - HEADER_BYTES;
  if (body < TAG_BYTES) return null;
  const chunks = Math.ceil(body / SEALED_CHUNK_BYTES);
  const lastChunk = body - (chunks - 1) * SEALED_CHUNK_BYTES;
  return lastChunk < TAG_BYTES ? null : body - chunks * TAG_BYTES;
}

function perFileKey(fileKey: Buffer, header: Buffer): Buffer {
  const salt = header.subarray(SALT_OFFSET, SALT_OFFSET + SALT_BYTES);
  return Buffer.from(hkdfSync('sha256', fileKey, salt, FILE_KEY_INFO, 32));
}

function checkIndex(index: number): void {
  if (!Number.isInteger(index) || index < 0 || index > MAX_CHUNK_INDEX) {
    throw new SealedDataError(`Sealed file has too many chunks (${index})`);
  }
}

function nonceFor(context: ChunkContext, index: number): Buffer {
  checkIndex(index);
  const nonce = Buffer.alloc(12);
  context.header.copy(nonce, 0, PREFIX_OFFSET, HEADER_BYTES);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

function aadFor(context: ChunkContext, index: number, last: boolean): Buffer {
  const position = Buffer.alloc(5);
  position.writeUInt32BE(index, 0);
  position.writeUInt8(last ? 1 : 0, 4);
  return Buffer.concat([context.header, position]);
}
