import { createHash } from 'node:crypto';
import type { FileStore } from '../../documents/file-store/file-store';
import { compressionPolicyOf, gzipIfWorthwhile, type CompressionPolicy } from './chunk-compression';
import { jsonBody, revOf } from './couch-request';
import {
  allChunksPresent,
  chunkIsSound,
  chunkName,
  MIN_CHUNK_BYTES,
  newFileDoc,
  parseFileDoc,
  type FileDoc,
} from './file-doc';
import { keptChanging, serverRefusesChunks } from './file-transfer-failure';
import { docPathOf, exchange, getFileDoc, unexpected, type FilesServer, type LookedUp, type TransferSubject } from './files-server';
import type { GzipUploads } from './gzip-uploads';
import { rechunk } from './rechunk';

/** What the upload step shares across files of one channel. */
export interface UploadContext {
  readonly server: FilesServer;
  readonly fileStore: FileStore;
  /** The signed-in CouchDB user, recorded as the document's author. */
  readonly author: string;
  /** The chunk size new documents start with; lowered for the whole channel when the server answers 413. */
  chunkSize: number;
  readonly gzip: GzipUploads;
}

export interface UploadRequest {
  readonly sha256: string;
  readonly mediaType: string;
  readonly subject: string;
  readonly signal: AbortSignal | undefined;
  /** What a `_all_docs` look-up already said; a complete document then skips the file without another request. */
  readonly known: LookedUp | undefined;
  readonly onProgress: (doneBytes: number, totalBytes: number) => void;
}

export interface UploadResult {
  readonly status: 'sent' | 'already-there';
  readonly size: number;
  /** Chunk PUTs made, repeats included. */
  readonly chunksSent: number;
  /** Body bytes of those PUTs, as they went on the wire (compressed when they were). */
  readonly bytesSent: number;
}

/** Enough for every halving from 256 KiB down to 16 KiB plus a few re-reads; past it the file is "busy". */
const MAX_PASSES = 12;
/** 409s on one chunk (or on marking the file complete) before giving up for this sync. */
const MAX_CONFLICTS = 8;

/**
 * Puts one local file on the server chunk by chunk, sending only the chunks the server lacks (or holds with the wrong
 * length or digest), so an upload cut anywhere resumes without resending what arrived. The file is read from the
 * store as a stream, one chunk in memory at a time. `complete` is set only after a fresh read of the document shows
 * every chunk. A 413 halves the chunk size (of the refused body, when that was smaller) and restarts the document,
 * down to 16 KiB; the channel keeps the smaller size for the files that follow.
 *
 * Errors: `FileTransferFailure` (too-large, forbidden, signed-out, server-error, unreachable, busy, cancelled); the
 * store's `AppFailure` when the local copy is missing or damaged (the file is then not marked complete).
 */
export async function uploadFile(context: UploadContext, request: UploadRequest): Promise<UploadResult> {
  const { server, fileStore } = context;
  const about: TransferSubject = { sha256: request.sha256, subject: request.subject, direction: 'upload', signal: request.signal };
  const size = await fileStore.size(request.sha256);
  const stats = { chunksSent: 0, bytesSent: 0 };
  let looked =
    request.known?.kind === 'found' && request.known.doc.complete ? request.known : await getFileDoc(server, about);
  if (looked.kind === 'found' && looked.doc.complete && looked.doc.size === size && allChunksPresent(looked.doc)) {
    request.onProgress(size, size);
    return { status: 'already-there', size, ...stats };
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const doc = await usableDoc(context, about, looked, size, request.mediaType);
    const sent = await sendMissingChunks(context, about, doc, request, stats);
    if (sent.kind === 'too-large') {
      // Halve what was refused (a last or compressed chunk can be smaller than the chunk size), down to the minimum.
      const refused = Math.min(doc.chunkSize, sent.refusedBytes);
      server.logger?.log('info', 'The server refused a chunk as too large; trying smaller chunks', {
        sha256: request.sha256,
        chunkSize: doc.chunkSize,
        refusedBytes: sent.refusedBytes,
      });
      if (refused <= MIN_CHUNK_BYTES) throw serverRefusesChunks(request.subject, size);
      context.chunkSize = Math.min(context.chunkSize, Math.max(MIN_CHUNK_BYTES, Math.floor(refused / 2)));
      looked = await deleteDoc(context, about, sent.rev);
      continue;
    }
    looked = await markComplete(context, about);
    if (looked.kind === 'found' && looked.doc.complete) return { status: 'sent', size, ...stats };
  }
  throw keptChanging(request.subject);
}

/**
 * A document to send chunks to: the server's when it describes this content with a chunk size we can send, else a
 * new one (replacing a damaged or mismatching one).
 */
async function usableDoc(
  context: UploadContext,
  about: TransferSubject,
  looked: LookedUp,
  size: number,
  mediaType: string,
): Promise<FileDoc> {
  let current = looked;
  for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
    if (current.kind === 'found') {
      const { doc } = current;
      const fits = doc.size === size && (doc.complete || doc.chunkSize <= context.chunkSize);
      if (fits) return doc;
      current = await deleteDoc(context, about, doc.rev);
      continue;
    }
    if (current.kind === 'damaged' && current.rev !== null) {
      current = await deleteDoc(context, about, current.rev);
      continue;
    }
    const fields = newFileDoc(size, context.chunkSize, mediaType, context.author);
    const response = await exchange(context.server, about, 'PUT', docPathOf(context.server, about.sha256), jsonBody(fields));
    const rev = revOf(response);
    if ((response.status === 201 || response.status === 202) && rev !== null) {
      const doc = parseFileDoc({ ...fields, _id: `sha256-${about.sha256}`, _rev: rev });
      if (doc !== null) return doc;
    }
    if (response.status !== 409) unexpected(context.server, about, 'create a file document', response);
    // Someone created it meanwhile (another device of the network with the same file): work from theirs.
    current = await getFileDoc(context.server, about);
  }
  throw keptChanging(about.subject);
}

