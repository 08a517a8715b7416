import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { HttpFetch, Logger } from '../../ports';
import { couchErrorOf, problemFromStatus, retryAfterMsOf, type RequestLabel } from './classify-failure';
import { exchange, type WireResponse } from './exchange';
import { parseJsonAnswer, textOf, tryParseJson, verifyJsonAnswer } from './json-answer';
import { createRequestCompression, type CompressionSupport } from './request-compression';
import {
  bodyOf,
  bufferedResponse,
  byteLengthOf,
  databaseOf,
  headersOf,
  lowerCased,
  normaliseBaseUrl,
  recordOf,
  resolveOn,
  stringify,
} from './request-parts';
import { SyncProblem } from './sync-problem';

const gzipAsync = promisify(gzip);

/** Bodies smaller than this go uncompressed: gzip's header and the CPU are not worth it. */
export const MIN_COMPRESSED_BODY_BYTES = 1024;

/** A CouchDB user's name and password, used for the `_session` cookie and nothing else. */
export interface CouchCredentials {
  readonly name: string;
  readonly password: string;
}

export interface CouchHttpOptions {
  readonly fetch: HttpFetch;
  /** The server's root, e.g. `https://couch.example.org/` or `http://127.0.0.1:5984/prefix/`; no user or password. */
  readonly baseUrl: string;
  /**
   * The longest wait without any byte from the server (headers, or the next piece of a body). Keep it above the
   * `heartbeat` of long-poll `_changes` requests, which send a newline at that interval while nothing changes.
   */
  readonly timeoutMs: number;
  readonly logger?: Logger | undefined;
  /** Held to sign in (`POST /_session`) before the first request and once more after a 401. */
  readonly credentials?: CouchCredentials | undefined;
  /**
   * Ask for gzip-compressed answers with `Accept-Encoding: gzip` (default true). Electron's `net.fetch` (Chromium)
   * asks on its own, so that shell may turn this off rather than set a header Chromium manages.
   */
  readonly acceptGzip?: boolean | undefined;
  /** Send large request bodies gzip-compressed when the server accepts it (default true). */
  readonly compressRequests?: boolean | undefined;
  /** Told about every problem before it is thrown (the sync status keeps the last one; RxDB's errors are opaque). */
  readonly onProblem?: ((problem: SyncProblem) => void) | undefined;
}

