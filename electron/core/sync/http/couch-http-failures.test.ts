import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordingLogger } from '../../testing/test-ports';
import { createCouchHttp, type CouchHttpOptions } from './couch-http';
import { createNodeHttpFetch, type NodeHttpFetch } from './node-http-fetch';
import { SyncProblem, type SyncProblemKind } from './sync-problem';
import { closedPort, sendJson, startTestServer, startTlsTestServer, type ReceivedRequest, type TestServer } from './test-server';

let http: NodeHttpFetch;
const servers: TestServer[] = [];

beforeAll(() => {
  http = createNodeHttpFetch({});
});
afterAll(async () => {
  await http.close();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function serve(handler: (request: ReceivedRequest, response: ServerResponse) => void): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

function client(url: string, extra: Partial<CouchHttpOptions> = {}) {
  return createCouchHttp({ fetch: http.fetch, baseUrl: url, timeoutMs: 10_000, ...extra });
}

async function problemOf(promise: Promise<unknown>): Promise<SyncProblem> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof SyncProblem) return error;
    throw new Error(`expected a SyncProblem, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a SyncProblem, got a success');
}

/** Waits (boundedly) until the server has received `count` requests. */
async function receivedAtLeast(server: TestServer, count: number): Promise<void> {
  for (let round = 0; round < 500 && server.received.length < count; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(server.received.length).toBeGreaterThanOrEqual(count);
}

describe('a connection the server closed before answering', () => {
  it('is retried once on a fresh connection, and the caller sees only the answer', async () => {
    let cuts = 1;
    const server = await serve((request, response) => {
      if (cuts > 0) {
        cuts -= 1;
        response.socket?.destroy();
        return;
      }
      sendJson(request, response, 201, [{ ok: true, id: 'contact-1', rev: '1-a' }]);
    });
    const logger = recordingLogger();
    const reply = await client(server.url, { logger }).json('POST', 'focal-contacts/_bulk_docs', { docs: [{ _id: 'contact-1' }] });
    expect(reply.body).toEqual([{ ok: true, id: 'contact-1', rev: '1-a' }]);
    expect(server.received.map((request) => request.body)).toEqual([
      '{"docs":[{"_id":"contact-1"}]}',
      '{"docs":[{"_id":"contact-1"}]}',
    ]);
    expect(logger.entries.some((entry) => entry.message.includes('retrying once'))).toBe(true);
  });

  it('is retried only once: a second cut is reported as unreachable', async () => {
    const server = await serve((_request, response) => {
      response.socket?.destroy();
    });
    const problem = await problemOf(client(server.url).json('GET', 'focal-contacts'));
    expect(problem.kind).toBe('unreachable');
    expect(problem.message).toMatch(/was cut before it answered/);
    expect(problem.retryable).toBe(true);
    expect(server.received).toHaveLength(2);
  });
});

describe('no server at all', () => {
  it('says the connection was refused', async () => {
    const port = await closedPort();
    const problem = await problemOf(client(`http://127.0.0.1:${port}/`).json('GET', 'focal-contacts'));
    expect(problem.kind).toBe('unreachable');
    expect(problem.message).toBe(`127.0.0.1:${port} refused the connection: the server may be down or the address wrong.`);
    expect(problem.request).toBe('GET /focal-contacts');
  });

  it('names an untrusted certificate as such', async () => {
    const server = await startTlsTestServer((request, response) => {
      sendJson(request, response, 200, {});
    });
    servers.push(server);
    const problem = await problemOf(client(server.url).json('GET', ''));
    expect(problem.kind).toBe('certificate');
    expect(problem.message).toMatch(/certificate of 127\.0\.0\.1:\d+ is not trusted/);
    expect(problem.retryable).toBe(false);
  });
});

describe('error statuses', () => {
  const cases: [number, Record<string, string>, SyncProblemKind, RegExp][] = [
    [403, { error: 'forbidden', reason: 'Only the author may change this record.' }, 'forbidden', /no permission.*Only the author/],
    [404, { error: 'not_found', reason: 'Database does not exist.' }, 'not-found', /has no such database or document/],
    [409, { error: 'conflict', reason: 'Document update conflict.' }, 'conflict', /changed on the server/],
    [413, { error: 'too_large', reason: 'the request entity is too large' }, 'too-large', /over the server's size limit/],
    [400, { error: 'bad_request', reason: 'Invalid rev format' }, 'rejected', /refused the request \(HTTP 400\): Invalid rev format/],
    [500, { error: 'internal_server_error', reason: 'boom' }, 'server-error', /had a problem \(HTTP 500\)/],
    [503, { error: 'service_unavailable', reason: 'maintenance' }, 'server-error', /HTTP 503/],
    [511, {}, 'captive-portal', /sign-in first/],
  ];

  // 407 is not here: Node's fetch turns a 407 from anything but its configured proxy into a bare network error (the
  // fetch standard's "no-window" rule); node-http-fetch.test.ts covers the proxy's 407 and classify-failure.test.ts
  // the status as other fetch implementations pass it on.
  it.each(cases)('%i becomes %s… in plain words', async (status, body, kind, message) => {
    const server = await serve((request, response) => {
      sendJson(request, response, status, body);
    });
    const problem = await problemOf(client(server.url).json('GET', 'focal-contacts/contact-1'));
    expect(problem.kind).toBe(kind);
    expect(problem.status).toBe(status);
    expect(problem.message).toMatch(message);
    if (body.reason !== undefined) expect(problem.reason).toBe(body.reason);
  });

  it('keeps how long the server asked to wait', async () => {
    const server = await serve((request, response) => {
      sendJson(request, response, 503, { error: 'unavailable' }, { 'retry-after': '120' });
    });
    const problem = await problemOf(client(server.url).json('GET', 'focal-contacts'));
    expect(problem.retryAfterMs).toBe(120_000);
  });

  it('reads an error page that is not JSON without failing on it', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body>Bad gateway</body></html>');
    });
    const problem = await problemOf(client(server.url).json('GET', 'focal-contacts'));
    expect(problem.kind).toBe('server-error');
    expect(problem.reason).toBeUndefined();
  });
});

