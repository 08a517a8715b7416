import { AppFailure } from '../../app-failure';
import type { Sealer } from '../../documents/crypto/sealer';
import { isSha256Hex } from '../../documents/crypto/sha256-hex';
import type { FileStore } from '../../documents/file-store/file-store';
import type { Logger } from '../../ports';
import { FILES_DATABASE } from '../couch-names';
import type { CouchRequest } from './couch-request';
import { DEFAULT_CHUNK_BYTES, MIN_CHUNK_BYTES } from './file-doc';
import { downloadFile, type DownloadContext } from './file-download';
import { syncFiles, type FileSyncPlan, type FileSyncReport } from './file-sync';
import { fileSubject, type TransferDirection } from './file-transfer-failure';
import type { DownloadOptions, FileCount, FileProgress, FileTransferred, UploadOptions } from './file-transfer-types';
import type { FilesServer, LookedUp } from './files-server';
import { createGzipUploads, type GzipUploadState } from './gzip-uploads';
import { uploadFile, type UploadContext } from './file-upload';

export type { FileFailureReason, TransferDirection } from './file-transfer-failure';
export { FileTransferFailure } from './file-transfer-failure';
export type { FileOutcome, FileSyncFailureReason, FileSyncPlan, FileSyncReport, FileToSync } from './file-sync';
export type { DownloadOptions, FileCount, FileProgress, FileTransferred, UploadOptions } from './file-transfer-types';
export type { GzipUploadState } from './gzip-uploads';

export interface FileChannelOptions {
  /** The way to the server (see couch-request.ts); `createFetchRequest` builds one over `HttpFetch`. */
  readonly request: CouchRequest;
  /** The documents' file store: uploads read from it, downloads are put into it (checked there once more). */
  readonly fileStore: FileStore;
  /** Where partial downloads wait between attempts: a folder of the data directory, on the store's disk. */
  readonly tempDir: string;
  /** The signed-in CouchDB user, recorded as `author` of the documents this device creates. */
  readonly author: string;
  /** The chunk size of new file documents; default 256 KiB, at least 16 KiB. */
  readonly chunkSize?: number | undefined;
  /** Told after every chunk and every file; must not throw. */
  readonly onProgress?: ((progress: FileProgress) => void) | undefined;
  /** The file store's sealer; required when the store is encrypted, so partial downloads are sealed too. */
  readonly sealer?: Sealer | undefined;
  readonly logger?: Logger | undefined;
  /** The server database; `focal-files` (FILES_DATABASE). */
  readonly database?: string | undefined;
  /**
   * What is already known about the server and gzip-encoded chunk uploads (e.g. remembered from an earlier run);
   * 'unknown' lets the first compressed chunk find out.
   */
  readonly gzipUploads?: GzipUploadState | undefined;
}

/**
 * The files channel of sync: moves contents between the local file store and the server's `focal-files` database
 * (see file-doc.ts for the layout), resuming chunk by chunk after a cut and skipping what the other side holds.
 * A content is only ever used after its SHA-256 checked out: downloads are verified before the store publishes them,
 * and the store verifies again on every read. Transfers of the same content in the same direction are joined, never
 * run twice at once.
 */
export interface FileChannel {
  /**
   * Sends a content of the local store. Throws `FileTransferFailure` (too-large with the file's size, forbidden,
   * signed-out, server-error, unreachable, busy, cancelled) or the store's `AppFailure` (not-found when the store lacks
   * it, unavailable when its copy is damaged).
   */
  upload(sha256: string, options?: UploadOptions): Promise<FileTransferred>;
  /**
   * Fetches a content into the local store. Throws `FileTransferFailure` (not-ready, corrupt, too-large, forbidden,
   * signed-out, server-error, unreachable, cancelled) or the store's `AppFailure`.
   */
  download(sha256: string, options?: DownloadOptions): Promise<FileTransferred>;
  /**
   * One pass over many files: pinned (higher `priority`) first, then smaller first; a file's failure is recorded and
   * the next one goes on (a 401 or an abort stops the rest, reported as `not-attempted`). Never throws for a file.
   */
  sync(plan: FileSyncPlan): Promise<FileSyncReport>;
  /** What the channel has learned about gzip-encoded chunk uploads on this server. */
  readonly gzipUploads: GzipUploadState;
}

