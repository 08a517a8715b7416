import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppInfo, Pong, StoreHealth } from '../../shared/api/app';
import type { Result } from '../../shared/api/result';
import { MAX_SOCKET_MESSAGE_BYTES, parseServerMessage, type ServerMessage } from '../../shared/api/socket-protocol';
import { createCore, type Core } from '../core/app';
import { createFileLogger } from '../core/logging/file-logger';
import { systemClock } from '../core/system-clock';
import { MAX_OPEN_SOCKETS, startHostServer, type HostServer } from './server';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
const WAIT_MS = 5_000;

interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Raw HTTP, so paths like `/../x` reach the server exactly as written (fetch would normalise them). */
function httpRequest(port: number, path: string, options: { method?: string; host?: string } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${port}` }, timeout: WAIT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`No answer to ${path} within ${WAIT_MS} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** A socket client that queues what it receives, so a test can wait for one reply or event with a deadline. */
class TestSocket {
  private readonly received: ServerMessage[] = [];
  private readonly waiters = new Set<() => void>();
  closeCode: number | null = null;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const message = parseServerMessage(data.toString('utf8'));
      if (message !== null) this.received.push(message);
      for (const wake of [...this.waiters]) wake();
    });
    ws.on('close', (code: number) => {
      this.closeCode = code;
      for (const wake of [...this.waiters]) wake();
    });
  }

  call(id: number, method: string, input: unknown): Promise<Result<unknown>> {
    this.ws.send(JSON.stringify({ type: 'call', id, method, input }));
    return this.replyTo(id);
  }

  async replyTo(id: number): Promise<Result<unknown>> {
    const message = await this.next((m) => m.type === 'reply' && m.id === id, `reply ${id}`);
    if (message.type !== 'reply') throw new Error('unreachable');
    return message.result;
  }

  next(match: (message: ServerMessage) => boolean, what: string): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const index = this.received.findIndex(match);
        if (index !== -1) {
          finish();
          resolve(this.received.splice(index, 1)[0]!);
        } else if (this.closeCode !== null) {
          finish();
          reject(new Error(`Socket closed (${this.closeCode}) while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`No ${what} within ${WAIT_MS} ms`));
      }, WAIT_MS);
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** What arrived and was not taken by `next` yet. */
  pending(): readonly ServerMessage[] {
    return [...this.received];
  }

  waitForClose(): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closeCode !== null) {
        resolve(this.closeCode);
        return;
      }
      const timer = setTimeout(() => {
        reject(new Error(`Socket still open after ${WAIT_MS} ms`));
      }, WAIT_MS);
      this.ws.once('close', (code: number) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }
}

type SocketOutcome = { readonly socket: TestSocket } | { readonly status: number };

function connect(url: string, options: { origin?: string; host?: string } = {}): Promise<SocketOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      handshakeTimeout: WAIT_MS,
      ...(options.origin === undefined ? {} : { origin: options.origin }),
      ...(options.host === undefined ? {} : { headers: { host: options.host } }),
    });
    ws.on('unexpected-response', (req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      req.destroy();
    });
    ws.on('open', () => {
      resolve({ socket: new TestSocket(ws) });
    });
    ws.on('error', reject);
  });
}

async function connectOk(url: string, origin: string): Promise<TestSocket> {
  const outcome = await connect(url, { origin });
  if (!('socket' in outcome)) throw new Error(`Socket refused with ${outcome.status}`);
  openSockets.push(outcome.socket);
  return outcome.socket;
}

let workDir: string;
let core: Core;
let server: HostServer;
let origin: string;
let socketUrl: string;
let openSockets: TestSocket[] = [];

beforeEach(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'focal-host-server-'));
  const rendererRoot = join(workDir, 'renderer');
  mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><html lang="en"><title>Focal Desk</title></html>');
  writeFileSync(join(rendererRoot, 'assets', 'app.js'), 'export {};\n');
  writeFileSync(join(workDir, 'secret.txt'), 'outside the renderer root');
  const dataDir = join(workDir, 'data');
  core = await createCore({
    dataDir,
    ports: {
      clock: systemClock,
      logger: createFileLogger({ directory: join(dataDir, 'logs') }),
      shell: { kind: 'host', appName: 'Focal Desk', appVersion: '0.0.0-test', electronVersion: null, chromeVersion: null },
      secrets: { storeKey: () => Promise.resolve({ kind: 'unencrypted' }) },
    },
  });
  server = await startHostServer({ core, rendererRoot, port: 0, token: TOKEN, logger: createFileLogger({ directory: join(dataDir, 'logs') }) });
  origin = `http://127.0.0.1:${server.port}`;
  socketUrl = `ws://127.0.0.1:${server.port}/api?token=${TOKEN}`;
});

afterEach(async () => {
  for (const socket of openSockets) socket.ws.terminate();
  openSockets = [];
  await server.close();
  await core.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('host server: HTTP', () => {
  it('binds 127.0.0.1 and reports its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves index.html with a strict CSP and the security headers', async () => {
    const answer = await httpRequest(server.port, '/');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>Focal Desk</title>');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(answer.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
    expect(csp).not.toContain('unsafe-eval');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their media type and answers HEAD without a body', async () => {
    const asset = await httpRequest(server.port, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    const head = await httpRequest(server.port, '/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('answers the browser\'s automatic /favicon.ico with 204 when the build has no icon', async () => {
    const answer = await httpRequest(server.port, '/favicon.ico');
    expect(answer.status).toBe(204);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    writeFileSync(join(workDir, 'renderer', 'favicon.ico'), 'icon');
    const served = await httpRequest(server.port, '/favicon.ico');
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/x-icon');
  });

  it.each(['/../etc/passwd', '/%2e%2e/x', '/..%2fpackage.json', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/assets', '/missing.js', 'http://127.0.0.1/'])(
    'refuses %s without leaving the renderer root',
    async (path) => {
      const answer = await httpRequest(server.port, path);
      expect([400, 404]).toContain(answer.status);
      expect(answer.body).not.toContain('outside the renderer root');
      expect(answer.headers['content-security-policy']).toBeDefined();
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('refuses a Host header that is not this host (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      const answer = await httpRequest(server.port, '/', { host });
      expect(answer.status, host).toBe(421);
    }
    for (const host of [`localhost:${server.port}`, `[::1]:${server.port}`, `LOCALHOST:${server.port}`]) {
      expect((await httpRequest(server.port, '/', { host })).status, host).toBe(200);
    }
  });

  it('allows only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await httpRequest(server.port, '/', { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
  });
});

describe('host server: socket admission', () => {
  it('refuses a socket without the token, with a wrong token or from another origin', async () => {
    const base = `ws://127.0.0.1:${server.port}/api`;
    expect(await connect(base, { origin })).toEqual({ status: 401 });
    expect(await connect(`${base}?token=`, { origin })).toEqual({ status: 401 });
    expect(await connect(`${base}?token=${TOKEN}x`, { origin })).toEqual({ status: 401 });
    expect(await connect(`${base}?token=${TOKEN.slice(0, 10)}`, { origin })).toEqual({ status: 401 });
    expect(await connect(socketUrl, { origin: 'http://evil.example' })).toEqual({ status: 403 });
    expect(await connect(socketUrl, { origin: `http://127.0.0.1:${server.port + 1}` })).toEqual({ status: 403 });
    expect(await connect(socketUrl)).toEqual({ status: 403 });
    expect(await connect(socketUrl, { origin, host: `evil.example:${server.port}` })).toEqual({ status: 421 });
    expect(await connect(`ws://127.0.0.1:${server.port}/other?token=${TOKEN}`, { origin })).toEqual({ status: 404 });
  });

  it('accepts the page served under either loopback name', async () => {
    await connectOk(socketUrl, origin);
    await connectOk(`ws://localhost:${server.port}/api?token=${TOKEN}`, `http://localhost:${server.port}`);
  });

  it(`refuses more than ${MAX_OPEN_SOCKETS} open sockets`, async () => {
    for (let i = 0; i < MAX_OPEN_SOCKETS; i += 1) await connectOk(socketUrl, origin);
    expect(await connect(socketUrl, { origin })).toEqual({ status: 503 });
    openSockets.pop()!.ws.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await connectOk(socketUrl, origin);
  });
});

describe('host server: contract over the socket', () => {
  it('answers app.ping with the echo', async () => {
    const socket = await connectOk(socketUrl, origin);
    const result = await socket.call(1, 'app.ping', { echo: 'hello' });
    expect(result.ok).toBe(true);
    const pong = (result as { value: Pong }).value;
    expect(pong.pong).toBe(true);
    expect(pong.echo).toBe('hello');
  });

  it('answers app.info as the host shell with its data directory', async () => {
    const socket = await connectOk(socketUrl, origin);
    const result = await socket.call(7, 'app.info', {});
    expect(result.ok).toBe(true);
    const info = (result as { value: AppInfo }).value;
    expect(info.shell).toBe('host');
    expect(info.dataDirectory).toBe(core.dataDir);
    expect(info.runtime.electron).toBeNull();
    expect(info.health.lockHeld).toBe(true);
  });

  it('returns invalid-input with issues for input the contract refuses', async () => {
    const socket = await connectOk(socketUrl, origin);
    const result = await socket.call(2, 'app.ping', { echo: 'x'.repeat(500) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues).toEqual([{ path: 'echo', message: 'At most 200 characters' }]);
  });

  it('returns unknown-method for a method outside the contract', async () => {
    const socket = await connectOk(socketUrl, origin);
    for (const [id, method] of [[3, 'app.shutdown'], [4, '__proto__'], [5, 'constructor']] as const) {
      const result = await socket.call(id, method, {});
      expect(result.ok ? null : result.error.code, method).toBe('unknown-method');
    }
  });

  it('survives malformed frames and keeps the connection working', async () => {
    const socket = await connectOk(socketUrl, origin);
    socket.ws.send('{not json');
    socket.ws.send('null');
    socket.ws.send(JSON.stringify({ type: 'call', method: 'app.ping' }));
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    socket.ws.send(JSON.stringify({ type: 'call', id: 9, method: 42 }));
    const recovered = await socket.replyTo(9);
    expect(recovered.ok ? null : recovered.error.code).toBe('invalid-input');
    const result = await socket.call(10, 'app.ping', {});
    expect(result.ok).toBe(true);
  });

  it('closes a socket that sends a frame over the size limit, and keeps serving others', async () => {
    const big = await connectOk(socketUrl, origin);
    big.ws.send('x'.repeat(MAX_SOCKET_MESSAGE_BYTES + 1));
    expect(await big.waitForClose()).toBe(1009);
    const other = await connectOk(socketUrl, origin);
    expect((await other.call(1, 'app.ping', {})).ok).toBe(true);
  });

  it('pushes core events to every open socket, and keeps pushing to the rest after one closes', async () => {
    const first = await connectOk(socketUrl, origin);
    const second = await connectOk(socketUrl, origin);
    const payload: StoreHealth = {
      status: 'degraded',
      checkedAt: new Date(0).toISOString(),
      dataDirectoryWritable: true,
      freeBytes: 1,
      lockHeld: true,
      inUseBy: null,
      problems: [{ code: 'low-disk-space', message: 'Only 0 MB free on the disk holding the data directory.' }],
    };
    core.events.emit({ name: 'app.health', payload });
    for (const socket of [first, second]) {
      const message = await socket.next((m) => m.type === 'event' && m.event.name === 'app.health' && m.event.payload.checkedAt === payload.checkedAt, 'event');
      expect(message).toEqual({ type: 'event', event: { name: 'app.health', payload } });
    }
    first.ws.close();
    await first.waitForClose();
    core.events.emit({ name: 'app.health', payload });
    await second.next((m) => m.type === 'event', 'second event');
  });

  it('closes open sockets when the server closes', async () => {
    const socket = await connectOk(socketUrl, origin);
    await server.close();
    expect(await socket.waitForClose()).toBe(1001);
  });
});

describe('host server: a socket is one client of the core', () => {
  const range = { offset: 0, limit: 10 };

  /** Asks again (at most `attempts` times, 20 ms apart) until `check` holds; the close reaches the host a little after the client. */
  async function eventually(check: () => Promise<boolean>, attempts = 100): Promise<boolean> {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  }

  async function watch(socket: TestSocket, id: number): Promise<string> {
    const result = await socket.call(id, 'directory.contacts.watch', { filter: {}, range });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { subscriptionId: string }).subscriptionId;
  }

  const isWindowOf = (subscriptionId: string) => (message: ServerMessage) =>
    message.type === 'event' && message.event.name === 'directory.contacts.window' && message.event.payload.subscriptionId === subscriptionId;

  it('sends each socket the windows of its own lists only, and ends a closed socket’s lists', async () => {
    const first = await connectOk(socketUrl, origin);
    const second = await connectOk(socketUrl, origin);
    const firstList = await watch(first, 1);
    const secondList = await watch(second, 1);

    const created = await second.call(2, 'directory.contacts.create', { contact: { displayName: 'Ana Pereira' } });
    expect(created.ok).toBe(true);
    await first.next(isWindowOf(firstList), 'the first socket’s window');
    await second.next(isWindowOf(secondList), 'the second socket’s window');
    // A reply sent after both pushes: anything misrouted would have arrived before it.
    expect((await first.call(3, 'app.ping', {})).ok).toBe(true);
    expect(first.pending().filter(isWindowOf(secondList))).toEqual([]);
    expect((await second.call(4, 'app.ping', {})).ok).toBe(true);
    expect(second.pending().filter(isWindowOf(firstList))).toEqual([]);

    first.ws.close();
    await first.waitForClose();
    const ended = await eventually(async () => {
      const result = await core.dispatch('directory.contacts.rewatch', { subscriptionId: firstList, range });
      return !result.ok && result.error.code === 'not-found';
    });
    expect(ended).toBe(true);
    // The other socket's list is still live and still pushed.
    expect((await core.dispatch('directory.contacts.rewatch', { subscriptionId: secondList, range })).ok).toBe(true);
    expect((await second.call(5, 'directory.contacts.create', { contact: { displayName: 'Li Wei' } })).ok).toBe(true);
    const pushed = await second.next(isWindowOf(secondList), 'a window after the other socket closed');
    expect(pushed.type === 'event' && pushed.event.name === 'directory.contacts.window' ? pushed.event.payload.total : null).toBe(2);
  });

  it('ends the lists of a socket that drops without a closing handshake', async () => {
    const socket = await connectOk(socketUrl, origin);
    const list = await watch(socket, 1);
    socket.ws.terminate();
    const ended = await eventually(async () => !(await core.dispatch('directory.contacts.rewatch', { subscriptionId: list, range })).ok);
    expect(ended).toBe(true);
  });
});

