import { once } from 'node:events';
import { Agent, createServer, request as forwardRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A reverse proxy on 127.0.0.1 between a sync client and its server, for tests of a link that keeps failing. It
 * forwards every request to the target unchanged, except those a scripted rule picks, which it breaks in one of a few
 * ways; and it counts the body bytes each way per request, so a test can prove what was (not) sent again.
 *
 * Deterministic: rules apply in order to the Nth matching requests, never at random and never on a timer. Bounded:
 * every rule applies a finite number of times, and `stop()` ends everything still open.
 */

/** What a rule does to a request it picks. */
export type Fault =
  /**
   * Closes the client's connection without an answer: `before-forward` the server never sees the request;
   * `after-forward` the server handles it (a write is applied) and only the answer is lost.
   */
  | { readonly kind: 'drop'; readonly when: 'before-forward' | 'after-forward' }
  /**
   * Forwards, then sends the status, the server's headers (its Content-Length included) and at most `afterBytes` bytes
   * of the body — never all of it — and closes the connection. The answer is read whole first: not for long polls.
   */
  | { readonly kind: 'truncate'; readonly afterBytes: number }
  /**
   * Answers `status` (500, 503, 409, 413…) with a CouchDB-style JSON error, or `body` as `contentType`. With
   * `forward`, the server handles the request first and its answer is replaced.
   */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly forward?: boolean;
      readonly body?: string;
      readonly contentType?: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Answers an HTML sign-in page, as a hotel's captive portal does; 200 unless `status` says otherwise. */
  | { readonly kind: 'html'; readonly status?: number }
  /** Never answers (until the client gives up or the proxy stops): for timeouts. */
  | { readonly kind: 'stall' };

/** Which requests a fault hits: the (`skip`+1)th to the (`skip`+`times`)th request matching `method` and `path`. */
export interface FaultRule {
  /** Any method when absent; compared case-insensitively. */
  readonly method?: string;
  /** Tested against the request's path with its query string (`/focal-contacts/_changes?since=0…`). */
  readonly path: RegExp;
  readonly fault: Fault;
  /** Matching requests let through before the fault starts (default 0). */
  readonly skip?: number;
  /** How many matching requests it breaks (default 1, at most 1000). */
  readonly times?: number;
}

/** One request that reached the proxy. Bytes are body bytes on the wire (compressed when the body was). */
export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  /** The status the client got, or the server's for `drop after-forward`; null when there was none. */
  status: number | null;
  requestBytes: number;
  /** Body bytes sent to the client. */
  responseBytes: number;
  readonly fault: Fault['kind'] | null;
}