describe('answers that are not the server', () => {
  it('a 200 login page is a captive portal', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Hotel Wi-Fi</title><form>Room number</form>');
    });
    const problem = await problemOf(client(server.url).json('GET', 'focal-contacts/_changes'));
    expect(problem.kind).toBe('captive-portal');
    expect(problem.message).toMatch(/A web page answered instead of 127\.0\.0\.1:\d+/);
    const viaFetch = await problemOf(client(server.url).fetch(`${server.url}focal-contacts/_changes`));
    expect(viaFetch.kind).toBe('captive-portal');
  });

  it('a 200 in plain text that is not JSON is a captive portal too', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('Please accept the terms of use.');
    });
    expect((await problemOf(client(server.url).json('GET', 'focal-contacts'))).kind).toBe('captive-portal');
  });

  it('a redirect to another site is a captive portal, whatever it then answers', async () => {
    const portal = await serve((request, response) => {
      sendJson(request, response, 200, { total_rows: 0, rows: [] });
    });
    const server = await serve((_request, response) => {
      response.writeHead(302, { location: `${portal.url}login` });
      response.end();
    });
    expect((await problemOf(client(server.url).json('GET', 'focal-contacts/_all_docs'))).kind).toBe('captive-portal');
  });
});

describe('answers cut off or unreadable', () => {
  it('JSON that stops half-way is a bad response, not a SyntaxError', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"results":[{"id":"contact-1","changes":[');
    });
    const problem = await problemOf(client(server.url).json('GET', 'focal-contacts/_changes'));
    expect(problem.kind).toBe('bad-response');
    expect(problem.retryable).toBe(true);
    const viaFetch = await problemOf(client(server.url).fetch(`${server.url}focal-contacts/_changes`));
    expect(viaFetch.kind).toBe('bad-response');
  });

  it('a connection closed mid-body is a bad response, and is not sent again', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"results":[', () => response.socket?.destroy());
    });
    const problem = await problemOf(client(server.url).json('GET', 'focal-contacts/_changes'));
    expect(problem.kind).toBe('bad-response');
    expect(problem.message).toMatch(/cut off before its end/);
    expect(server.received).toHaveLength(1);
  });

  it('an empty 200 where JSON was expected is a bad response', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end();
    });
    expect((await problemOf(client(server.url).json('GET', 'focal-contacts'))).kind).toBe('bad-response');
  });
});

describe('waiting', () => {
  it('gives up on a server that accepts the request and never answers', async () => {
    const server = await serve(() => {
      // Never answers.
    });
    const problem = await problemOf(client(server.url, { timeoutMs: 300 }).json('GET', 'focal-contacts'));
    expect(problem.kind).toBe('unreachable');
    expect(problem.message).toMatch(/stopped answering/);
  });

  it('keeps waiting while a long poll sends heartbeats, however long the whole answer takes', async () => {
    const beats = 12;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < beats) {
          response.write('\n');
          sent += 1;
          return;
        }
        clearInterval(timer);
        response.end('{"results":[],"last_seq":"7-x"}\n');
      }, 100);
    });
    // Twelve heartbeats 100 ms apart outlast a 1 s inactivity timeout taken as a total.
    const reply = await client(server.url, { timeoutMs: 1_000 }).json('GET', 'focal-contacts/_changes?feed=longpoll&heartbeat=100');
    expect(reply.body).toEqual({ results: [], last_seq: '7-x' });
  });

  it('stops when the caller aborts, as cancelled', async () => {
    const server = await serve(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const pending = client(server.url).json('GET', 'focal-contacts', undefined, {}, { signal: controller.signal });
    await receivedAtLeast(server, 1);
    controller.abort();
    const problem = await problemOf(pending);
    expect(problem.kind).toBe('cancelled');
    expect(problem.retryable).toBe(false);
  });
});