/** A successful JSON answer; `body` is parsed but unchecked (validate it before use). */
export interface CouchJsonReply {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Options of `raw` (the shape of the files channel's `CouchRequestOptions`). */
export interface CouchRawOptions {
  readonly body?: Uint8Array | string | undefined;
  /** Header names in lower case. A `content-encoding` given here means the body is already encoded. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Gzip the body when it is large enough and the server accepts it (default false: attachments are stored as sent). */
  readonly compress?: boolean | undefined;
}

/** Any answer of `raw`, error statuses included. */
export interface CouchRawReply {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Already decoded from gzip. */
  readonly body: Uint8Array;
}

/** Who the server says we are after sign-in. */
export interface CouchSession {
  readonly name: string | null;
  readonly roles: readonly string[];
}

/**
 * A small CouchDB client over the `HttpFetch` port: cookie sign-in, gzip both ways, one retry when a kept-alive
 * connection was closed under us, and every failure as a `SyncProblem` with a plain-words message.
 */
export interface CouchHttp {
  /** The normalised server root, ending with `/` (RxDB wants database URLs ending with `/`). */
  readonly baseUrl: string;
  /** Whether request bodies go gzip-compressed; `unknown` until the first large body was about to be sent. */
  readonly requestCompression: CompressionSupport;
  /**
   * `method` on `path` (below `baseUrl`, query string included) with `body` as JSON. Resolves with the parsed answer
   * of a 2xx; rejects with a `SyncProblem` for anything else, including a 2xx that is not the server's JSON.
   */
  json(
    method: string,
    path: string,
    body?: unknown,
    headers?: Readonly<Record<string, string>>,
    options?: { readonly signal?: AbortSignal | undefined },
  ): Promise<CouchJsonReply>;
  /**
   * For attachments: resolves with every HTTP answer, error statuses included (`problemOf` words them); rejects with
   * a `SyncProblem` only when no complete answer arrived or the sign-in before it failed. The body goes as given
   * unless `compress` is set (a `content-encoding` header means the caller encoded it already).
   */
  raw(method: string, path: string, options?: CouchRawOptions): Promise<CouchRawReply>;
  /** The `SyncProblem` for a `raw` answer that is not a success. */
  problemOf(method: string, path: string, reply: CouchRawReply): SyncProblem;
  /**
   * An `HttpFetch` for RxDB's CouchDB replication: the same sign-in, compression and retry, and a buffered `Response`
   * for a 2xx JSON answer. Rejects with a `SyncProblem` for any other answer, since RxDB reads bodies without looking
   * at the status.
   */
  readonly fetch: HttpFetch;
  /** Signs in with the held credentials (`POST /_session`); rejects with `unauthorized` on a wrong password. */
  signIn(): Promise<CouchSession>;
  /** Ends the session on the server (best effort) and forgets the cookie. */
  signOut(): Promise<void>;
}

interface Outgoing {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | undefined;
  readonly signal?: AbortSignal | undefined;
  /** May the body be gzip-compressed (when large enough and accepted)? */
  readonly compress: boolean;
}

/**
 * Creates the client for one server. Throws `AppFailure('invalid-input')` when `baseUrl` is not an http(s) address or
 * carries a user name or password (they would leak into logs; use `credentials`).
 */
export function createCouchHttp(options: CouchHttpOptions): CouchHttp {
  const base = normaliseBaseUrl(options.baseUrl);
  const host = base.host;
  const sessionUrl = new URL('_session', base);
  const credentials = options.credentials;
  let cookie: string | undefined;
  let basicAuth: string | undefined;
  let signingIn: Promise<CouchSession> | undefined;
  // Read through a function: absorbCookies() sets `cookie` behind the compiler's back.
  const hasCookie = () => cookie !== undefined;

  const labelOf = (method: string, url: URL): RequestLabel => ({ host, request: `${method} ${url.pathname}` });
  const onServer = (url: URL) => url.origin === base.origin && url.pathname.startsWith(base.pathname);
  // A problem from sign-in passes through the request that needed it: log and tell once.
  const reported = new WeakSet<SyncProblem>();
  const report = (problem: SyncProblem): SyncProblem => {
    if (reported.has(problem)) return problem;
    reported.add(problem);
    options.logger?.log('warn', `sync http: ${problem.message}`, problem.toLogDetail());
    options.onProblem?.(problem);
    return problem;
  };
  const send = (outgoing: Outgoing, headers: Readonly<Record<string, string>>, body: string | Uint8Array | undefined) =>
    exchange(
      { fetch: options.fetch, timeoutMs: options.timeoutMs, logger: options.logger, label: labelOf(outgoing.method, outgoing.url) },
      { url: outgoing.url.href, method: outgoing.method, headers, body, signal: outgoing.signal },
    );

  const compression = createRequestCompression(async (database) => {
    const url = new URL(`${database}/_all_docs`, base);
    try {
      const body = await gzipAsync(JSON.stringify({ keys: [] }));
      const answer = await send({ method: 'POST', url, headers: {}, compress: false }, withAuth(url, probeHeaders), body);
      if (answer.status === 400 || answer.status === 415) return 'no';
      if (answer.status < 200 || answer.status >= 300) return 'unknown';
      const parsed = tryParseJson(textOf(answer.body));
      return typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { rows?: unknown }).rows) ? 'yes' : 'unknown';
    } catch {
      // No answer says nothing about gzip; the next large body probes again.
      return 'unknown';
    }
  }, options.logger);