/** Totals over the requests a filter selects. */
export interface TrafficCount {
  readonly requests: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>/`: give this to the client instead of the server's URL. */
  readonly url: string;
  /** Replaces the rules (an empty list lets everything through). Throws on a rule that is not bounded. */
  script(rules: readonly FaultRule[]): void;
  /** Rules that have not yet applied as many times as they should (a test can assert every fault fired). */
  pending(): readonly FaultRule[];
  /** Every request so far, in arrival order. */
  readonly requests: readonly ProxiedRequest[];
  /** Totals for requests whose path (with query) matches `path` and, when given, whose method is `method`. */
  counters(path?: RegExp, method?: string): TrafficCount;
  /** Closes every connection (stalled ones included) and stops listening. */
  stop(): Promise<void>;
}

interface ActiveRule {
  readonly rule: FaultRule;
  readonly path: RegExp;
  readonly skip: number;
  readonly times: number;
  seen: number;
  fired: number;
}

const MAX_TIMES = 1000;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

const LOGIN_PAGE = `<!doctype html>
<html><head><title>Guest Wi-Fi</title></head>
<body><form method="post" action="/login"><p>Accept the terms to use the Internet.</p><button>Connect</button></form></body></html>
`;

/** Starts the proxy in front of `targetOrigin` (`http://127.0.0.1:5984`; plain http only). */
export async function startFaultProxy(targetOrigin: string): Promise<FaultProxy> {
  const target = new URL(targetOrigin);
  if (target.protocol !== 'http:') throw new Error(`The fault proxy forwards to http:// targets only, not ${targetOrigin}.`);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const log: ProxiedRequest[] = [];
  const stalled = new Set<ServerResponse>();
  let rules: ActiveRule[] = [];

  function pick(method: string, path: string): ActiveRule | undefined {
    let chosen: ActiveRule | undefined;
    for (const active of rules) {
      if (active.rule.method !== undefined && active.rule.method.toUpperCase() !== method) continue;
      if (!active.path.test(path)) continue;
      active.seen += 1;
      if (chosen === undefined && active.seen > active.skip && active.fired < active.times) {
        active.fired += 1;
        chosen = active;
      }
    }
    return chosen;
  }

  /** Sends the request on to the target; resolves with its answer's head, the body still to be read. */
  function forward(request: IncomingMessage, body: Buffer): Promise<IncomingMessage> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    headers.host = target.host;
    headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const outgoing = forwardRequest(
        { host: target.hostname, port: target.port, method: request.method, path: request.url, headers, agent },
        resolve,
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  async function readAll(stream: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  function reply(
    response: ServerResponse,
    entry: ProxiedRequest,
    status: number,
    type: string,
    body: string,
    extra: Readonly<Record<string, string>> = {},
  ): void {
    const bytes = Buffer.from(body);
    entry.status = status;
    entry.responseBytes = bytes.length;
    response.writeHead(status, { 'content-type': type, 'content-length': String(bytes.length), ...extra });
    response.end(bytes);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const path = request.url ?? '/';
    const active = pick(method, path);
    const fault = active?.rule.fault;
    const entry: ProxiedRequest = { method, path, status: null, requestBytes: 0, responseBytes: 0, fault: fault?.kind ?? null };
    log.push(entry);
    const body = await readAll(request);
    entry.requestBytes = body.length;

    if (fault === undefined) {
      const answer = await forward(request, body);
      entry.status = answer.statusCode ?? 502;
      response.writeHead(entry.status, responseHeaders(answer.headers));
      answer.on('data', (chunk: Buffer) => {
        entry.responseBytes += chunk.length;
      });
      answer.on('error', () => response.destroy());
      answer.pipe(response);
      return;
    }
    switch (fault.kind) {
      case 'drop': {
        if (fault.when === 'after-forward') {
          const answer = await forward(request, body);
          entry.status = answer.statusCode ?? null;
          await readAll(answer);
        }
        response.socket?.destroy();
        return;
      }
      case 'truncate': {
        const answer = await forward(request, body);
        const whole = await readAll(answer);
        const cut = whole.subarray(0, Math.max(0, Math.min(fault.afterBytes, whole.length - 1)));
        entry.status = answer.statusCode ?? 502;
        entry.responseBytes = cut.length;
        const headers = responseHeaders(answer.headers);
        // Announce the whole body, so the client knows it was cut rather than short.
        headers['content-length'] = String(whole.length);
        response.writeHead(entry.status, headers);
        // Headers first on their own, so even a cut at byte 0 is a started answer rather than no answer.
        response.flushHeaders();
        // end() flushes what is buffered before closing; destroy() only once the cut part is out.
        if (cut.length === 0) response.socket?.end();
        else response.write(cut, () => response.socket?.destroy());
        return;
      }
      case 'status': {
        if (fault.forward === true) await readAll(await forward(request, body));
        const text = fault.body ?? JSON.stringify({ error: errorNameOf(fault.status), reason: 'Injected by the fault proxy.' });
        reply(response, entry, fault.status, fault.contentType ?? 'application/json', text, fault.headers);
        return;
      }
      case 'html':
        reply(response, entry, fault.status ?? 200, 'text/html; charset=utf-8', LOGIN_PAGE);
        return;
      case 'stall':
        stalled.add(response);
        response.on('close', () => stalled.delete(response));
        return;
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // The target went away or the client hung up: end this exchange without an answer, as a broken link would.
      response.destroy();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    script(next) {
      rules = next.map((rule) => {
        const times = rule.times ?? 1;
        const skip = rule.skip ?? 0;
        if (!Number.isInteger(times) || times < 1 || times > MAX_TIMES) throw new Error(`A fault applies 1 to ${MAX_TIMES} times, not ${times}.`);
        if (!Number.isInteger(skip) || skip < 0) throw new Error(`A fault's skip is a whole number, not ${skip}.`);
        // A global or sticky RegExp keeps state between tests; a fresh one without those flags does not.
        return { rule, path: new RegExp(rule.path.source, rule.path.flags.replace(/[gy]/g, '')), skip, times, seen: 0, fired: 0 };
      });
    },
    pending: () => rules.filter((active) => active.fired < active.times).map((active) => active.rule),
    requests: log,
    counters(path, method) {
      const filter = path === undefined ? undefined : new RegExp(path.source, path.flags.replace(/[gy]/g, ''));
      let requests = 0;
      let requestBytes = 0;
      let responseBytes = 0;
      for (const entry of log) {
        if (filter !== undefined && !filter.test(entry.path)) continue;
        if (method !== undefined && entry.method !== method.toUpperCase()) continue;
        requests += 1;
        requestBytes += entry.requestBytes;
        responseBytes += entry.responseBytes;
      }
      return { requests, requestBytes, responseBytes };
    },
    async stop() {
      for (const response of stalled) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      agent.destroy();
    },
  };
}

/** The server's answer headers without the hop-by-hop ones (Node frames the body again for its own connection). */
function responseHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && (name === 'content-length' || !HOP_BY_HOP.has(name))) kept[name] = value;
  }
  return kept;
}

function errorNameOf(status: number): string {
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status >= 500) return 'internal_server_error';
  return 'bad_request';
}
