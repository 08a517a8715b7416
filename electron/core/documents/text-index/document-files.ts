import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw, inflateRawSync } from 'node:zlib';
import { syncDirectory, writeFileAtomically } from './atomic-write';
import { decodeDocument, encodeDocument } from './document-codec';
import type { PreparedDocument } from './prepared-document';
import type { BlobSealer } from './text-index-types';

const EXTENSION = '.doc';
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);
/**
 * Files up to this size are inflated on the calling thread: for them a trip to zlib's thread pool costs more than
 * the work (a tenth of a millisecond or so). Larger ones go to the pool.
 */
const INFLATE_IN_PLACE_BYTES = 64 * 1024;

/**
 * The file name of a document's text: a hash of its id, so that any id is a safe name and ids differing only in case
 * stay apart on case-insensitive disks. The id itself is inside the file.
 */
export function documentFileName(id: string): string {
  return `${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 40)}${EXTENSION}`;
}

/** Reading a document file: its content, or why there is none. */
export type DocumentFileRead =
  | { readonly kind: 'ok'; readonly prepared: PreparedDocument; readonly bytes: number }
  | { readonly kind: 'missing' }
  /** Present but not openable by the sealer, or not a stored document (damaged, or sealed with another key). */
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * The sealed text files of the indexed documents, one per document, in `texts/` of the index's folder. A file holds
 * the document's whole entry and its fields' normal forms (normalising accented text is the slow part of reading one
 * back; see document-codec.ts), deflated — prose shrinks to about a third, so text and normal form together take less
 * than the text alone — then sealed.
 */
export class DocumentFiles {
  constructor(
    readonly directory: string,
    private readonly sealer: BlobSealer,
  ) {}

  /** Writes a document's file atomically; the directory is flushed by `flush` (once per batch). */
  async write(prepared: PreparedDocument): Promise<void> {
    const plain = await deflate(encodeDocument(prepared), { level: 1 });
    await writeFileAtomically(join(this.directory, documentFileName(prepared.document.id)), this.sealer.seal(plain), false);
  }

  async read(id: string): Promise<DocumentFileRead> {
    return this.readName(documentFileName(id), id);
  }

  /** Reads a file by name; with `expectedId`, a file holding another id (a hash collision, or a swap) is unreadable. */
  async readName(name: string, expectedId?: string): Promise<DocumentFileRead> {
    let sealed: Buffer;
    try {
      sealed = await readFile(join(this.directory, name));
    } catch (error: unknown) {
      if (isMissing(error)) return { kind: 'missing' };
      throw error;
    }
    let plain: Buffer;
    try {
      const deflated = this.sealer.open(sealed);
      plain = deflated.length <= INFLATE_IN_PLACE_BYTES ? inflateRawSync(deflated) : await inflate(deflated);
    } catch (error: unknown) {
      return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
    }
    const prepared = decodeDocument(plain);
    if (typeof prepared === 'string') return { kind: 'unreadable', reason: prepared };
    if (expectedId !== undefined && prepared.document.id !== expectedId) return { kind: 'unreadable', reason: 'holds another id' };
    return { kind: 'ok', prepared, bytes: sealed.length };
  }

  async remove(id: string): Promise<void> {
    await rm(join(this.directory, documentFileName(id)), { force: true });
  }

  async removeName(name: string): Promise<void> {
    await rm(join(this.directory, name), { force: true });
  }

  /** The names of all document files. */
  async list(): Promise<string[]> {
    return (await readdir(this.directory)).filter((name) => name.endsWith(EXTENSION) && !name.startsWith('.'));
  }

  /** Makes the renames and deletions so far survive a power cut. */
  async flush(): Promise<void> {
    await syncDirectory(this.directory);
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