  function withAuth(url: URL, headers: Readonly<Record<string, string>>): Record<string, string> {
    const all: Record<string, string> = options.acceptGzip === false ? { ...headers } : { 'accept-encoding': 'gzip', ...headers };
    if (!onServer(url)) return all;
    if (cookie !== undefined) all.cookie = cookie;
    else if (basicAuth !== undefined) all.authorization = basicAuth;
    return all;
  }

  function absorbCookies(url: URL, answer: WireResponse): void {
    if (!onServer(url)) return;
    for (const line of answer.setCookies) {
      const match = /^\s*AuthSession=([^;]*)/i.exec(line);
      if (match === null) continue;
      cookie = match[1] === undefined || match[1] === '' ? undefined : `AuthSession=${match[1]}`;
    }
  }

  async function encode(outgoing: Outgoing): Promise<{ body: string | Uint8Array | undefined; gzipped: boolean }> {
    const plain = { body: outgoing.body, gzipped: false };
    if (!outgoing.compress || outgoing.body === undefined || options.compressRequests === false) return plain;
    if ('content-encoding' in outgoing.headers || byteLengthOf(outgoing.body) < MIN_COMPRESSED_BODY_BYTES) return plain;
    if (!(await compression.accepts(databaseOf(base, outgoing.url)))) return plain;
    return { body: await gzipAsync(outgoing.body), gzipped: true };
  }

  /** Sends with auth and compression; re-signs in once on a 401; resends plain once when gzip was refused. */
  async function perform(outgoing: Outgoing): Promise<WireResponse> {
    const isSession = outgoing.url.pathname === sessionUrl.pathname;
    if (credentials !== undefined && cookie === undefined && basicAuth === undefined && onServer(outgoing.url) && !isSession) {
      await signIn();
    }
    const encoded = await encode(outgoing);
    const attempt = async (body: string | Uint8Array | undefined, gzipped: boolean) => {
      const headers = gzipped ? { ...outgoing.headers, 'content-encoding': 'gzip' } : outgoing.headers;
      const answer = await send(outgoing, withAuth(outgoing.url, headers), body);
      absorbCookies(outgoing.url, answer);
      return answer;
    };
    let answer = await attempt(encoded.body, encoded.gzipped);
    if (answer.status === 401 && credentials !== undefined && onServer(outgoing.url) && !isSession) {
      cookie = undefined;
      basicAuth = undefined;
      await signIn();
      answer = await attempt(encoded.body, encoded.gzipped);
    }
    if (encoded.gzipped && (answer.status === 400 || answer.status === 415)) {
      const plain = await attempt(outgoing.body, false);
      if (plain.status !== 400 && plain.status !== 415) compression.refuse(labelOf(outgoing.method, outgoing.url).request);
      answer = plain;
    }
    return answer;
  }

