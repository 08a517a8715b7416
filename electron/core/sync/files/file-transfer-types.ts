import type { TransferDirection } from './file-transfer-failure';

/** The shapes the files channel hands out: progress, results and per-call options. */

/** Where a transfer stands; `filesDone`/`filesTotal` count the files of the running `sync` (0 of 1 outside one). */
export interface FileProgress {
  readonly direction: TransferDirection;
  readonly sha256: string;
  readonly doneBytes: number;
  readonly totalBytes: number;
  readonly filesDone: number;
  readonly filesTotal: number;
}

/** A file that travelled, or did not need to. */
export interface FileTransferred {
  readonly direction: TransferDirection;
  readonly sha256: string;
  /** `already-there`: the other side held it complete; nothing (or, for an upload, only its document) was exchanged. */
  readonly status: 'sent' | 'received' | 'already-there';
  readonly size: number;
  /** Chunk requests made (PUTs for an upload, GETs for a download), repeats included. */
  readonly chunks: number;
  /** Chunk body bytes on the wire (an upload's compressed chunks count compressed). */
  readonly bytes: number;
}

export interface UploadOptions {
  /** The file's media type, recorded on the server and used to decide on compression; default octet-stream. */
  readonly mediaType?: string | undefined;
  /** The file's name, for messages. */
  readonly name?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface DownloadOptions {
  readonly name?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** The file counts a transfer reports with its progress. */
export interface FileCount {
  readonly filesDone: number;
  readonly filesTotal: number;
}
