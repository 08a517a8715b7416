import type { ErrorCode } from '../../../../shared/api/result';
import { AppFailure } from '../../app-failure';
import { formatMegabytes } from '../../documents/file-store/store-failures';
import { MIN_CHUNK_BYTES } from './file-doc';

/**
 * Why one file did not travel, in words a person can act on. `reason` is for code (the Sync view, the CLI's JSON);
 * the message names the file (its name when the caller gave one) and never holds server detail, which goes to the log.
 */
export type FileFailureReason =
  /** The server refuses even the smallest chunks (413), or the file is over this computer's cap. */
  | 'too-large'
  /** Not on the server yet, or still being sent by its author. */
  | 'not-ready'
  /** What the server holds does not match the file's SHA-256; nothing was stored. */
  | 'corrupt'
  /** 403: this account may not write (or read) the file's document. */
  | 'forbidden'
  /** 401: the session ended; sign in again. */
  | 'signed-out'
  /** Any other answer: 5xx, an unexpected status, a page that is not the server's. */
  | 'server-error'
  /** No answer at all: the connection dropped or never opened. */
  | 'unreachable'
  /** The document kept changing under us (409 after every re-read). */
  | 'busy'
  /** The caller aborted. */
  | 'cancelled';

export type TransferDirection = 'upload' | 'download';

const CODES: Readonly<Record<FileFailureReason, ErrorCode>> = {
  'too-large': 'invalid-input',
  'not-ready': 'not-found',
  corrupt: 'unavailable',
  forbidden: 'forbidden',
  'signed-out': 'forbidden',
  'server-error': 'unavailable',
  unreachable: 'unavailable',
  busy: 'unavailable',
  cancelled: 'unavailable',
};

/** A file that could not be sent or received; the channel throws it and `sync` reports it per file. */
export class FileTransferFailure extends AppFailure {
  constructor(
    readonly reason: FileFailureReason,
    message: string,
  ) {
    super(CODES[reason], message);
    this.name = 'FileTransferFailure';
  }
}

/** "“report.pdf”" when the caller named the file, else "The file 3f2a9c01b7e4…" (the start of its SHA-256). */
export function fileSubject(sha256: string, name: string | undefined): string {
  return name === undefined || name === '' ? `The file ${sha256.slice(0, 12)}…` : `“${name}”`;
}

export function serverRefusesChunks(subject: string, size: number): FileTransferFailure {
  return new FileTransferFailure(
    'too-large',
    `${subject} (${formatMegabytes(size)}) could not be sent: the server refuses uploads even in pieces of ` +
      `${MIN_CHUNK_BYTES / 1024} KB. Ask the server's administrator to raise its request size limit.`,
  );
}

export function tooLargeForThisComputer(subject: string, size: number, maxBytes: number): FileTransferFailure {
  return new FileTransferFailure(
    'too-large',
    `${subject} (${formatMegabytes(size)}) was not downloaded: this computer accepts files of at most ${formatMegabytes(maxBytes)}.`,
  );
}

export function notReady(subject: string): FileTransferFailure {
  return new FileTransferFailure(
    'not-ready',
    `${subject} is not fully on the server yet. It will be downloaded once the person who added it has finished sending it.`,
  );
}

export function corrupt(subject: string): FileTransferFailure {
  return new FileTransferFailure(
    'corrupt',
    `The server's copy of ${lowerFirst(subject)} is damaged: its content does not match its fingerprint, so nothing was kept. ` +
      'The person who added it can send it again.',
  );
}

export function keptChanging(subject: string): FileTransferFailure {
  return new FileTransferFailure(
    'busy',
    `${subject} kept changing on the server while it was being sent. It will be tried again at the next sync.`,
  );
}

export function cancelled(subject: string, direction: TransferDirection): FileTransferFailure {
  return new FileTransferFailure('cancelled', `${verbing(direction)} ${lowerFirst(subject)} was stopped. It resumes where it stopped at the next sync.`);
}

export function unreachable(subject: string, direction: TransferDirection): FileTransferFailure {
  return new FileTransferFailure(
    'unreachable',
    `The server could not be reached while ${verbing(direction).toLowerCase()} ${lowerFirst(subject)}. ` +
      'What arrived is kept; the rest follows at the next sync.',
  );
}

/** The failure an unexpected answer stands for (a 2xx here is one without the JSON the server always sends). */
export function httpFailure(status: number, subject: string, direction: TransferDirection): FileTransferFailure {
  const doing = verbing(direction).toLowerCase();
  if (status === 401) {
    return new FileTransferFailure('signed-out', `The server asked to sign in again before ${doing} ${lowerFirst(subject)}.`);
  }
  if (status === 403) {
    return new FileTransferFailure(
      'forbidden',
      `The server did not allow ${doing} ${lowerFirst(subject)}: this account has no permission for it.`,
    );
  }
  if (status >= 200 && status < 300) {
    // A success without the JSON CouchDB always sends: something else answered (a captive portal, a misrouted proxy).
    return new FileTransferFailure(
      'server-error',
      `The answer received while ${doing} ${lowerFirst(subject)} did not come from the sync server; ` +
        'a sign-in page of a public network may have answered instead. It will be tried again at the next sync.',
    );
  }
  return new FileTransferFailure(
    'server-error',
    `The server could not handle ${doing} ${lowerFirst(subject)} (it answered with status ${status}). It will be tried again at the next sync.`,
  );
}

function verbing(direction: TransferDirection): string {
  return direction === 'upload' ? 'Sending' : 'Downloading';
}

function lowerFirst(subject: string): string {
  return subject.startsWith('The ') ? `the ${subject.slice(4)}` : subject;
}