/** Builds the channel. Throws a TypeError for a chunk size under 16 KiB or an encrypted store without its sealer. */
export function createFileChannel(options: FileChannelOptions): FileChannel {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < MIN_CHUNK_BYTES) {
    throw new TypeError(`A file chunk has at least ${MIN_CHUNK_BYTES} bytes, not ${chunkSize}`);
  }
  if (options.fileStore.encrypted && options.sealer?.encrypted !== true) {
    throw new TypeError('The file store is encrypted: pass its sealer so partial downloads are sealed too');
  }
  const server: FilesServer = { request: options.request, database: options.database ?? FILES_DATABASE, logger: options.logger };
  const gzip = createGzipUploads(options.gzipUploads);
  const uploads: UploadContext = { server, fileStore: options.fileStore, author: options.author, chunkSize, gzip };
  const downloads: DownloadContext = { server, fileStore: options.fileStore, tempDir: options.tempDir, sealer: options.sealer };
  const running = new Map<string, Promise<FileTransferred>>();
  const report = options.onProgress ?? (() => undefined);

  /** Joins a transfer of the same content and direction already under way. */
  function joined(direction: TransferDirection, sha256: string, start: () => Promise<FileTransferred>): Promise<FileTransferred> {
    if (!isSha256Hex(sha256)) {
      const message = 'A file fingerprint must be a SHA-256 digest of 64 lower-case hexadecimal characters.';
      return Promise.reject(new AppFailure('invalid-input', message, [{ path: 'sha256', message, code: 'invalid-sha256' }]));
    }
    const key = `${direction}:${sha256}`;
    const existing = running.get(key);
    if (existing !== undefined) return existing;
    const transfer = start().finally(() => running.delete(key));
    running.set(key, transfer);
    return transfer;
  }

  function upload(sha256: string, uploadOptions: UploadOptions, known: LookedUp | undefined, files: FileCount): Promise<FileTransferred> {
    return joined('upload', sha256, async () => {
      const result = await uploadFile(uploads, {
        sha256,
        mediaType: uploadOptions.mediaType ?? 'application/octet-stream',
        subject: fileSubject(sha256, uploadOptions.name),
        signal: uploadOptions.signal,
        known,
        onProgress: (doneBytes, totalBytes) => {
          report({ direction: 'upload', sha256, doneBytes, totalBytes, ...files });
        },
      });
      const status = result.status === 'already-there' ? 'already-there' : 'sent';
      return { direction: 'upload', sha256, status, size: result.size, chunks: result.chunksSent, bytes: result.bytesSent };
    });
  }

  function download(sha256: string, downloadOptions: DownloadOptions, known: LookedUp | undefined, files: FileCount): Promise<FileTransferred> {
    return joined('download', sha256, async () => {
      const result = await downloadFile(downloads, {
        sha256,
        name: downloadOptions.name,
        subject: fileSubject(sha256, downloadOptions.name),
        signal: downloadOptions.signal,
        known,
        onProgress: (doneBytes, totalBytes) => {
          report({ direction: 'download', sha256, doneBytes, totalBytes, ...files });
        },
      });
      const status = result.status === 'already-there' ? 'already-there' : 'received';
      return { direction: 'download', sha256, status, size: result.size, chunks: result.chunksReceived, bytes: result.bytesReceived };
    });
  }

  const single: FileCount = { filesDone: 0, filesTotal: 1 };
  return {
    upload: (sha256, uploadOptions = {}) => upload(sha256, uploadOptions, undefined, single),
    download: (sha256, downloadOptions = {}) => download(sha256, downloadOptions, undefined, single),
    sync: (plan) => syncFiles({ server, fileStore: options.fileStore, logger: options.logger, report, upload, download }, plan),
    get gzipUploads() {
      return gzip.state;
    },
  };
}
