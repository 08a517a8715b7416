import { join } from 'node:path';
import type { SyncError } from '../../../shared/api/sync';
import type { CollectionName } from '../../../shared/schemas/collections';
import { AppFailure } from '../app-failure';
import type { FocalDatabase } from '../db/database';
import type { DocumentServices } from '../documents/documents';
import type { Clock, Logger } from '../ports';
import { FILES_DATABASE } from './couch-names';
import { createFileChannel, type FileProgress, type FileToSync } from './files/file-channel';
import { createBackoff } from './http/backoff';
import type { CouchHttp } from './http/couch-http';
import { isSyncProblem } from './http/sync-problem';
import { createSyncEngine, type CollectionOutcome, type SyncEngineOptions } from './sync-engine';

/** How many times one cycle tries a file whose transfer the link cut. */
const FILE_PASSES = 4;
const RETRIED_FILE_FAILURES: ReadonlySet<string> = new Set(['unreachable', 'server-error']);

export interface CycleDeps {
  readonly dataDir: string;
  readonly database: FocalDatabase;
  readonly library: DocumentServices;
  readonly http: CouchHttp;
  /** The signed-in user: checkpoints belong to the server and this account; new records and files carry it. */
  readonly author: string;
  readonly clock: Pick<Clock, 'now'>;
  readonly logger: Logger;
  readonly onRecords?: SyncEngineOptions['onProgress'];
  readonly onFile?: (progress: FileProgress) => void;
  /** Lets a test wait less between file retries. */
  readonly fileRetryDelayMs?: (attempt: number) => number;
}

export interface CycleResult {
  readonly outcomes: readonly CollectionOutcome[];
  readonly filesUp: number;
  readonly filesDown: number;
  readonly fileBytesUp: number;
  readonly fileBytesDown: number;
  readonly errors: readonly SyncError[];
}

/**
 * One sync cycle with a signed-in server: every collection's records both ways (until each side holds the other's
 * changes, or a collection gives up), then the files the library's documents use — local ones up (private
 * documents' files stay here), missing ones down — each retried a few times in the cycle when the link cuts it.
 */
export async function runSyncCycle(deps: CycleDeps): Promise<CycleResult> {
  const { database, library, http, author, logger } = deps;
  const errors: SyncError[] = [];
  const engine = createSyncEngine({
    database,
    couch: { json: async (method, path, body) => (await http.json(method, path, body)).body },
    identity: `${http.baseUrl}|${author}`,
    author,
    clock: deps.clock,
    logger,
    ...(deps.onRecords === undefined ? {} : { onProgress: deps.onRecords }),
  });
  const outcomes = await engine.once();
  for (const outcome of outcomes) {
    if (outcome.error !== null) errors.push({ scope: outcome.collection, kind: outcome.errorKind ?? 'bad-response', message: outcome.error });
  }

  const upload = new Map<string, FileToSync>();
  const download = new Map<string, FileToSync>();
  for (const document of await database.documents.find().exec()) {
    if (document.deletedAt !== null) continue;
    const latest = Math.max(...document.versions.map((version) => version.number));
    for (const version of document.versions) {
      // The version people open first goes first; older versions follow.
      const file = { sha256: version.sha256, name: version.fileName, mediaType: version.mediaType, priority: version.number === latest ? 1 : 0 };
      if (await library.files.has(version.sha256)) {
        if (document.visibility !== 'private') upload.set(version.sha256, file);
      } else {
        download.set(version.sha256, file);
      }
    }
  }
  const channel = createFileChannel({
    request: (method, path, options) => http.raw(method, path, options),
    fileStore: library.files,
    tempDir: join(deps.dataDir, 'sync', 'downloads'),
    author,
    sealer: library.sealer,
    logger,
    database: FILES_DATABASE,
    ...(deps.onFile === undefined ? {} : { onProgress: deps.onFile }),
  });
  const totals = { filesUp: 0, filesDown: 0, fileBytesUp: 0, fileBytesDown: 0 };
  const backoff = createBackoff();
  let plan = { upload: [...upload.values()], download: [...download.values()] };
  for (let pass = 1; pass <= FILE_PASSES; pass += 1) {
    const report = await channel.sync(plan);
    totals.filesUp += report.sent;
    totals.filesDown += report.received;
    totals.fileBytesUp += report.bytesSent;
    totals.fileBytesDown += report.bytesReceived;
    const again = { upload: [] as FileToSync[], download: [] as FileToSync[] };
    for (const outcome of report.outcomes) {
      if (outcome.status === 'failed' && RETRIED_FILE_FAILURES.has(outcome.reason) && pass < FILE_PASSES) {
        const file = (outcome.direction === 'upload' ? upload : download).get(outcome.sha256);
        if (file !== undefined) again[outcome.direction].push(file);
      } else if (outcome.status === 'failed') {
        errors.push({ scope: 'files', kind: outcome.reason, message: outcome.message });
      } else if (outcome.status !== 'not-attempted' && outcome.direction === 'download') {
        library.fileArrived(outcome.sha256);
      }
    }
    if (again.upload.length + again.download.length === 0) break;
    plan = again;
    const delay = deps.fileRetryDelayMs?.(pass) ?? backoff.nextDelayMs();
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return { outcomes, errors, ...totals };
}

/** A failure as the summary and the status word it. */
export function syncErrorOf(scope: string, error: unknown): SyncError {
  if (isSyncProblem(error)) return { scope, kind: error.kind, message: error.message };
  if (error instanceof AppFailure) return { scope, kind: error.code, message: error.message };
  return { scope, kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export type { CollectionName };
