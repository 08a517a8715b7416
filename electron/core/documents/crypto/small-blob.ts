import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SealedDataError } from './sealed-data-error';

/**
 * A small sealed blob, held whole in memory (an index, an extracted text), format version 1:
 *
 *   "FDSB" | version (1 byte) | nonce (12 random bytes) | AES-256-GCM ciphertext | tag (16 bytes)
 *
 * The associated data is the first 17 bytes followed by the caller's context string (UTF-8), so a blob sealed for one
 * purpose does not open for another.
 */
const MAGIC = Buffer.from('FDSB', 'ascii');
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX_BYTES = MAGIC.length + 1 + NONCE_BYTES;

export function sealSmallBlob(key: Buffer, plaintext: Uint8Array, context: string): Uint8Array {
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt8(VERSION, MAGIC.length);
  randomBytes(NONCE_BYTES).copy(prefix, MAGIC.length + 1);
  const cipher = createCipheriv('aes-256-gcm', key, prefix.subarray(MAGIC.length + 1), { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(prefix, context));
  return Buffer.concat([prefix, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

export function openSmallBlob(key: Buffer, sealed: Uint8Array, context: string): Uint8Array {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.length);
  if (bytes.length < PREFIX_BYTES + TAG_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new SealedDataError('Not a sealed Focal Desk blob (bad header or too short)');
  }
  const version = bytes.readUInt8(MAGIC.length);
  if (version !== VERSION) throw new SealedDataError(`Sealed blob format version ${version} is not supported`);
  const prefix = bytes.subarray(0, PREFIX_BYTES);
  const tagStart = bytes.length - TAG_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', key, prefix.subarray(MAGIC.length + 1), { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(prefix, context));
  decipher.setAuthTag(bytes.subarray(tagStart));
  const plaintext = decipher.update(bytes.subarray(PREFIX_BYTES, tagStart));
  try {
    decipher.final();
  } catch (error: unknown) {
    throw new SealedDataError('Sealed blob failed authentication (damaged, another key or another context)', { cause: error });
  }
  return plaintext;
}

function associatedData(prefix: Buffer, context: string): Buffer {
  return Buffer.concat([prefix, Buffer.from(context, 'utf8')]);
}
