import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Real HTTP servers on 127.0.0.1 for the HTTP layer's tests: each test writes the few lines of server behaviour it
 * needs (a CouchDB answer, a login page, a cut connection) and reads back what arrived.
 */

/** A request as the server received it, its body decoded from gzip when it was sent so. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** The body as sent on the wire. */
  readonly wireBody: Buffer;
  /** The body after undoing `Content-Encoding: gzip`. */
  readonly body: string;
}

export type TestHandler = (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>/` (https for `startTlsTestServer`). */
  readonly url: string;
  readonly origin: string;
  readonly received: readonly ReceivedRequest[];
  stop(): Promise<void>;
}

/** Starts a plain-http server running `handler` for every request. */
export function startTestServer(handler: TestHandler): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  return listen(createServer(listenerFor(handler, received)), 'http', received);
}

/** A TLS server with a self-signed certificate no client trusts, for certificate failures. */
export function startTlsTestServer(handler: TestHandler): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  return listen(createTlsServer({ key: UNTRUSTED_KEY, cert: UNTRUSTED_CERT }, listenerFor(handler, received)), 'https', received);
}

function listenerFor(handler: TestHandler, received: ReceivedRequest[]) {
  return (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const wireBody = Buffer.concat(chunks);
      const gzipped = request.headers['content-encoding'] === 'gzip';
      let body: string;
      try {
        body = (gzipped ? gunzipSync(wireBody) : wireBody).toString('utf8');
      } catch {
        body = '<not gzip>';
      }
      const entry: ReceivedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers, wireBody, body };
      received.push(entry);
      await handler(entry, response);
    })().catch(() => {
      response.destroy();
    });
  };
}

async function listen(server: NetServer & { closeAllConnections(): void }, scheme: string, received: readonly ReceivedRequest[]): Promise<TestServer> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `${scheme}://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    received,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

/** Answers `value` as JSON; gzip-compressed when the request asked for it (as CouchDB does). */
export function sendJson(
  request: ReceivedRequest,
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string | string[]>> = {},
): void {
  const text = Buffer.from(JSON.stringify(value));
  const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const body = gzip ? gzipSync(text) : text;
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(body.length),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    ...headers,
  });
  response.end(body);
}

/** A port on 127.0.0.1 where nothing listens (a server was started there and stopped). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

// A throwaway self-signed certificate for 127.0.0.1, valid until 2126; its key protects nothing.
const UNTRUSTED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgE8sFMNJoKO04ZWk7
88NzEdWiBBKMsmGyhNPUp2btMt6hRANCAASOlWjljT0yg9QZSJ1Niw2Md9i0hqC3
X9mKgi4jB9PetI6J/A5v0fM5wxb0LzXm394Egq26X8Wia8kKMxkLgHBA
-----END PRIVATE KEY-----
`;
const UNTRUSTED_CERT = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUPTqkHjgcxLjjrgyl3H5z4cgI4f8wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyODA4NTgyOFoYDzIxMjYxMTA0
MDg1ODI4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASOlWjljT0yg9QZSJ1Niw2Md9i0hqC3X9mKgi4jB9PetI6J/A5v0fM5
wxb0LzXm394Egq26X8Wia8kKMxkLgHBAo28wbTAdBgNVHQ4EFgQUEIKaED9iBZ4q
GzYKmkphLONLGMwwHwYDVR0jBBgwFoAUEIKaED9iBZ4qGzYKmkphLONLGMwwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDRwAwRAIgUZbik8F4ylXf9QRfVbs+RsQMXxdJLmcuyWddNuylUo0CIAzT
TZuNKenALbwRUd4GSI74UF6oR4bZgQEGg4JYoHZa
-----END CERTIFICATE-----
`;
