import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCouchHttp, type CouchHttp } from '../../electron/core/sync/http/couch-http';
import { createNodeHttpFetch, type NodeHttpFetch } from '../../electron/core/sync/http/node-http-fetch';
import { SyncProblem } from '../../electron/core/sync/http/sync-problem';
import { sendJson, startTestServer, type ReceivedRequest, type TestServer } from '../../electron/core/sync/http/test-server';
import { makeTempDir } from '../../electron/core/testing/temp-dir';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server/start-sync-server';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';

let http: NodeHttpFetch;
beforeAll(() => {
  http = createNodeHttpFetch({});
});
afterAll(async () => {
  await http.close();
});

async function outcome(promise: Promise<Response>): Promise<string> {
  try {
    const response = await promise;
    const text = await response.text();
    return `${response.status} ${text}`;
  } catch (error: unknown) {
    return error instanceof Error ? `failed: ${error.message}` : 'failed';
  }
}

describe('startFaultProxy', () => {
  let target: TestServer;
  let proxy: FaultProxy;

  /** Echoes the request; `/big` answers 10,000 bytes of JSON. */
  function echo(request: ReceivedRequest, response: ServerResponse) {
    if (request.path === '/big') {
      sendJson(request, response, 200, { filler: 'x'.repeat(9_988) });
      return;
    }
    sendJson(request, response, 200, { method: request.method, path: request.path, bytes: request.wireBody.length }, { 'set-cookie': ['a=1', 'b=2'] });
  }

  beforeAll(async () => {
    target = await startTestServer(echo);
    proxy = await startFaultProxy(target.origin);
  });
  afterAll(async () => {
    await proxy.stop();
    await target.stop();
  });
  afterEach(() => {
    proxy.script([]);
  });

  it('forwards requests unchanged and counts body bytes each way', async () => {
    const before = proxy.counters(/^\/files\/c000001$/);
    // Uncompressed answers, so the bytes counted on the wire are the bytes of the text read here.
    const response = await http.fetch(`${proxy.url}files/c000001`, {
      method: 'PUT',
      body: 'y'.repeat(300),
      headers: { 'accept-encoding': 'identity' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const answer = await response.text();
    expect(JSON.parse(answer)).toEqual({ method: 'PUT', path: '/files/c000001', bytes: 300 });
    const after = proxy.counters(/^\/files\/c000001$/);
    expect(after.requests - before.requests).toBe(1);
    expect(after.requestBytes - before.requestBytes).toBe(300);
    expect(after.responseBytes - before.responseBytes).toBe(Buffer.byteLength(answer));
    expect(proxy.counters(/^\/files\/c000001$/, 'GET').requests).toBe(0);
  });

  it('drops a connection before forwarding: the target never sees the request', async () => {
    proxy.script([{ method: 'POST', path: /^\/db\/_bulk_docs/, fault: { kind: 'drop', when: 'before-forward' } }]);
    const seenBefore = target.received.length;
    expect(await outcome(http.fetch(`${proxy.url}db/_bulk_docs`, { method: 'POST', body: '{}' }))).toMatch(/^failed/);
    expect(target.received.length).toBe(seenBefore);
    expect(proxy.pending()).toEqual([]);
    expect(await outcome(http.fetch(`${proxy.url}db/_bulk_docs`, { method: 'POST', body: '{}' }))).toMatch(/^200 /);
  });

  it('drops a connection after forwarding: the target handled it, the client got nothing', async () => {
    proxy.script([{ path: /^\/db\/doc-1$/, fault: { kind: 'drop', when: 'after-forward' } }]);
    const seenBefore = target.received.length;
    expect(await outcome(http.fetch(`${proxy.url}db/doc-1`, { method: 'PUT', body: '{"a":1}' }))).toMatch(/^failed/);
    expect(target.received.slice(seenBefore).map((request) => `${request.method} ${request.path}`)).toEqual(['PUT /db/doc-1']);
    expect(proxy.requests.at(-1)).toMatchObject({ path: '/db/doc-1', status: 200, responseBytes: 0, fault: 'drop' });
  });

  it('answers scripted statuses, forwarding first only when asked', async () => {
    proxy.script([
      { path: /^\/s\/503$/, fault: { kind: 'status', status: 503 } },
      { path: /^\/s\/409$/, fault: { kind: 'status', status: 409, forward: true } },
      { path: /^\/s\/413$/, fault: { kind: 'status', status: 413 } },
      { path: /^\/s\/500$/, fault: { kind: 'status', status: 500, body: 'oops', contentType: 'text/plain' } },
    ]);
    const seenBefore = target.received.length;
    expect(await outcome(http.fetch(`${proxy.url}s/503`))).toBe('503 {"error":"internal_server_error","reason":"Injected by the fault proxy."}');
    expect(await outcome(http.fetch(`${proxy.url}s/409`))).toBe('409 {"error":"conflict","reason":"Injected by the fault proxy."}');
    expect(await outcome(http.fetch(`${proxy.url}s/413`))).toBe('413 {"error":"too_large","reason":"Injected by the fault proxy."}');
    expect(await outcome(http.fetch(`${proxy.url}s/500`))).toBe('500 oops');
    expect(target.received.slice(seenBefore).map((request) => request.path)).toEqual(['/s/409']);
  });

  it('cuts a body after N bytes (never sending all of it) and records what went out', async () => {
    proxy.script([{ path: /^\/big$/, fault: { kind: 'truncate', afterBytes: 100 } }]);
    expect(await outcome(http.fetch(`${proxy.url}big`, { headers: { 'accept-encoding': 'identity' } }))).toMatch(/^failed/);
    expect(proxy.requests.at(-1)).toMatchObject({ path: '/big', status: 200, responseBytes: 100, fault: 'truncate' });
    proxy.script([{ path: /^\/small$/, fault: { kind: 'truncate', afterBytes: 10_000 } }]);
    expect(await outcome(http.fetch(`${proxy.url}small`))).toMatch(/^failed/);
  });

  it('answers a login page with status 200, like a captive portal', async () => {
    proxy.script([{ path: /_changes/, fault: { kind: 'html' } }]);
    const response = await http.fetch(`${proxy.url}db/_changes?since=0`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<form/);
  });

  it('applies a rule to the Nth matching requests only, in order, by method', async () => {
    proxy.script([
      { method: 'GET', path: /^\/n$/, skip: 1, times: 2, fault: { kind: 'status', status: 500 } },
      { method: 'GET', path: /^\/n$/, fault: { kind: 'status', status: 503 } },
    ]);
    const statuses: string[] = [];
    for (let index = 0; index < 5; index += 1) statuses.push((await outcome(http.fetch(`${proxy.url}n`))).slice(0, 3));
    expect(statuses).toEqual(['503', '500', '500', '200', '200']);
    expect(await outcome(http.fetch(`${proxy.url}n`, { method: 'DELETE' }))).toMatch(/^200/);
    expect(proxy.pending()).toEqual([]);
  });

  it('holds a stalled request until the client gives up', async () => {
    proxy.script([{ path: /^\/stall$/, fault: { kind: 'stall' } }]);
    const controller = new AbortController();
    const pending = outcome(http.fetch(`${proxy.url}stall`, { signal: controller.signal }));
    for (let round = 0; round < 500 && proxy.requests.at(-1)?.path !== '/stall'; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    controller.abort();
    expect(await pending).toMatch(/^failed/);
    expect(proxy.requests.at(-1)).toMatchObject({ path: '/stall', status: null, fault: 'stall' });
  });

  it('refuses unbounded rules', () => {
    expect(() => {
      proxy.script([{ path: /x/, times: Number.POSITIVE_INFINITY, fault: { kind: 'stall' } }]);
    }).toThrow(/1 to 1000 times/);
    expect(() => {
      proxy.script([{ path: /x/, skip: -1, fault: { kind: 'stall' } }]);
    }).toThrow(/whole number/);
  });
});

describe('the CouchDB client through the fault proxy (express-pouchdb test server)', () => {
  const admin = { name: 'admin', password: 'fault-proxy-test' };
  const dataDir = makeTempDir('focal-fault-proxy-');
  let server: SyncServer;
  let proxy: FaultProxy;
  let couch: CouchHttp;
  const docs = Array.from({ length: 40 }, (_, index) => ({ _id: `contact-${String(index).padStart(3, '0')}`, name: 'A name that repeats' }));

  beforeAll(async () => {
    server = await startSyncServer({ dataDir: dataDir.path, adminUser: admin.name, adminPassword: admin.password });
    proxy = await startFaultProxy(server.origin);
    couch = createCouchHttp({ fetch: http.fetch, baseUrl: proxy.url, timeoutMs: 20_000, credentials: admin });
    await couch.json('PUT', 'focal-contacts');
  });
  afterAll(async () => {
    await proxy.stop();
    await server.stop();
    dataDir.remove();
  });
  afterEach(() => {
    expect(proxy.pending()).toEqual([]);
    proxy.script([]);
  });

  async function ids(): Promise<string[]> {
    const reply = await couch.json('GET', 'focal-contacts/_all_docs');
    return (reply.body as { rows: { id: string }[] }).rows.map((row) => row.id);
  }

  it('writes through a dropped answer exactly once: the retry meets the first write, nothing is duplicated', async () => {
    proxy.script([{ method: 'POST', path: /_bulk_docs/, fault: { kind: 'drop', when: 'after-forward' } }]);
    const reply = await couch.json('POST', 'focal-contacts/_bulk_docs', { docs });
    const rows = reply.body as { id: string; error?: string }[];
    // The retry reached a server that had already applied the first attempt: every row is a conflict, none a copy.
    expect(rows.map((row) => row.error)).toEqual(docs.map(() => 'conflict'));
    expect(await ids()).toEqual(docs.map((doc) => doc._id));
    expect(couch.requestCompression).toBe('yes');
    const bulk = proxy.counters(/_bulk_docs/, 'POST');
    expect(bulk.requests).toBe(2);
    expect(bulk.requestBytes).toBeLessThan(JSON.stringify({ docs }).length);
  });

  it('reports injected failures as problems, and the next request goes through', async () => {
    proxy.script([
      { path: /_changes/, times: 1, fault: { kind: 'status', status: 503 } },
      { path: /_changes/, skip: 1, times: 1, fault: { kind: 'truncate', afterBytes: 40 } },
      { path: /_changes/, skip: 2, times: 1, fault: { kind: 'html' } },
    ]);
    const kinds: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      try {
        const reply = await couch.json('GET', 'focal-contacts/_changes?since=0&limit=5');
        kinds.push(`ok ${(reply.body as { results: unknown[] }).results.length}`);
      } catch (error: unknown) {
        kinds.push(error instanceof SyncProblem ? error.kind : 'raw error');
      }
    }
    expect(kinds).toEqual(['server-error', 'bad-response', 'captive-portal', 'ok 5']);
  });

  it('words a 413 and a 409 on an attachment upload', async () => {
    proxy.script([
      { method: 'PUT', path: /c000000/, fault: { kind: 'status', status: 413 } },
      { method: 'PUT', path: /c000001/, fault: { kind: 'status', status: 409 } },
    ]);
    const chunk = new Uint8Array(2048).fill(1);
    const big = await couch.raw('PUT', 'focal-contacts/contact-000/c000000', { body: chunk, headers: { 'content-type': 'application/octet-stream' } });
    expect(couch.problemOf('PUT', 'focal-contacts/contact-000/c000000', big).kind).toBe('too-large');
    const busy = await couch.raw('PUT', 'focal-contacts/contact-000/c000001', { body: chunk, headers: { 'content-type': 'application/octet-stream' } });
    expect(couch.problemOf('PUT', 'focal-contacts/contact-000/c000001', busy).kind).toBe('conflict');
    expect(proxy.counters(/c00000[01]/, 'PUT').requestBytes).toBe(2 * 2048);
  });
});
