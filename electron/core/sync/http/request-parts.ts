import { AppFailure } from '../../app-failure';
import type { RequestLabel } from './classify-failure';
import { asBodyInit, type WireResponse } from './exchange';
import { SyncProblem } from './sync-problem';

/** The small conversions the CouchDB client needs between URLs, header shapes and bodies. */

/**
 * The server root as a URL ending with `/`, without query or fragment. Throws `AppFailure('invalid-input')` for an
 * address that is not http(s) or that carries a user name or password.
 */
export function normaliseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppFailure('invalid-input', `The server address “${raw}” is not a web address (e.g. https://couch.example.org/).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppFailure('invalid-input', `The server address must start with https:// (or http:// on a local network), not ${url.protocol}//.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new AppFailure('invalid-input', 'The server address must not contain a user name or password; give them separately.');
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * An absolute URL as is (RxDB passes them); anything else below the server's root. Throws a `rejected` SyncProblem,
 * not a TypeError, for text that makes no URL.
 */
export function resolveOn(base: URL, path: string): URL {
  try {
    if (/^https?:\/\//i.test(path)) return new URL(path);
    return new URL(path.replace(/^\/+/, ''), base);
  } catch (error: unknown) {
    throw new SyncProblem('rejected', `“${path.slice(0, 200)}” is not an address on ${base.host}.`, { cause: error });
  }
}

/** The database a request is about (`focal-contacts` for `/focal-contacts/_bulk_docs`); undefined for `/_session`. */
export function databaseOf(base: URL, url: URL): string | undefined {
  if (!url.pathname.startsWith(base.pathname)) return undefined;
  const first = url.pathname.slice(base.pathname.length).split('/')[0] ?? '';
  return first === '' || first.startsWith('_') ? undefined : first;
}

/** Size of a body on the wire before compression. */
export function byteLengthOf(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

/** `body` as JSON text; a value JSON cannot hold (a cycle, a BigInt) is a `rejected` SyncProblem. */
export function stringify(body: unknown, label: RequestLabel): string {
  // Typed `unknown`: JSON.stringify answers undefined, not a string, for a function or a bare undefined.
  let text: unknown;
  try {
    text = JSON.stringify(body);
  } catch (error: unknown) {
    throw new SyncProblem('rejected', `The data for ${label.request} could not be written as JSON.`, { request: label.request, cause: error });
  }
  if (typeof text !== 'string') throw new SyncProblem('rejected', `The data for ${label.request} is not JSON.`, { request: label.request });
  return text;
}

/** The same headers with lower-case names. */
export function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Any of fetch's header shapes as a plain record (lower-case names). */
export function headersOf(init: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (init === undefined) return record;
  new Headers(init).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/** Response headers as a plain record (lower-case names). */
export function recordOf(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}

/** The request body RxDB (or anyone) handed to `fetch`, as something that can be compressed and sent twice. */
export function bodyOf(body: RequestInit['body'], label: RequestLabel): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof URLSearchParams) return body.toString();
  throw new SyncProblem('rejected', `The body of ${label.request} is of a kind that cannot be sent again after a cut.`, {
    request: label.request,
  });
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const DROPPED_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'set-cookie']);

/** A `Response` over the already-read body: decoded, so the encoding and length headers no longer apply. */
export function bufferedResponse(answer: WireResponse): Response {
  const headers = new Headers();
  answer.headers.forEach((value, name) => {
    if (!DROPPED_HEADERS.has(name.toLowerCase())) headers.append(name, value);
  });
  const body = NULL_BODY_STATUSES.has(answer.status) ? null : asBodyInit(answer.body);
  return new Response(body, { status: answer.status, statusText: answer.statusText, headers });
}
