import { AUTHOR_FIELD } from '../couch-names';

/**
 * How a file sits on the server (database `focal-files`): one document per content, id `sha256-<64 hex>`, holding
 * `{ size, chunkSize, chunkCount, mediaType, complete, author }` and the content as attachments `c000000`, `c000001`…
 * of `chunkSize` bytes each (the last one shorter). `complete` turns true only once every chunk is there, so a reader
 * never starts on a file still being sent.
 */

/** The chunk size a file starts with: small enough to resend cheaply after a cut, large enough to keep round trips few. */
export const DEFAULT_CHUNK_BYTES = 256 * 1024;
/** The smallest chunk tried when the server refuses bodies as too large (413); below it the file fails as too large. */
export const MIN_CHUNK_BYTES = 16 * 1024;

/** What the server says about one attachment (a stub). */
export interface ChunkStub {
  readonly length: number;
  /** `md5-<base64>` as CouchDB reports it. */
  readonly digest: string | undefined;
  /** `gzip` when the server keeps the chunk compressed (reported with `att_encoding_info=true`). */
  readonly encoding: string | undefined;
}

export interface FileDoc {
  readonly id: string;
  readonly rev: string;
  readonly size: number;
  readonly chunkSize: number;
  readonly chunkCount: number;
  readonly mediaType: string;
  readonly complete: boolean;
  readonly author: string | undefined;
  readonly chunks: ReadonlyMap<string, ChunkStub>;
  /** The document as the server sent it (stubs included), for writing it back with `complete: true`. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** `sha256-<hex>`: the document id of a content. */
export function fileDocId(sha256: string): string {
  return `sha256-${sha256}`;
}

/** `c000042`: the attachment name of chunk 42. */
export function chunkName(index: number): string {
  return `c${String(index).padStart(6, '0')}`;
}

export function chunkCountOf(size: number, chunkSize: number): number {
  return Math.ceil(size / chunkSize);
}

/** The length chunk `index` must have: `chunkSize`, except the last one. */
export function chunkLengthOf(index: number, size: number, chunkSize: number): number {
  return Math.min(chunkSize, size - index * chunkSize);
}

/** The fields a new file document starts with. */
export function newFileDoc(
  size: number,
  chunkSize: number,
  mediaType: string,
  author: string,
): Record<string, string | number | boolean> {
  return { size, chunkSize, chunkCount: chunkCountOf(size, chunkSize), mediaType, complete: false, [AUTHOR_FIELD]: author };
}

/**
 * The file document in a server answer, or null when the answer is not one (missing fields, sizes that do not add
 * up): such a document is treated as damaged, never trusted for offsets.
 */
export function parseFileDoc(value: unknown): FileDoc | null {
  if (!isRecord(value)) return null;
  const { _id: id, _rev: rev, size, chunkSize, chunkCount, mediaType, complete } = value;
  const author = value[AUTHOR_FIELD];
  if (typeof id !== 'string' || typeof rev !== 'string') return null;
  if (!isPositiveInteger(size) || !isPositiveInteger(chunkSize) || !isPositiveInteger(chunkCount)) return null;
  if (chunkCount !== chunkCountOf(size, chunkSize)) return null;
  if (typeof mediaType !== 'string' || typeof complete !== 'boolean') return null;
  const chunks = new Map<string, ChunkStub>();
  const attachments = value._attachments;
  if (isRecord(attachments)) {
    for (const [name, stub] of Object.entries(attachments)) {
      if (!isRecord(stub) || typeof stub.length !== 'number') continue;
      chunks.set(name, {
        length: stub.length,
        digest: typeof stub.digest === 'string' ? stub.digest : undefined,
        encoding: typeof stub.encoding === 'string' ? stub.encoding : undefined,
      });
    }
  }
  return {
    id,
    rev,
    size,
    chunkSize,
    chunkCount,
    mediaType,
    complete,
    author: typeof author === 'string' ? author : undefined,
    chunks,
    raw: value,
  };
}

/**
 * Whether the server holds chunk `index` as it should be: the right length and, when the server keeps it as sent
 * (no `encoding`) and `md5` is given, the same MD5 (CouchDB's attachment digest). A compressed chunk is judged by its
 * length alone, since its digest may be over the compressed bytes.
 */
export function chunkIsSound(doc: FileDoc, index: number, md5Base64?: string): boolean {
  const stub = doc.chunks.get(chunkName(index));
  if (stub?.length !== chunkLengthOf(index, doc.size, doc.chunkSize)) return false;
  if (md5Base64 === undefined || stub.encoding !== undefined || stub.digest?.startsWith('md5-') !== true) return true;
  return stub.digest === `md5-${md5Base64}`;
}

/** Whether every chunk is there with its length: what `complete: true` must mean. */
export function allChunksPresent(doc: FileDoc): boolean {
  for (let index = 0; index < doc.chunkCount; index++) if (!chunkIsSound(doc, index)) return false;
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