  /** The problem for a non-2xx answer, with CouchDB's reason when the body has one. */
  function problemFromAnswer(method: string, url: URL, status: number, headers: Headers, body: Uint8Array): SyncProblem {
    const couch = couchErrorOf(tryParseJson(textOf(body)));
    return problemFromStatus(status, couch, labelOf(method, url), retryAfterMsOf(headers.get('retry-after'), Date.now()));
  }

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error: unknown) {
      if (error instanceof SyncProblem) throw report(error);
      throw error;
    }
  }

  async function startSignIn(held: CouchCredentials): Promise<CouchSession> {
    const body = JSON.stringify({ name: held.name, password: held.password });
    const outgoing: Outgoing = { method: 'POST', url: sessionUrl, headers: jsonHeaders, compress: false };
    const answer = await send(outgoing, withAuth(sessionUrl, jsonHeaders), body);
    cookie = undefined;
    basicAuth = undefined;
    absorbCookies(sessionUrl, answer);
    if (answer.status < 200 || answer.status >= 300) {
      throw problemFromAnswer('POST', sessionUrl, answer.status, answer.headers, answer.body);
    }
    const session = sessionOf(parseJsonAnswer(answer, sessionUrl, labelOf('POST', sessionUrl)));
    if (!hasCookie()) {
      // Some fetch implementations hide Set-Cookie; CouchDB also takes basic auth on every request.
      basicAuth = `Basic ${Buffer.from(`${held.name}:${held.password}`).toString('base64')}`;
      options.logger?.log('info', 'sync http: no session cookie was readable; using basic authentication', { host });
    }
    return session;
  }

  /** Concurrent callers share one sign-in. */
  function signIn(): Promise<CouchSession> {
    return guarded(async () => {
      if (credentials === undefined) {
        throw new SyncProblem('unauthorized', `No user name and password are set for ${host}. Sign in first.`);
      }
      signingIn ??= startSignIn(credentials).finally(() => {
        signingIn = undefined;
      });
      return signingIn;
    });
  }

  const resolve = (path: string) => resolveOn(base, path);

  return {
    baseUrl: base.href,
    get requestCompression() {
      return compression.support;
    },
    json: (method, path, body, headers = {}, requestOptions = {}) =>
      guarded(async () => {
        const url = resolve(path);
        const label = labelOf(method, url);
        const text = body === undefined ? undefined : stringify(body, label);
        const all = { ...(text === undefined ? { accept: 'application/json' } : jsonHeaders), ...lowerCased(headers) };
        const answer = await perform({ method, url, headers: all, body: text, signal: requestOptions.signal, compress: true });
        if (answer.status < 200 || answer.status >= 300) {
          throw problemFromAnswer(method, url, answer.status, answer.headers, answer.body);
        }
        return { status: answer.status, headers: recordOf(answer.headers), body: parseJsonAnswer(answer, url, label) };
      }),
    raw: (method, path, rawOptions = {}) =>
      guarded(async () => {
        const answer = await perform({
          method,
          url: resolve(path),
          headers: lowerCased(rawOptions.headers ?? {}),
          body: rawOptions.body,
          signal: rawOptions.signal,
          compress: rawOptions.compress === true,
        });
        return { status: answer.status, headers: recordOf(answer.headers), body: answer.body };
      }),
    problemOf: (method, path, reply) => {
      const url = resolve(path);
      const headers = new Headers(Object.entries(reply.headers));
      return problemFromAnswer(method, url, reply.status, headers, reply.body);
    },
    fetch: (input, init = {}) =>
      guarded(async () => {
        const url = resolve(input);
        const method = (init.method ?? 'GET').toUpperCase();
        const headers = { accept: 'application/json', ...lowerCased(headersOf(init.headers)) };
        const body = bodyOf(init.body, labelOf(method, url));
        const answer = await perform({ method, url, headers, body, signal: init.signal ?? undefined, compress: true });
        if (answer.status < 200 || answer.status >= 300) {
          throw problemFromAnswer(method, url, answer.status, answer.headers, answer.body);
        }
        verifyJsonAnswer(method, answer, url, labelOf(method, url));
        return bufferedResponse(answer);
      }),
    signIn,
    signOut: async () => {
      const held = cookie;
      cookie = undefined;
      basicAuth = undefined;
      if (held === undefined) return;
      try {
        await send({ method: 'DELETE', url: sessionUrl, headers: {}, compress: false }, { cookie: held, accept: 'application/json' }, undefined);
      } catch (error: unknown) {
        options.logger?.log('info', 'sync http: sign-out did not reach the server; the session will expire by itself', {
          host,
          cause: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
}

const jsonHeaders: Readonly<Record<string, string>> = { accept: 'application/json', 'content-type': 'application/json' };
const probeHeaders: Readonly<Record<string, string>> = { ...jsonHeaders, 'content-encoding': 'gzip' };

function sessionOf(body: unknown): CouchSession {
  const record = typeof body === 'object' && body !== null ? (body as { name?: unknown; roles?: unknown }) : {};
  const roles = Array.isArray(record.roles) ? record.roles.filter((role): role is string => typeof role === 'string') : [];
  return { name: typeof record.name === 'string' ? record.name : null, roles };
}
