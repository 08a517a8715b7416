import type { Logger } from '../../ports';
import { bodyExcerpt, jsonBody, jsonOf, type CouchRequest, type CouchRequestOptions, type CouchResponse } from './couch-request';
import { fileDocId, parseFileDoc, type FileDoc } from './file-doc';
import { cancelled, httpFailure, unreachable, type TransferDirection } from './file-transfer-failure';

/** The files database on one server, as the upload and download steps reach it. */
export interface FilesServer {
  readonly request: CouchRequest;
  /** `focal-files` unless a test says otherwise. */
  readonly database: string;
  readonly logger: Logger | undefined;
}

/** Who a request is for, so a failure names the file and says what was being done. */
export interface TransferSubject {
  readonly sha256: string;
  readonly subject: string;
  readonly direction: TransferDirection;
  readonly signal: AbortSignal | undefined;
}

/** What the server holds for one content. */
export type LookedUp =
  | { readonly kind: 'found'; readonly doc: FileDoc }
  | { readonly kind: 'missing' }
  /** A document that is not a sound file document (fields missing or not adding up); `rev` allows replacing it. */
  | { readonly kind: 'damaged'; readonly rev: string | null };

/** `/focal-files/sha256-…`. */
export function docPathOf(server: FilesServer, sha256: string): string {
  return `/${encodeURIComponent(server.database)}/${fileDocId(sha256)}`;
}

/**
 * Sends one request. A request that gets no answer becomes `unreachable` (or `cancelled` when the caller aborted),
 * with the cause in the log; every answered status is returned for the caller to judge.
 */
export async function exchange(
  server: FilesServer,
  about: TransferSubject,
  method: string,
  path: string,
  options: CouchRequestOptions = {},
): Promise<CouchResponse> {
  if (aborted(about.signal)) throw cancelled(about.subject, about.direction);
  try {
    return await server.request(method, path, { ...options, signal: about.signal });
  } catch (error: unknown) {
    if (aborted(about.signal)) throw cancelled(about.subject, about.direction);
    server.logger?.log('warn', 'A file transfer request got no answer', {
      sha256: about.sha256,
      method,
      cause: error instanceof Error ? error.message : String(error),
    });
    throw unreachable(about.subject, about.direction);
  }
}

/** Throws the failure an unexpected status stands for, logging what the server said. */
export function unexpected(server: FilesServer, about: TransferSubject, what: string, response: CouchResponse): never {
  server.logger?.log('warn', `The server refused to ${what}`, {
    sha256: about.sha256,
    status: response.status,
    body: bodyExcerpt(response),
  });
  throw httpFailure(response.status, about.subject, about.direction);
}

/** The file's document as it is now (with `att_encoding_info`, so a compressed chunk says so). */
export async function getFileDoc(server: FilesServer, about: TransferSubject): Promise<LookedUp> {
  const response = await exchange(server, about, 'GET', `${docPathOf(server, about.sha256)}?att_encoding_info=true`);
  if (response.status === 404) return { kind: 'missing' };
  const answer = response.status === 200 ? jsonOf(response) : undefined;
  if (typeof answer !== 'object' || answer === null) unexpected(server, about, 'read a file document', response);
  return lookedUpFrom(answer);
}

/**
 * The documents of many contents in one round trip (`_all_docs` with `include_docs`), so a sync knows sizes and what
 * the server already holds before sending anything. Keys are sent in batches to keep request bodies modest.
 */
export async function lookUpFileDocs(
  server: FilesServer,
  sha256s: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Map<string, LookedUp>> {
  const found = new Map<string, LookedUp>();
  const batchSize = 200;
  for (let start = 0; start < sha256s.length; start += batchSize) {
    const batch = sha256s.slice(start, start + batchSize);
    const about: TransferSubject = { sha256: batch[0] ?? '', subject: 'The list of files', direction: 'download', signal };
    const response = await exchange(
      server,
      about,
      'POST',
      `/${encodeURIComponent(server.database)}/_all_docs?include_docs=true`,
      jsonBody({ keys: batch.map(fileDocId) }, signal),
    );
    const answer = response.status === 200 ? jsonOf(response) : undefined;
    if (typeof answer !== 'object' || answer === null || !('rows' in answer) || !Array.isArray(answer.rows)) {
      unexpected(server, about, 'list file documents', response);
    }
    const rows = answer.rows as unknown[];
    const docsByKey = new Map<string, unknown>();
    for (const row of rows) {
      if (typeof row !== 'object' || row === null || !('key' in row) || typeof row.key !== 'string') continue;
      if ('doc' in row && row.doc !== null && row.doc !== undefined) docsByKey.set(row.key, row.doc);
    }
    for (const sha256 of batch) {
      const doc = docsByKey.get(fileDocId(sha256));
      found.set(sha256, doc === undefined ? { kind: 'missing' } : lookedUpFrom(doc));
    }
  }
  return found;
}

/** Read through a function: the signal may have been aborted while the request was under way. */
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function lookedUpFrom(value: unknown): LookedUp {
  const doc = parseFileDoc(value);
  if (doc !== null) return { kind: 'found', doc };
  const rev = typeof value === 'object' && value !== null && '_rev' in value && typeof value._rev === 'string' ? value._rev : null;
  return { kind: 'damaged', rev };
}
