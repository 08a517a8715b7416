import type { HttpFetch, Logger } from '../../ports';
import { isSocketClosed, problemFromError, type RequestLabel } from './classify-failure';
import { describeCause, SyncProblem } from './sync-problem';

/** One request as it goes on the wire: headers in lower case, a body that can be sent twice. */
export interface WireRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** A complete answer: the status, the headers, and the whole body (already decoded from gzip by fetch). */
export interface WireResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly setCookies: readonly string[];
  readonly body: Uint8Array;
  /** The URL that answered, after redirects ('' when fetch did not say). */
  readonly url: string;
}

export interface ExchangeContext {
  readonly fetch: HttpFetch;
  /** The longest wait for any sign of life: the headers, or the next piece of the body. */
  readonly timeoutMs: number;
  readonly logger?: Logger | undefined;
  readonly label: RequestLabel;
}

/**
 * Sends `request` and reads the whole answer. Retries once, at once, when fetch fails because the server closed the
 * connection before answering (a kept-alive socket it had timed out: ARCHITECTURE.md, "Constraints"); the pool has
 * dropped that socket by then, so the retry goes out on a fresh one.
 *
 * The timeout is one of inactivity, not of the whole exchange: a long-poll `_changes` that sends heartbeats, or a
 * large answer trickling over a thin link, is not cut as long as bytes keep coming.
 *
 * Resolves for every HTTP status. Rejects only with a `SyncProblem`: `cancelled` when `request.signal` aborts,
 * `unreachable` (and the like) when no answer came, `bad-response` when the answer was cut off mid-body.
 */
export async function exchange(context: ExchangeContext, request: WireRequest): Promise<WireResponse> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await exchangeOnce(context, request);
    } catch (error: unknown) {
      if (attempt === 1 && error instanceof NoAnswer && isSocketClosed(error.cause)) {
        context.logger?.log('info', 'sync http: the server closed the connection before answering; retrying once', {
          request: context.label.request,
          cause: describeCause(error.cause),
        });
        continue;
      }
      throw error instanceof NoAnswer ? problemFromError(error.cause, context.label) : error;
    }
  }
}

/** Fetch rejected before any answer: the caller decides between one retry and a `SyncProblem`. */
class NoAnswer extends Error {
  constructor(cause: unknown) {
    super('no answer', { cause });
  }
}

async function exchangeOnce(context: ExchangeContext, request: WireRequest): Promise<WireResponse> {
  const { label } = context;
  const cancelled = () => new SyncProblem('cancelled', `The request to ${label.host} was stopped.`, { request: label.request });
  // A function, not a narrowed property: the signal may abort while we await.
  const callerAborted = () => request.signal?.aborted === true;
  if (callerAborted()) throw cancelled();

  const controller = new AbortController();
  // An object, so the compiler does not take the `false` it starts with as the value it always has.
  const watch = { timedOut: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      watch.timedOut = true;
      controller.abort();
    }, context.timeoutMs);
  };
  const forwardAbort = () => {
    controller.abort();
  };
  request.signal?.addEventListener('abort', forwardAbort, { once: true });
  const stalled = (cause: unknown) =>
    new SyncProblem('unreachable', `${label.host} stopped answering (nothing for ${Math.round(context.timeoutMs / 1000)} s).`, {
      request: label.request,
      cause,
    });

  try {
    arm();
    let response: Response;
    try {
      response = await context.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: asBodyInit(request.body),
        signal: controller.signal,
        redirect: 'follow',
      });
    } catch (error: unknown) {
      if (callerAborted()) throw cancelled();
      if (watch.timedOut) throw stalled(error);
      throw new NoAnswer(error);
    }
    arm();

    let body: Uint8Array;
    try {
      body = await readAll(response, arm);
    } catch (error: unknown) {
      if (callerAborted()) throw cancelled();
      if (watch.timedOut) throw stalled(error);
      throw new SyncProblem('bad-response', `The answer from ${label.host} was cut off before its end.`, {
        status: response.status,
        request: label.request,
        cause: error,
      });
    }
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      setCookies: setCookiesOf(response.headers),
      body,
      url: response.url,
    };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', forwardAbort);
  }
}

/**
 * A body fetch's typings accept: bytes over a plain ArrayBuffer (as everything this layer builds is); a view over
 * anything else is copied.
 */
export function asBodyInit<T extends string | Uint8Array | undefined>(body: T): Exclude<T, Uint8Array> | Uint8Array<ArrayBuffer> {
  if (!(body instanceof Uint8Array)) return body as Exclude<T, Uint8Array>;
  return body.buffer instanceof ArrayBuffer ? (body as Uint8Array<ArrayBuffer>) : new Uint8Array(body);
}

/** The whole body, calling `progress` after each piece so the inactivity timer restarts. */
async function readAll(response: Response, progress: () => void): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const pieces: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const read = await reader.read();
    if (read.done) break;
    // Node's typings leave the chunk `any`; fetch bodies are byte streams.
    const piece: unknown = read.value;
    if (!(piece instanceof Uint8Array)) throw new TypeError('fetch gave a body chunk that is not bytes');
    pieces.push(piece);
    total += piece.byteLength;
    progress();
  }
  if (pieces.length === 1 && pieces[0] !== undefined) return pieces[0];
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    whole.set(piece, offset);
    offset += piece.byteLength;
  }
  return whole;
}

/** Every `Set-Cookie` header (Node's Headers keeps them apart; an implementation without `getSetCookie` joins them). */
function setCookiesOf(headers: Headers): string[] {
  const getter: unknown = (headers as { getSetCookie?: unknown }).getSetCookie;
  if (typeof getter === 'function') return (getter as () => string[]).call(headers);
  const joined = headers.get('set-cookie');
  return joined === null ? [] : joined.split(/,(?=\s*[A-Za-z0-9_-]+=)/);
}