/** Deletes the document (to restart it with another chunk size, or because it is damaged); returns it as missing. */
async function deleteDoc(context: UploadContext, about: TransferSubject, rev: string): Promise<LookedUp> {
  const path = `${docPathOf(context.server, about.sha256)}?rev=${encodeURIComponent(rev)}`;
  const response = await exchange(context.server, about, 'DELETE', path);
  if (response.status === 200 || response.status === 202 || response.status === 404) return { kind: 'missing' };
  if (response.status === 409) return getFileDoc(context.server, about);
  return unexpected(context.server, about, 'replace a file document', response);
}

/**
 * Streams the local file and PUTs each chunk the server lacks, tracking the revision from each answer. Returns
 * 'too-large' with the document's latest revision on a 413 (the caller restarts it with smaller chunks), 'sent' when
 * every chunk went through.
 */
async function sendMissingChunks(
  context: UploadContext,
  about: TransferSubject,
  start: FileDoc,
  request: UploadRequest,
  stats: { chunksSent: number; bytesSent: number },
): Promise<{ readonly kind: 'sent' } | { readonly kind: 'too-large'; readonly rev: string; readonly refusedBytes: number }> {
  let doc = start;
  let rev = start.rev;
  let policy: CompressionPolicy = context.gzip.state === 'refused' ? 'never' : compressionPolicyOf(request.mediaType);
  let index = 0;
  let doneBytes = 0;
  const plaintext = await context.fileStore.open(about.sha256);
  try {
    for await (const chunk of rechunk(plaintext, doc.chunkSize)) {
      const md5 = createHash('md5').update(chunk).digest('base64');
      let attempts = 0;
      while (!chunkIsSound(doc, index, md5)) {
        if (++attempts > MAX_CONFLICTS) throw keptChanging(about.subject);
        let encoded: Uint8Array | null = null;
        if (policy !== 'never' && context.gzip.state !== 'refused') {
          encoded = await gzipIfWorthwhile(chunk);
          if (policy === 'trial') policy = encoded === null ? 'never' : 'always';
        }
        const body = encoded ?? chunk;
        const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
        if (encoded !== null) headers['content-encoding'] = 'gzip';
        const path = `${docPathOf(context.server, about.sha256)}/${chunkName(index)}?rev=${encodeURIComponent(rev)}`;
        const response = await exchange(context.server, about, 'PUT', path, { body, headers });
        stats.chunksSent++;
        stats.bytesSent += body.length;
        const newRev = revOf(response);
        if ((response.status === 201 || response.status === 200 || response.status === 202) && newRev !== null) {
          rev = newRev;
          if (encoded === null || context.gzip.state === 'accepted') break;
          // The first compressed chunk on this server: did it keep the original bytes, or the gzip stream as sent?
          doc = await reread(context, about, start);
          rev = doc.rev;
          context.gzip.judge(chunkIsSound(doc, index), context.server.logger);
          continue;
        }
        if (response.status === 413) return { kind: 'too-large', rev, refusedBytes: body.length };
        if (response.status === 409) {
          doc = await reread(context, about, start);
          rev = doc.rev;
          continue;
        }
        if (encoded !== null && (response.status === 400 || response.status === 415)) {
          context.gzip.judge(false, context.server.logger);
          continue;
        }
        unexpected(context.server, about, 'store a chunk of a file', response);
      }
      doneBytes += chunk.length;
      index++;
      request.onProgress(doneBytes, doc.size);
    }
  } finally {
    plaintext.destroy();
  }
  return { kind: 'sent' };
}

/** The document again, which must still have the layout the chunks are being cut for. */
async function reread(context: UploadContext, about: TransferSubject, layout: FileDoc): Promise<FileDoc> {
  const looked = await getFileDoc(context.server, about);
  // Deleted or restarted with other chunks meanwhile: leave it to the next sync rather than fight another device.
  if (looked.kind !== 'found' || looked.doc.chunkSize !== layout.chunkSize || looked.doc.size !== layout.size) {
    throw keptChanging(about.subject);
  }
  return looked.doc;
}

/**
 * Sets `complete: true` once a fresh read shows every chunk; returns the document as it then stands (incomplete when
 * a chunk went missing meanwhile, so the caller sends it again).
 */
async function markComplete(context: UploadContext, about: TransferSubject): Promise<LookedUp> {
  for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
    const looked = await getFileDoc(context.server, about);
    if (looked.kind !== 'found' || looked.doc.complete || !allChunksPresent(looked.doc)) return looked;
    const response = await exchange(
      context.server,
      about,
      'PUT',
      docPathOf(context.server, about.sha256),
      jsonBody({ ...looked.doc.raw, complete: true }),
    );
    if (response.status === 201 || response.status === 202) return { kind: 'found', doc: { ...looked.doc, complete: true } };
    if (response.status !== 409) unexpected(context.server, about, 'mark a file complete', response);
  }
  throw keptChanging(about.subject);
}

