import { AppFailure } from '../../app-failure';
import type { FileStore } from '../../documents/file-store/file-store';
import type { Logger } from '../../ports';
import { FileTransferFailure, type FileFailureReason, type TransferDirection } from './file-transfer-failure';
import type { DownloadOptions, FileCount, FileProgress, FileTransferred, UploadOptions } from './file-transfer-types';
import { lookUpFileDocs, type FilesServer, type LookedUp } from './files-server';

/** One file a sync should move. */
export interface FileToSync {
  readonly sha256: string;
  /** For messages. */
  readonly name?: string | undefined;
  /** Uploads: recorded on the server and deciding on compression. */
  readonly mediaType?: string | undefined;
  /** Higher goes first (e.g. 1 for pinned files, the default 0 for the rest); within a priority, smaller first. */
  readonly priority?: number | undefined;
}

export interface FileSyncPlan {
  readonly upload?: readonly FileToSync[] | undefined;
  readonly download?: readonly FileToSync[] | undefined;
  /** Aborting finishes no further chunk; the files not reached are reported `not-attempted`. */
  readonly signal?: AbortSignal | undefined;
}

/** Why a file of a sync did not travel: the channel's reasons, plus the local store's and an unexpected error's. */
export type FileSyncFailureReason = FileFailureReason | 'local-store' | 'internal';

export type FileOutcome =
  | FileTransferred
  | {
      readonly direction: TransferDirection;
      readonly sha256: string;
      readonly status: 'failed';
      readonly reason: FileSyncFailureReason;
      /** A sentence for a person, naming the file. */
      readonly message: string;
    }
  | { readonly direction: TransferDirection; readonly sha256: string; readonly status: 'not-attempted' };

