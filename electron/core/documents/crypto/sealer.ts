import { createHmac, hkdfSync } from 'node:crypto';
import { plaintextSizeOf } from './chunk-format';
import { openChunks, sealChunks } from './chunked-stream';
import { isSha256Hex } from './sha256-hex';
import { openSmallBlob, sealSmallBlob } from './small-blob';

/**
 * Encryption at rest for the documents library, following the store: when the SQLite store is encrypted (a 32-byte
 * store key from the OS keyring or a passphrase), files, extracted texts and indexes are encrypted with keys derived
 * from the same store key; when the store is unencrypted, everything is written as plaintext.
 *
 * Usage for a small blob (the whole value in memory):
 *
 *   const sealer = createSealer(storeKeyBytes);          // or createSealer(null) for an unencrypted store
 *   const onDisk = sealer.seal(plaintext, 'text-index');  // write `onDisk` with an atomic file write
 *   const back = sealer.open(onDisk, 'text-index');       // throws SealedDataError if damaged or another key
 *
 * Keys never leave this module and are never logged. Each purpose has its own sub-key (HKDF-SHA256, distinct `info`),
 * so a value sealed for one purpose cannot be opened as another.
 */
export interface Sealer {
  /** False for a store without key: every method below is then the identity, and data sits on disk as plaintext. */
  readonly encrypted: boolean;
  /**
   * Seals a small value (AES-256-GCM, random nonce; 33 bytes larger than `plaintext`). `context` (default '') is
   * authenticated with it — e.g. 'text-index', or 'extracted-text:' + the file's sha256 — and `open` must be given the
   * same one. Unencrypted: returns `plaintext` itself.
   */
  seal(plaintext: Uint8Array, context?: string): Uint8Array;
  /**
   * Opens what `seal` returned. Throws `SealedDataError` when the bytes are damaged, were sealed with another key or
   * another `context`, or are not sealed at all. Unencrypted: returns `sealed` itself, unchecked.
   */
  open(sealed: Uint8Array, context?: string): Uint8Array;
  /** Seals a stream of any length in authenticated 1 MiB chunks (format in chunk-format.ts). Unencrypted: the same bytes. */
  sealStream(plaintext: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array>;
  /**
   * Opens what `sealStream` wrote, yielding plaintext chunk by chunk; throws `SealedDataError` as soon as a chunk fails
   * and at the end when the stream was cut short or extended. Unencrypted: the same bytes, unchecked.
   */
  openStream(sealed: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array>;
  /**
   * The file name a blob with this content digest is stored under. Encrypted: HMAC-SHA256(name key, sha256) in hex,
   * so a directory listing does not tell which well-known files are held; unencrypted: the digest itself. Throws a
   * TypeError unless `sha256` is 64 lower-case hex characters.
   */
  nameFor(sha256: string): string;
  /** The plaintext size of a stream sealed into `storedBytes` bytes; null when no sealed stream has that size. */
  plaintextSize(storedBytes: number): number | null;
}

const STORE_KEY_BYTES = 32;
const INFO = {
  fileChunks: 'focal-desk/documents/file-chunks/v1',
  smallBlobs: 'focal-desk/documents/small-blobs/v1',
  blobNames: 'focal-desk/documents/blob-names/v1',
} as const;

/**
 * A sealer for the store key `storeKey` (32 bytes, e.g. `Buffer.from(storeKey.hex, 'hex')`), or a plaintext one for
 * `null`. Throws a TypeError for a key of any other length, rather than silently storing plaintext.
 */
export function createSealer(storeKey: Uint8Array | null): Sealer {
  if (storeKey === null) return plaintextSealer;
  if (storeKey.length !== STORE_KEY_BYTES) throw new TypeError(`A store key has ${STORE_KEY_BYTES} bytes, not ${storeKey.length}`);
  const fileKey = subKey(storeKey, INFO.fileChunks);
  const blobKey = subKey(storeKey, INFO.smallBlobs);
  const nameKey = subKey(storeKey, INFO.blobNames);
  return {
    encrypted: true,
    seal: (plaintext, context = '') => sealSmallBlob(blobKey, plaintext, context),
    open: (sealed, context = '') => openSmallBlob(blobKey, sealed, context),
    sealStream: (plaintext) => sealChunks(fileKey, plaintext),
    openStream: (sealed) => openChunks(fileKey, sealed),
    nameFor: (sha256) => createHmac('sha256', nameKey).update(checkedDigest(sha256), 'ascii').digest('hex'),
    plaintextSize: plaintextSizeOf,
  };
}

/** The store is not encrypted: nothing is transformed, and that is the point of every method here. */
const plaintextSealer: Sealer = {
  encrypted: false,
  seal: (plaintext) => plaintext,
  open: (sealed) => sealed,
  sealStream: passThrough,
  openStream: passThrough,
  nameFor: checkedDigest,
  plaintextSize: (storedBytes) => storedBytes,
};

async function* passThrough(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const piece of source) yield piece;
}

function subKey(storeKey: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', storeKey, Buffer.alloc(0), Buffer.from(info, 'utf8'), 32));
}

function checkedDigest(sha256: string): string {
  if (!isSha256Hex(sha256)) throw new TypeError('A blob name needs a SHA-256 digest of 64 lower-case hex characters');
  return sha256;
}
