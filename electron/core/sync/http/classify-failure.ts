import { SyncProblem } from './sync-problem';

/**
 * Turns what went wrong on the wire into a `SyncProblem`: an HTTP status with CouchDB's `{ error, reason }` body, or the
 * error fetch rejected with. Node's fetch (undici) and Electron's `net.fetch` (Chromium's `net::ERR_*`) fail in
 * different words, so both vocabularies are recognised here and nowhere else.
 */

/** Who asked: the server's host (for messages) and `METHOD /path` (for the log). */
export interface RequestLabel {
  readonly host: string;
  readonly request: string;
}

const SOCKET_CLOSED_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);
const SOCKET_CLOSED_NET = /net::ERR_(CONNECTION_RESET|CONNECTION_CLOSED|EMPTY_RESPONSE|SOCKET_NOT_CONNECTED|CONNECTION_ABORTED)\b/;
const REFUSED = /ECONNREFUSED|net::ERR_CONNECTION_REFUSED/;
const NAME_NOT_FOUND = /ENOTFOUND|EAI_AGAIN|EAI_NONAME|net::ERR_NAME_NOT_RESOLVED|net::ERR_NAME_RESOLUTION_FAILED/;
const TIMED_OUT = /ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|net::ERR_(CONNECTION_)?TIMED_OUT/;
const NETWORK_DOWN = /ENETUNREACH|EHOSTUNREACH|ENETDOWN|net::ERR_(INTERNET_DISCONNECTED|NETWORK_CHANGED|ADDRESS_UNREACHABLE|NETWORK_ACCESS_DENIED)/;
const CERTIFICATE = /CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|ERR_TLS_CERT_ALTNAME_INVALID|net::ERR_SSL_(PINNED_KEY|CLIENT_AUTH)/;
const PROXY_AUTH = /Proxy response \(407\)|Proxy Authentication Required|net::ERR_PROXY_AUTH/i;
const PROXY_FAILED = /Proxy response \(\d+\)|net::ERR_(PROXY_CONNECTION_FAILED|TUNNEL_CONNECTION_FAILED|PROXY_CERTIFICATE_INVALID)/;

/** Codes and messages along an error's cause chain (and inside an AggregateError), bounded to a few levels. */
function signalsOf(error: unknown): string[] {
  const found: string[] = [];
  const queue: unknown[] = [error];
  for (let visited = 0; visited < 12 && queue.length > 0; visited += 1) {
    const current = queue.shift();
    if (typeof current === 'string') found.push(current);
    if (current === null || typeof current !== 'object') continue;
    const record = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') found.push(record.code);
    if (typeof record.message === 'string') found.push(record.message);
    if (record.cause !== undefined) queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[]).slice(0, 4));
  }
  return found;
}

function matches(signals: readonly string[], pattern: RegExp): boolean {
  return signals.some((signal) => pattern.test(signal));
}

/**
 * True when fetch failed because the server closed a connection (typically a kept-alive socket it had already timed
 * out) before any answer came: such a request is worth sending once more on a fresh connection.
 */
export function isSocketClosed(error: unknown): boolean {
  const signals = signalsOf(error);
  return signals.some((signal) => SOCKET_CLOSED_CODES.has(signal)) || matches(signals, SOCKET_CLOSED_NET) || matches(signals, /other side closed/);
}

