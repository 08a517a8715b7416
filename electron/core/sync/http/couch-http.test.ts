import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordingLogger } from '../../testing/test-ports';
import { createCouchHttp, type CouchHttpOptions, MIN_COMPRESSED_BODY_BYTES } from './couch-http';
import { createNodeHttpFetch, type NodeHttpFetch } from './node-http-fetch';
import { SyncProblem } from './sync-problem';
import { sendJson, startTestServer, type ReceivedRequest, type TestServer } from './test-server';

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

function client(server: TestServer, extra: Partial<CouchHttpOptions> = {}) {
  return createCouchHttp({ fetch: http.fetch, baseUrl: server.url, timeoutMs: 10_000, ...extra });
}

async function problemOf(promise: Promise<unknown>): Promise<SyncProblem> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof SyncProblem) return error;
    throw error;
  }
  throw new Error('expected a SyncProblem, got a success');
}

/** A CouchDB stand-in: `_session` sign-in for alice/secret, and every other path only with the current cookie. */
function couchWithSessions(options: { expireAfterUses?: number; gzip?: 'accept' | 'refuse' | 'refuse-on-bulk' } = {}) {
  let token = 0;
  let uses = 0;
  return (request: ReceivedRequest, response: ServerResponse) => {
    const gzipped = request.headers['content-encoding'] === 'gzip';
    if (gzipped && (options.gzip === 'refuse' || (options.gzip === 'refuse-on-bulk' && request.path.includes('_bulk_docs')))) {
      sendJson(request, response, 415, { error: 'bad_content_type', reason: 'gzip is not a supported content encoding.' });
      return;
    }
    if (request.path === '/_session' && request.method === 'POST') {
      const body = JSON.parse(request.body) as { name?: string; password?: string };
      if (body.name !== 'alice' || body.password !== 'secret') {
        sendJson(request, response, 401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
        return;
      }
      token += 1;
      uses = 0;
      sendJson(request, response, 200, { ok: true, name: 'alice', roles: ['focal-point'] }, {
        'set-cookie': [`AuthSession=token${token}; Version=1; Path=/; HttpOnly`],
      });
      return;
    }
    if (request.path === '/_session' && request.method === 'DELETE') {
      token += 1;
      sendJson(request, response, 200, { ok: true }, { 'set-cookie': ['AuthSession=; Version=1; Path=/; HttpOnly'] });
      return;
    }
    uses += 1;
    const expired = options.expireAfterUses !== undefined && uses > options.expireAfterUses;
    if (request.headers.cookie !== `AuthSession=token${token}` || expired) {
      sendJson(request, response, 401, { error: 'unauthorized', reason: 'You are not authorized to access this db.' });
      return;
    }
    if (request.path.endsWith('/_all_docs') && request.method === 'POST') {
      sendJson(request, response, 200, { total_rows: 0, offset: 0, rows: [] });
      return;
    }
    sendJson(request, response, request.method === 'POST' ? 201 : 200, { ok: true, path: request.path, echo: request.body.length });
  };
}

const paths = (server: TestServer) => server.received.map((request) => `${request.method} ${request.path}`);

describe('createCouchHttp: sign-in', () => {
  it('signs in before the first request and sends the session cookie, never the password, afterwards', async () => {
    const server = await serve(couchWithSessions());
    const couch = client(server, { credentials: { name: 'alice', password: 'secret' } });
    const reply = await couch.json('GET', 'focal-contacts');
    expect(reply.body).toEqual({ ok: true, path: '/focal-contacts', echo: 0 });
    expect(paths(server)).toEqual(['POST /_session', 'GET /focal-contacts']);
    const get = server.received[1]!;
    expect(get.headers.cookie).toBe('AuthSession=token1');
    expect(get.headers.authorization).toBeUndefined();
    expect(get.headers['accept-encoding']).toContain('gzip');
  });

  it('signs in again once when the session expired (401), then repeats the request', async () => {
    const server = await serve(couchWithSessions({ expireAfterUses: 1 }));
    const couch = client(server, { credentials: { name: 'alice', password: 'secret' } });
    await couch.json('GET', 'focal-contacts');
    const second = await couch.json('GET', 'focal-meetings');
    expect(second.status).toBe(200);
    expect(paths(server)).toEqual(['POST /_session', 'GET /focal-contacts', 'GET /focal-meetings', 'POST /_session', 'GET /focal-meetings']);
    expect(server.received[4]!.headers.cookie).toBe('AuthSession=token2');
  });

  it('says the password is wrong in plain words, once, and does not loop', async () => {
    const server = await serve(couchWithSessions());
    const problems: SyncProblem[] = [];
    const couch = client(server, { credentials: { name: 'alice', password: 'wrong' }, onProblem: (problem) => problems.push(problem) });
    const problem = await problemOf(couch.json('GET', 'focal-contacts'));
    expect(problem.kind).toBe('unauthorized');
    expect(problem.message).toMatch(/did not accept the user name or password/);
    expect(problem.retryable).toBe(false);
    expect(problems).toEqual([problem]);
    expect(paths(server)).toEqual(['POST /_session']);
  });

  it('reports the server refusing an anonymous client as unauthorized without signing in', async () => {
    const server = await serve(couchWithSessions());
    const problem = await problemOf(client(server).json('GET', 'focal-contacts'));
    expect(problem.kind).toBe('unauthorized');
    expect(paths(server)).toEqual(['GET /focal-contacts']);
  });

  it('signIn answers who the server says we are; signOut ends the session and the next request signs in anew', async () => {
    const server = await serve(couchWithSessions());
    const couch = client(server, { credentials: { name: 'alice', password: 'secret' } });
    expect(await couch.signIn()).toEqual({ name: 'alice', roles: ['focal-point'] });
    await couch.signOut();
    await couch.json('GET', 'focal-contacts');
    expect(paths(server)).toEqual(['POST /_session', 'DELETE /_session', 'POST /_session', 'GET /focal-contacts']);
    expect(server.received[1]!.headers.cookie).toBe('AuthSession=token1');
    expect(server.received[3]!.headers.cookie).toBe('AuthSession=token3');
  });

  it('never sends the cookie to another server, even through its own fetch', async () => {
    const couchServer = await serve(couchWithSessions());
    const elsewhere = await serve((request, response) => {
      sendJson(request, response, 200, { ok: true });
    });
    const couch = client(couchServer, { credentials: { name: 'alice', password: 'secret' } });
    await couch.signIn();
    await (await couch.fetch(`${elsewhere.url}x`)).json();
    expect(elsewhere.received[0]!.headers.cookie).toBeUndefined();
  });
});

describe('createCouchHttp: compressed request bodies', () => {
  const bigDocs = { docs: Array.from({ length: 40 }, (_, index) => ({ _id: `contact-${index}`, name: 'A name that repeats' })) };

  it('probes the database once, then sends large bodies gzip-compressed and small ones plain', async () => {
    const server = await serve(couchWithSessions({ gzip: 'accept' }));
    const logger = recordingLogger();
    const couch = client(server, { credentials: { name: 'alice', password: 'secret' }, logger });
    expect(JSON.stringify(bigDocs).length).toBeGreaterThan(MIN_COMPRESSED_BODY_BYTES);
    await couch.json('POST', 'focal-contacts/_bulk_docs', bigDocs);
    await couch.json('POST', 'focal-contacts/_bulk_docs', bigDocs);
    await couch.json('POST', 'focal-contacts/_bulk_docs', { docs: [] });
    expect(paths(server)).toEqual([
      'POST /_session',
      'POST /focal-contacts/_all_docs',
      'POST /focal-contacts/_bulk_docs',
      'POST /focal-contacts/_bulk_docs',
      'POST /focal-contacts/_bulk_docs',
    ]);
    const [, probe, first, second, small] = server.received;
    expect(probe!.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(probe!.body)).toEqual({ keys: [] });
    expect(first!.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(first!.body)).toEqual(bigDocs);
    expect(first!.wireBody.length).toBeLessThan(first!.body.length / 3);
    expect(second!.headers['content-encoding']).toBe('gzip');
    expect(small!.headers['content-encoding']).toBeUndefined();
    expect(couch.requestCompression).toBe('yes');
    expect(logger.entries.some((entry) => entry.message.includes('gzip-compressed'))).toBe(true);
  });

  it('falls back to plain bodies when the probe is refused', async () => {
    const server = await serve(couchWithSessions({ gzip: 'refuse' }));
    const couch = client(server, { credentials: { name: 'alice', password: 'secret' } });
    const reply = await couch.json('POST', 'focal-contacts/_bulk_docs', bigDocs);
    expect(reply.status).toBe(201);
    const bulk = server.received.filter((request) => request.path.endsWith('_bulk_docs'));
    expect(bulk.map((request) => request.headers['content-encoding'])).toEqual([undefined]);
    expect(couch.requestCompression).toBe('no');
  });

  it('resends plain once when a compressed body is refused (415) after a good probe, and stays plain', async () => {
    const server = await serve(couchWithSessions({ gzip: 'refuse-on-bulk' }));
    const couch = client(server, { credentials: { name: 'alice', password: 'secret' } });
    expect((await couch.json('POST', 'focal-contacts/_bulk_docs', bigDocs)).status).toBe(201);
    await couch.json('POST', 'focal-contacts/_bulk_docs', bigDocs);
    const bulk = server.received.filter((request) => request.path.endsWith('_bulk_docs'));
    expect(bulk.map((request) => request.headers['content-encoding'] ?? 'plain')).toEqual(['gzip', 'plain', 'plain']);
    expect(couch.requestCompression).toBe('no');
  });

  it('leaves bodies plain when compression is turned off', async () => {
    const server = await serve(couchWithSessions({ gzip: 'accept' }));
    const couch = client(server, { credentials: { name: 'alice', password: 'secret' }, compressRequests: false });
    await couch.json('POST', 'focal-contacts/_bulk_docs', bigDocs);
    expect(server.received.every((request) => request.headers['content-encoding'] === undefined)).toBe(true);
    expect(couch.requestCompression).toBe('unknown');
  });
});

describe('createCouchHttp: raw and fetch', () => {
  it('raw resolves with any status and the decoded body; problemOf words an error answer', async () => {
    const server = await serve((request, response) => {
      if (request.path.includes('missing')) {
        sendJson(request, response, 404, { error: 'not_found', reason: 'missing' });
        return;
      }
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, rev: '1-a', got: request.wireBody.length }));
    });
    const couch = client(server);
    const chunk = new Uint8Array(4096).fill(7);
    const stored = await couch.raw('PUT', 'focal-files/sha256-ab/c000000?rev=1-x', {
      body: chunk,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(stored.status).toBe(201);
    expect(JSON.parse(Buffer.from(stored.body).toString('utf8'))).toEqual({ ok: true, rev: '1-a', got: 4096 });
    expect(server.received[0]!.headers['content-type']).toBe('application/octet-stream');
    expect(server.received[0]!.headers['content-encoding']).toBeUndefined();

    const missing = await couch.raw('GET', 'focal-files/sha256-missing');
    expect(missing.status).toBe(404);
    const problem = couch.problemOf('GET', 'focal-files/sha256-missing', missing);
    expect(problem.kind).toBe('not-found');
    expect(problem.reason).toBe('missing');
  });

  it('fetch hands RxDB a buffered, decoded Response and rejects what RxDB would misread', async () => {
    const server = await serve((request, response) => {
      if (request.path.includes('_changes')) {
        sendJson(request, response, 200, { results: [], last_seq: '5-abc' });
        return;
      }
      sendJson(request, response, 403, { error: 'forbidden', reason: 'Only the author may change this record.' });
    });
    const couch = client(server);
    const response = await couch.fetch(`${server.url}focal-contacts/_changes?since=0`);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.json()).toEqual({ results: [], last_seq: '5-abc' });
    expect(server.received[0]!.headers.accept).toBe('application/json');

    const problem = await problemOf(couch.fetch(`${server.url}focal-contacts/_bulk_docs`, { method: 'POST', body: '{"docs":[]}' }));
    expect(problem.kind).toBe('forbidden');
    expect(problem.reason).toBe('Only the author may change this record.');
    expect(problem.message).toContain('Only the author may change this record.');
  });

  it('ends the base URL with a slash, which RxDB requires, and refuses addresses it cannot use', async () => {
    const server = await serve((request, response) => {
      sendJson(request, response, 200, {});
    });
    expect(createCouchHttp({ fetch: http.fetch, baseUrl: server.origin, timeoutMs: 1000 }).baseUrl).toBe(server.url);
    expect(createCouchHttp({ fetch: http.fetch, baseUrl: `${server.url}couch?x=1`, timeoutMs: 1000 }).baseUrl).toBe(`${server.url}couch/`);
    expect(() => createCouchHttp({ fetch: http.fetch, baseUrl: 'http://alice:secret@127.0.0.1/', timeoutMs: 1000 })).toThrow(
      /must not contain a user name or password/,
    );
    expect(() => createCouchHttp({ fetch: http.fetch, baseUrl: 'ftp://127.0.0.1/', timeoutMs: 1000 })).toThrow(/must start with https/);
    expect(() => createCouchHttp({ fetch: http.fetch, baseUrl: 'not a url', timeoutMs: 1000 })).toThrow(/is not a web address/);
  });

  it('resolves paths below a base URL that has its own path', async () => {
    const server = await serve((request, response) => {
      sendJson(request, response, 200, { path: request.path });
    });
    const couch = createCouchHttp({ fetch: http.fetch, baseUrl: `${server.url}couch/`, timeoutMs: 10_000 });
    expect((await couch.json('GET', '/focal-contacts/_all_docs?limit=1')).body).toEqual({ path: '/couch/focal-contacts/_all_docs?limit=1' });
  });
});
