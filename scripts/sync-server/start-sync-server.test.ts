import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from './start-sync-server.js';
import { putUser } from './sync-users.js';

const ADMIN = { user: 'admin', password: randomBytes(12).toString('hex') };

let dataDir: string;
const started: SyncServer[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'focal-sync-server-test-'));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(password = ADMIN.password): Promise<SyncServer> {
  const server = await startSyncServer({ dataDir, adminUser: ADMIN.user, adminPassword: password });
  started.push(server);
  return server;
}

function basic(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/** A raw request (Node's fetch would decompress the answer and hide its Content-Encoding). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('startSyncServer', () => {
  it('serves CouchDB on 127.0.0.1 with the admin set: anonymous users are no admins', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.origin).toBe(server.url.slice(0, -1));
    const welcome = (await (await fetch(server.url)).json()) as Record<string, unknown>;
    expect(welcome['express-pouchdb-mode']).toBe('fullCouchDB');
    const anonymous = (await (await fetch(`${server.url}_session`)).json()) as { userCtx: { roles: string[] } };
    expect(anonymous.userCtx.roles).toEqual([]);
    const admin = (await (await fetch(`${server.url}_session`, { headers: basic(ADMIN.user, ADMIN.password) })).json()) as {
      userCtx: { name: string; roles: string[] };
    };
    expect(admin.userCtx).toEqual({ name: 'admin', roles: ['_admin'] });
    expect((await fetch(`${server.url}_session`, { headers: basic(ADMIN.user, 'wrong') })).status).toBe(401);
  });

  it('refuses to listen beyond this computer unless told', async () => {
    await expect(startSyncServer({ dataDir, host: '0.0.0.0', adminUser: 'a', adminPassword: 'b' })).rejects.toThrow(
      'The sync server listens only on this computer (127.0.0.1, ::1 or localhost), not on 0.0.0.0.',
    );
  });

  it('answers 401, and keeps running, when someone who is not an admin creates a database', async () => {
    const server = await start();
    // express-pouchdb alone throws outside any handler here, which would end the process.
    const anonymous = await fetch(`${server.url}made-up`, { method: 'PUT' });
    expect(anonymous.status).toBe(401);
    await putUser(server.url, ADMIN, 'alice', 'alice-password', ['focal-point']);
    expect((await fetch(`${server.url}made-up`, { method: 'PUT', headers: basic('alice', 'alice-password') })).status).toBe(401);
    expect((await fetch(`${server.url}made-up`, { method: 'PUT', headers: basic(ADMIN.user, ADMIN.password) })).status).toBe(201);
  });

  it('gzips answers when asked, and reads gzip request bodies on every endpoint, attachments included', async () => {
    const server = await start();
    const admin = basic(ADMIN.user, ADMIN.password);
    expect((await fetch(`${server.url}files`, { method: 'PUT', headers: admin })).status).toBe(201);
    const docs = Array.from({ length: 40 }, (_, index) => ({ _id: `d${index}`, text: 'the same words again '.repeat(10) }));
    const bulk = await fetch(`${server.url}files/_bulk_docs`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ docs })),
    });
    expect(bulk.status).toBe(201);
    const all = await rawGet(`${server.url}files/_all_docs?include_docs=true`, { ...admin, 'accept-encoding': 'gzip' });
    expect(all.encoding).toBe('gzip');
    expect((JSON.parse(gunzipSync(all.body).toString('utf8')) as { rows: unknown[] }).rows).toHaveLength(40);

    const chunk = Buffer.from('a compressible chunk of a file '.repeat(500));
    const put = await fetch(`${server.url}files/f1/c000000`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
      body: gzipSync(chunk),
    });
    expect(put.status).toBe(201);
    const stored = await rawGet(`${server.url}files/f1/c000000`, admin);
    expect(stored.encoding).toBeUndefined();
    expect(stored.body.equals(chunk)).toBe(true);
    const broken = await fetch(`${server.url}files/f2/c000000`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
      body: Buffer.from('not gzip at all'),
    });
    expect(broken.status).toBe(400);
  });

  it('keeps its data and admin across restarts, and refuses another admin password for the same folder', async () => {
    const first = await start();
    const admin = basic(ADMIN.user, ADMIN.password);
    expect((await fetch(`${first.url}kept`, { method: 'PUT', headers: admin })).status).toBe(201);
    await first.stop();
    started.splice(started.indexOf(first), 1);

    await expect(start('another-password')).rejects.toThrow(
      'This data folder already has a server admin, and "admin" with the given password is not accepted as one.',
    );
    const second = await start();
    expect((await fetch(`${second.url}_all_dbs`, { headers: admin }).then((response) => response.json())) as string[]).toContain('kept');
  });
});