/** The problem for an error fetch rejected with (no HTTP answer arrived). */
export function problemFromError(error: unknown, label: RequestLabel): SyncProblem {
  const signals = signalsOf(error);
  const details = { request: label.request, cause: error };
  if (matches(signals, CERTIFICATE)) {
    return new SyncProblem(
      'certificate',
      `The certificate of ${label.host} is not trusted by this computer. Ask your IT service to check the server's certificate.`,
      details,
    );
  }
  if (matches(signals, PROXY_AUTH)) {
    return new SyncProblem('proxy-auth', 'The network proxy asks for a sign-in before the server can be reached.', details);
  }
  if (matches(signals, PROXY_FAILED)) {
    return new SyncProblem('unreachable', `The network proxy could not reach ${label.host}.`, details);
  }
  if (matches(signals, REFUSED)) {
    return new SyncProblem('unreachable', `${label.host} refused the connection: the server may be down or the address wrong.`, details);
  }
  if (matches(signals, NAME_NOT_FOUND)) {
    return new SyncProblem('unreachable', `The server name ${label.host} could not be found: check the address and the network.`, details);
  }
  if (matches(signals, TIMED_OUT)) {
    return new SyncProblem('unreachable', `${label.host} did not answer in time.`, details);
  }
  if (matches(signals, NETWORK_DOWN)) {
    return new SyncProblem('unreachable', `${label.host} cannot be reached: this computer seems to be offline.`, details);
  }
  if (isSocketClosed(error)) {
    return new SyncProblem('unreachable', `The connection to ${label.host} was cut before it answered.`, details);
  }
  return new SyncProblem('unreachable', `${label.host} could not be reached.`, details);
}

/** CouchDB's error body, read defensively: any of the fields may be missing or of the wrong type. */
export interface CouchErrorBody {
  readonly error?: string | undefined;
  readonly reason?: string | undefined;
}

/** `{ error, reason }` from a parsed body, keeping only strings (and at most 500 characters of the reason). */
export function couchErrorOf(body: unknown): CouchErrorBody {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as { error?: unknown; reason?: unknown };
  return {
    error: typeof record.error === 'string' ? record.error : undefined,
    reason: typeof record.reason === 'string' ? record.reason.slice(0, 500) : undefined,
  };
}

/**
 * The problem for an HTTP answer that is not a success. `couch` is the parsed body's `{ error, reason }` (empty when
 * the body was not CouchDB JSON); `retryAfterMs` comes from a `Retry-After` header.
 */
export function problemFromStatus(status: number, couch: CouchErrorBody, label: RequestLabel, retryAfterMs?: number): SyncProblem {
  const details = { status, reason: couch.reason, retryAfterMs, request: label.request };
  const because = couch.reason === undefined ? '' : `: ${couch.reason}`;
  if (status === 401) {
    return new SyncProblem('unauthorized', `${label.host} did not accept the user name or password. Sign in again.`, details);
  }
  if (status === 403) {
    return new SyncProblem('forbidden', `${label.host} refused: this account has no permission for that${because}`, details);
  }
  if (status === 404) return new SyncProblem('not-found', `${label.host} has no such database or document (${label.request}).`, details);
  if (status === 407) {
    return new SyncProblem('proxy-auth', 'The network proxy asks for a sign-in before the server can be reached.', details);
  }
  if (status === 409) {
    return new SyncProblem('conflict', 'The record changed on the server since it was read; it will be read again.', details);
  }
  if (status === 413) {
    return new SyncProblem('too-large', `${label.host} refused the upload because it is over the server's size limit.`, details);
  }
  if (status === 511) {
    return new SyncProblem('captive-portal', captivePortalMessage(label.host), details);
  }
  if (status === 429) {
    return new SyncProblem('server-error', `${label.host} is busy and asked to try again later.`, details);
  }
  if (status >= 500) {
    return new SyncProblem('server-error', `${label.host} had a problem (HTTP ${status}); sync will try again.`, details);
  }
  return new SyncProblem('rejected', `${label.host} refused the request (HTTP ${status})${because}`, details);
}

/** The sentence for an answer that came from a login page instead of the server. */
export function captivePortalMessage(host: string): string {
  return `A web page answered instead of ${host}: the network may need a sign-in first (hotel or guest Wi-Fi). Open a browser, sign in to the network, then sync again.`;
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date (relative to `nowMs`); undefined when absent or
 * unreadable.
 */
export function retryAfterMsOf(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
