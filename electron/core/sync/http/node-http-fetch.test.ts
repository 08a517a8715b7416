import { once } from 'node:events';
import { createServer, request as forwardRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCouchHttp } from './couch-http';
import { createNodeHttpFetch, type NodeHttpFetch } from './node-http-fetch';
import { SyncProblem } from './sync-problem';
import { sendJson, startTestServer, type TestServer } from './test-server';

/**
 * A forward proxy for plain http, without CONNECT: it takes absolute-URI requests (`GET http://host/path`), counts
 * them, and passes them on — or, with `demandSignIn`, answers 407 as a proxy wanting credentials does.
 */
async function startForwardProxy(options: { demandSignIn?: boolean } = {}) {
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
    if (options.demandSignIn === true) {
      response.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"', 'content-length': '0' });
      response.end();
      return;
    }
    const outgoing = forwardRequest(request.url ?? '', { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    outgoing.on('error', () => response.destroy());
    request.pipe(outgoing);
  });
  server.on('connect', (_request, socket) => {
    seen.push('CONNECT');
    socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function target(): Promise<TestServer> {
  const server = await startTestServer((request, response) => {
    sendJson(request, response, 200, { path: request.path });
  });
  cleanups.push(() => server.stop());
  return server;
}

async function proxy(options?: { demandSignIn?: boolean }) {
  const started = await startForwardProxy(options);
  cleanups.push(started.stop);
  return started;
}

function nodeFetch(env: Record<string, string>): NodeHttpFetch {
  const created = createNodeHttpFetch(env);
  cleanups.push(() => created.close());
  return created;
}

describe('createNodeHttpFetch', () => {
  it('goes straight to the server when no proxy is set', async () => {
    const server = await target();
    const unused = await proxy();
    const http = nodeFetch({});
    const response = await http.fetch(`${server.url}direct`);
    expect(await response.json()).toEqual({ path: '/direct' });
    expect(unused.seen).toEqual([]);
    expect(http.proxies).toEqual({ httpProxy: null, httpsProxy: null, noProxy: '' });
  });

  it('sends plain-http requests through HTTP_PROXY as absolute URIs, not CONNECT tunnels', async () => {
    const server = await target();
    const corporate = await proxy();
    const http = nodeFetch({ HTTP_PROXY: corporate.url });
    expect(await (await http.fetch(`${server.url}a`)).json()).toEqual({ path: '/a' });
    expect(await (await http.fetch(`${server.url}b?x=1`)).json()).toEqual({ path: '/b?x=1' });
    expect(corporate.seen).toEqual([`GET ${server.url}a`, `GET ${server.url}b?x=1`]);
  });

  it('prefers the lower-case variable and takes an address without a scheme as http', async () => {
    const server = await target();
    const chosen = await proxy();
    const ignored = await proxy();
    const http = nodeFetch({ http_proxy: chosen.url.replace('http://', ''), HTTP_PROXY: ignored.url });
    await (await http.fetch(`${server.url}c`)).json();
    expect(chosen.seen).toHaveLength(1);
    expect(ignored.seen).toEqual([]);
    expect(http.proxies.httpProxy).toBe(`${chosen.url}/`);
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    const server = await target();
    const corporate = await proxy();
    const http = nodeFetch({ HTTP_PROXY: corporate.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(await (await http.fetch(`${server.url}d`)).json()).toEqual({ path: '/d' });
    expect(corporate.seen).toEqual([]);
  });

  it('turns a proxy that wants a sign-in into a proxy-auth problem', async () => {
    const server = await target();
    const demanding = await proxy({ demandSignIn: true });
    const http = nodeFetch({ HTTP_PROXY: demanding.url });
    const couch = createCouchHttp({ fetch: http.fetch, baseUrl: server.url, timeoutMs: 10_000 });
    let caught: unknown;
    try {
      await couch.json('GET', 'focal-contacts');
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SyncProblem);
    expect((caught as SyncProblem).kind).toBe('proxy-auth');
    expect(demanding.seen.length).toBeGreaterThan(0);
  });

  it('hides proxy credentials in what it reports and refuses an unusable address', () => {
    const http = nodeFetch({ HTTPS_PROXY: 'http://user:pass@proxy.example.org:3128' });
    expect(http.proxies.httpsProxy).toBe('http://proxy.example.org:3128/');
    expect(() => createNodeHttpFetch({ HTTP_PROXY: 'http://[not-an-address' })).toThrow(/HTTP_PROXY is not a web address/);
  });
});
