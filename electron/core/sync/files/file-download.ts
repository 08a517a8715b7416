import type { Sealer } from '../../documents/crypto/sealer';
import type { FileStore } from '../../documents/file-store/file-store';
import { allChunksPresent, chunkLengthOf, chunkName } from './file-doc';
import { cancelled, corrupt, notReady, tooLargeForThisComputer } from './file-transfer-failure';
import { docPathOf, exchange, getFileDoc, unexpected, type FilesServer, type LookedUp, type TransferSubject } from './files-server';
import { openPartialDownload, PartialMismatch } from './partial-download';

export interface DownloadContext {
  readonly server: FilesServer;
  readonly fileStore: FileStore;
  /** Where partial downloads wait between attempts (inside the data directory). */
  readonly tempDir: string;
  readonly sealer: Sealer | undefined;
}

export interface DownloadRequest {
  readonly sha256: string;
  /** The file's name for the store's own messages, when the caller knows it. */
  readonly name: string | undefined;
  readonly subject: string;
  readonly signal: AbortSignal | undefined;
  /** What a `_all_docs` look-up already said about the file; a complete document is used without another request. */
  readonly known: LookedUp | undefined;
  readonly onProgress: (doneBytes: number, totalBytes: number) => void;
}

export interface DownloadResult {
  readonly status: 'received' | 'already-there';
  readonly size: number;
  /** Chunk GETs made in this attempt (chunks kept from an earlier cut are not fetched again). */
  readonly chunksReceived: number;
  /** Body bytes of those GETs, as decoded. */
  readonly bytesReceived: number;
}

/**
 * Brings one file from the server into the local store: only a complete document is read; missing chunks go into a
 * partial file that survives cuts (see partial-download.ts), each checked for its length; the whole is then streamed
 * into the store while its SHA-256 is checked, and a mismatch stores nothing and discards the partial file.
 *
 * Errors: `FileTransferFailure` — not-ready (absent or still being sent), corrupt (a chunk missing or of the wrong
 * length, or the content does not match its SHA-256), too-large (over the store's cap), forbidden, signed-out,
 * server-error, unreachable, cancelled; the store's `AppFailure` when it cannot write (disk full).
 */
export async function downloadFile(context: DownloadContext, request: DownloadRequest): Promise<DownloadResult> {
  const { server, fileStore } = context;
  const { sha256, subject } = request;
  const about: TransferSubject = { sha256, subject, direction: 'download', signal: request.signal };
  const stats = { chunksReceived: 0, bytesReceived: 0 };
  if (await fileStore.has(sha256)) {
    const size = await fileStore.size(sha256);
    request.onProgress(size, size);
    return { status: 'already-there', size, ...stats };
  }
  const looked = request.known?.kind === 'found' && request.known.doc.complete ? request.known : await getFileDoc(server, about);
  if (looked.kind === 'missing') throw notReady(subject);
  if (looked.kind === 'damaged') throw corrupt(subject);
  const { doc } = looked;
  if (!doc.complete) throw notReady(subject);
  if (!allChunksPresent(doc)) {
    server.logger?.log('warn', 'A file marked complete on the server lacks chunks', { sha256 });
    throw corrupt(subject);
  }
  if (doc.size > fileStore.maxFileBytes) throw tooLargeForThisComputer(subject, doc.size, fileStore.maxFileBytes);

  const partial = await openPartialDownload({
    tempDir: context.tempDir,
    sealer: context.sealer,
    sha256,
    size: doc.size,
    chunkSize: doc.chunkSize,
    chunkCount: doc.chunkCount,
  });
  let kept = true;
  try {
    let doneBytes = 0;
    for (const index of partial.done) doneBytes += chunkLengthOf(index, doc.size, doc.chunkSize);
    request.onProgress(doneBytes, doc.size);
    for (let index = 0; index < doc.chunkCount; index++) {
      if (partial.done.has(index)) continue;
      const response = await exchange(server, about, 'GET', `${docPathOf(server, sha256)}/${chunkName(index)}`);
      stats.chunksReceived++;
      stats.bytesReceived += response.body.length;
      if (response.status === 404) {
        server.logger?.log('warn', 'A chunk of a complete file is missing on the server', { sha256, index });
        throw corrupt(subject);
      }
      if (response.status !== 200) unexpected(server, about, 'send a chunk of a file', response);
      const expected = chunkLengthOf(index, doc.size, doc.chunkSize);
      if (response.body.length !== expected) {
        server.logger?.log('warn', 'A chunk arrived with the wrong length', { sha256, index, expected, got: response.body.length });
        throw corrupt(subject);
      }
      await partial.write(index, response.body);
      doneBytes += expected;
      request.onProgress(doneBytes, doc.size);
    }
    try {
      await fileStore.put({ chunks: partial.verifiedChunks(), size: doc.size, name: request.name }, { signal: request.signal });
    } catch (error: unknown) {
      if (request.signal?.aborted === true) throw cancelled(subject, 'download');
      if (!(error instanceof PartialMismatch)) throw error;
      server.logger?.log('error', 'A downloaded file does not match its SHA-256; it was discarded', { sha256, reason: error.message });
      kept = false;
      await partial.discard();
      throw corrupt(subject);
    }
    kept = false;
    await partial.discard();
    return { status: 'received', size: doc.size, ...stats };
  } finally {
    if (kept) await partial.close();
  }
}
