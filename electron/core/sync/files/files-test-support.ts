import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createSealer, type Sealer } from '../../documents/crypto/sealer';
import { createFileStore, type FileStore } from '../../documents/file-store/file-store';
import { FILES_DATABASE } from '../couch-names';
import type { CouchRequest, CouchRequestOptions, CouchResponse } from './couch-request';
import { createFetchRequest } from './fetch-request';
import { startTestCouchServer, type TestCouchServer } from './test-server';

/** Helpers for the files channel's tests: a server with the files database, stores, content, and a request recorder. */

export const KIB = 1024;

/** One request as the channel made it. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  /** Body bytes as sent (compressed when the chunk went compressed). */
  readonly bodyBytes: number;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Decides what happens to one call: `send()` forwards it to the server. Returning a response without calling `send`
 * answers in the server's place; throwing stands for a connection that dropped.
 */
export type Intercept = (call: RecordedCall, send: () => Promise<CouchResponse>, callIndex: number) => Promise<CouchResponse>;

export interface RecordingRequest {
  readonly request: CouchRequest;
  readonly calls: RecordedCall[];
  /** The chunk PUTs (`…/c000123?rev=…`) made so far. */
  chunkPuts(): RecordedCall[];
  /** The chunk GETs made so far. */
  chunkGets(): RecordedCall[];
}

const CHUNK_PATH = /\/c\d{6}(\?|$)/;

export function isChunkCall(call: RecordedCall, method: 'GET' | 'PUT'): boolean {
  return call.method === method && CHUNK_PATH.test(call.path);
}

/** Records every call of `inner` (even the ones that then fail) and lets `intercept` cut or answer them. */
export function recordRequests(inner: CouchRequest, intercept?: Intercept): RecordingRequest {
  const calls: RecordedCall[] = [];
  const request: CouchRequest = async (method, path, options: CouchRequestOptions = {}) => {
    const body = options.body;
    const bodyBytes = body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    const call: RecordedCall = { method, path, bodyBytes, headers: { ...options.headers } };
    calls.push(call);
    const send = (): Promise<CouchResponse> => inner(method, path, options);
    return intercept === undefined ? send() : intercept(call, send, calls.length - 1);
  };
  return {
    request,
    calls,
    chunkPuts: () => calls.filter((call) => isChunkCall(call, 'PUT')),
    chunkGets: () => calls.filter((call) => isChunkCall(call, 'GET')),
  };
}

/** A 413 as a proxy in front of the server would answer it. */
export function payloadTooLarge(): CouchResponse {
  return { status: 413, headers: { 'content-type': 'text/html' }, body: Buffer.from('<html><body>413 Request Entity Too Large</body></html>') };
}

export interface TestFilesServer {
  readonly server: TestCouchServer;
  /** Straight to the server, for setting up and inspecting: not recorded. */
  readonly raw: CouchRequest;
}

/** Starts the test server with the files database created. */
export async function startFilesServer(dir: string): Promise<TestFilesServer> {
  const server = await startTestCouchServer(dir);
  const raw = createFetchRequest({ fetch: globalThis.fetch, baseUrl: server.url });
  const created = await raw('PUT', `/${FILES_DATABASE}`);
  if (created.status !== 201) throw new Error(`The files database could not be created: ${created.status}`);
  return { server, raw };
}

export function openStore(dir: string, sealer: Sealer = createSealer(null)): Promise<FileStore> {
  return createFileStore({ dir: join(dir, 'files'), sealer });
}

/** Incompressible content. */
export function randomContent(size: number): Buffer {
  return randomBytes(size);
}

/** Text that gzip shrinks several times over, yet differs from run to run (so each test has its own digest). */
export function textContent(size: number): Buffer {
  const words = ['agenda', 'minutes', 'delegation', 'focal', 'point', 'meeting', 'report', 'annex', 'draft', 'secretariat'];
  const lines: string[] = [randomBytes(16).toString('hex')];
  let length = lines[0]?.length ?? 0;
  for (let line = 0; length < size; line++) {
    const text = `${line}: ${words[line % words.length] ?? ''} ${words[(line * 7) % words.length] ?? ''} ${line * 31}\n`;
    lines.push(text);
    length += text.length;
  }
  return Buffer.from(lines.join('')).subarray(0, size);
}
