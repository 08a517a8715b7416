import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRaw, inflateRawSync } from 'node:zlib';
import { syncDirectory, writeFileAtomically } from './atomic-write';
import { decodeBlockDocument, decodeBlockView, encodeBlockDocument, isBlockLayout, wholeView, type DocumentView } from './block-codec';
import { decodeDocument } from './document-codec';
import type { PreparedDocument } from './prepared-document';
import type { BlobSealer } from './text-index-types';

const EXTENSION = '.doc';
const inflate = promisify(inflateRaw);
/**
 * Version-2 files (one deflated whole) up to this size are inflated on the calling thread: for them a trip to zlib's
 * thread pool costs more than the work. Larger ones go to the pool.
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

/** Reading a document file for showing a hit: a view whose text blocks decode on demand. */
export type DocumentViewRead =
  | { readonly kind: 'ok'; readonly view: DocumentView }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string };

type Opened = { readonly kind: 'ok'; readonly plain: Buffer; readonly bytes: number } | Exclude<DocumentFileRead, { kind: 'ok' }>;

/**
 * The sealed text files of the indexed documents, one per document, in `texts/` of the index's folder. A file holds
 * the document's whole entry and its fields' normal forms (normalising accented text is the slow part of reading one
 * back), compressed in sections — prose shrinks to about a third, so text and normal form together take less than the
 * text alone — then sealed (see block-codec.ts). Files of the earlier layout (document-codec.ts, deflated whole) are
 * still read; they are rewritten in the new one when their document next changes.
 */
export class DocumentFiles {
  constructor(
    readonly directory: string,
    private readonly sealer: BlobSealer,
  ) {}

  /** Writes a document's file atomically; the directory is flushed by `flush` (once per batch). */
  async write(prepared: PreparedDocument): Promise<void> {
    await writeFileAtomically(join(this.directory, documentFileName(prepared.document.id)), this.sealer.seal(encodeBlockDocument(prepared)), false);
  }

  async read(id: string): Promise<DocumentFileRead> {
    return this.readName(documentFileName(id), id);
  }

  /** Reads a file by name; with `expectedId`, a file holding another id (a hash collision, or a swap) is unreadable. */
  async readName(name: string, expectedId?: string): Promise<DocumentFileRead> {
    const opened = this.open(name);
    if (opened.kind !== 'ok') return opened;
    let prepared: PreparedDocument | string;
    try {
      prepared = isBlockLayout(opened.plain) ? decodeBlockDocument(opened.plain) : decodeDocument(await inflateWhole(opened.plain));
    } catch (error: unknown) {
      return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
    }
    if (typeof prepared === 'string') return { kind: 'unreadable', reason: prepared };
    if (expectedId !== undefined && prepared.document.id !== expectedId) return { kind: 'unreadable', reason: 'holds another id' };
    return { kind: 'ok', prepared, bytes: opened.bytes };
  }

  /** Reads a document for showing it as a hit: title and summary now, the text's blocks when asked for. */
  async readView(id: string): Promise<DocumentViewRead> {
    const opened = this.open(documentFileName(id));
    if (opened.kind !== 'ok') return opened;
    if (!isBlockLayout(opened.plain)) {
      const whole = await this.read(id);
      return whole.kind === 'ok' ? { kind: 'ok', view: wholeView(whole.prepared) } : whole;
    }
    const view = decodeBlockView(opened.plain);
    if (typeof view === 'string') return { kind: 'unreadable', reason: view };
    if (view.id !== id) return { kind: 'unreadable', reason: 'holds another id' };
    return { kind: 'ok', view };
  }

  /** Reads and opens a file. */
  private open(name: string): Opened {
    let sealed: Buffer;
    try {
      // Read synchronously: a search reads a page of these files at once, and for files this small the thread pool's
      // open, stat, read and close round trips cost more than the read itself.
      sealed = readFileSync(join(this.directory, name));
    } catch (error: unknown) {
      if (isMissing(error)) return { kind: 'missing' };
      throw error;
    }
    try {
      const plain = this.sealer.open(sealed);
      return { kind: 'ok', plain: Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength), bytes: sealed.length };
    } catch (error: unknown) {
      return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
    }
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

function inflateWhole(deflated: Buffer): Buffer | Promise<Buffer> {
  return deflated.length <= INFLATE_IN_PLACE_BYTES ? inflateRawSync(deflated) : inflate(deflated);
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