export interface FileSyncReport {
  /** One per distinct (direction, file), in the order they were handled. */
  readonly outcomes: readonly FileOutcome[];
  readonly sent: number;
  readonly received: number;
  readonly alreadyThere: number;
  readonly failed: number;
  readonly notAttempted: number;
  /** Chunk body bytes on the wire, both ways. */
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

/** What `syncFiles` needs from the channel. */
export interface SyncDependencies {
  readonly server: FilesServer;
  readonly fileStore: FileStore;
  readonly logger: Logger | undefined;
  readonly report: (progress: FileProgress) => void;
  upload(sha256: string, options: UploadOptions, known: LookedUp | undefined, files: FileCount): Promise<FileTransferred>;
  download(sha256: string, options: DownloadOptions, known: LookedUp | undefined, files: FileCount): Promise<FileTransferred>;
}

interface Job {
  readonly direction: TransferDirection;
  readonly file: FileToSync;
  readonly order: number;
  size: number;
}

/** Failures after which trying the next file is pointless: every request would meet the same answer. */
const STOPPING: ReadonlySet<FileSyncFailureReason> = new Set(['signed-out', 'cancelled']);

/**
 * See `FileChannel.sync`. One `_all_docs` round trip first tells sizes (for the order) and which files the server
 * already holds complete (skipped without another request); when it gets no answer at all, or a 401, every file is
 * reported with that failure rather than tried one by one.
 */
export async function syncFiles(deps: SyncDependencies, plan: FileSyncPlan): Promise<FileSyncReport> {
  const jobs = jobsOf(plan);
  const outcomes: FileOutcome[] = [];
  let stop: { readonly reason: FileSyncFailureReason; readonly message: string } | null = null;
  let known = new Map<string, LookedUp>();
  if (jobs.length > 0) {
    try {
      known = await lookUpFileDocs(deps.server, [...new Set(jobs.map((job) => job.file.sha256))], plan.signal);
    } catch (error: unknown) {
      const failure = failureOf(error, deps.logger);
      // Other refusals of the listing (a proxy's odd answer) leave each file to find out for itself.
      if (failure.reason === 'unreachable' || STOPPING.has(failure.reason)) stop = failure;
    }
  }
  for (const job of jobs) {
    const doc = known.get(job.file.sha256);
    job.size = job.direction === 'download' ? (doc?.kind === 'found' ? doc.doc.size : Infinity) : await localSize(deps.fileStore, job.file.sha256);
  }
  jobs.sort(
    (a, b) =>
      (b.file.priority ?? 0) - (a.file.priority ?? 0) ||
      a.size - b.size ||
      (a.direction === b.direction ? 0 : a.direction === 'upload' ? -1 : 1) ||
      a.order - b.order,
  );
  const filesTotal = jobs.length;
  for (const job of jobs) {
    const { direction, file } = job;
    if (stop === null && plan.signal?.aborted === true) stop = { reason: 'cancelled', message: '' };
    if (stop !== null) {
      outcomes.push(
        stop.reason === 'cancelled'
          ? { direction, sha256: file.sha256, status: 'not-attempted' }
          : { direction, sha256: file.sha256, status: 'failed', ...stop },
      );
      continue;
    }
    const files: FileCount = { filesDone: outcomes.length, filesTotal };
    const options = { name: file.name, mediaType: file.mediaType, signal: plan.signal };
    const hint = known.get(file.sha256);
    let outcome: FileOutcome;
    try {
      outcome = await (direction === 'upload'
        ? deps.upload(file.sha256, options, hint, files)
        : deps.download(file.sha256, options, hint, files));
    } catch (error: unknown) {
      const failure = failureOf(error, deps.logger);
      outcome = { direction, sha256: file.sha256, status: 'failed', ...failure };
      if (STOPPING.has(failure.reason)) stop = failure;
    }
    outcomes.push(outcome);
    const size = 'size' in outcome ? outcome.size : 0;
    deps.report({ direction, sha256: file.sha256, doneBytes: size, totalBytes: size, filesDone: outcomes.length, filesTotal });
  }
  return summarise(outcomes);
}

/** Distinct (direction, file) pairs; a file listed twice keeps its highest priority. */
function jobsOf(plan: FileSyncPlan): Job[] {
  const jobs = new Map<string, Job>();
  let order = 0;
  for (const [direction, files] of [
    ['upload', plan.upload ?? []],
    ['download', plan.download ?? []],
  ] as const) {
    for (const file of files) {
      const key = `${direction}:${file.sha256}`;
      const existing = jobs.get(key);
      if (existing === undefined || (existing.file.priority ?? 0) < (file.priority ?? 0)) {
        jobs.set(key, { direction, file, order: existing?.order ?? order++, size: Infinity });
      }
    }
  }
  return [...jobs.values()];
}

async function localSize(fileStore: FileStore, sha256: string): Promise<number> {
  try {
    return await fileStore.size(sha256);
  } catch {
    // Missing or malformed: the upload itself reports why; it sorts last meanwhile.
    return Infinity;
  }
}

function failureOf(error: unknown, logger: Logger | undefined): { readonly reason: FileSyncFailureReason; readonly message: string } {
  if (error instanceof FileTransferFailure) return { reason: error.reason, message: error.message };
  if (error instanceof AppFailure) return { reason: 'local-store', message: error.message };
  logger?.log('error', 'A file transfer failed unexpectedly', { cause: error instanceof Error ? error.stack : String(error) });
  return { reason: 'internal', message: 'A file could not be transferred because of an unexpected error. The details are in the log.' };
}

function summarise(outcomes: readonly FileOutcome[]): FileSyncReport {
  const count = (status: FileOutcome['status']): number => outcomes.filter((outcome) => outcome.status === status).length;
  let bytesSent = 0;
  let bytesReceived = 0;
  for (const outcome of outcomes) {
    if (!('bytes' in outcome)) continue;
    if (outcome.direction === 'upload') bytesSent += outcome.bytes;
    else bytesReceived += outcome.bytes;
  }
  return {
    outcomes,
    sent: count('sent'),
    received: count('received'),
    alreadyThere: count('already-there'),
    failed: count('failed'),
    notAttempted: count('not-attempted'),
    bytesSent,
    bytesReceived,
  };
}
