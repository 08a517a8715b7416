import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../app-failure';
import type { Logger } from '../../ports';
import { setupServer, sharedDatabases } from './server-setup';

// Failures before any database is touched, against real sockets on 127.0.0.1. Setting up a real server (databases,
// _security, validation, idempotence, wrong password) is tested in tests/integration/server-setup.test.ts, which may
// start the CouchDB-compatible test server.

const PASSWORD = 'correct horse battery staple';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  return { lines, log: (level, message, detail) => lines.push(JSON.stringify({ level, message, detail })) };
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppFailure)) throw new Error(`Expected an AppFailure, got ${String(error)}`);
  expect(error.message).not.toContain(PASSWORD);
  return error;
}

describe('setupServer before any database', () => {
  it('names every shared database: one per synced collection, then the files database', () => {
    expect(sharedDatabases().map((entry) => entry.database)).toEqual([
      'focal-countries',
      'focal-organisations',
      'focal-contacts',
      'focal-documents',
      'focal-meetings',
      'focal-agenda-items',
      'focal-action-items',
      'focal-files',
    ]);
  });

  it('refuses an address that is not an http(s) URL, or that holds credentials', async () => {
    const setup = (url: string) => setupServer({ url, adminUser: 'admin', adminPassword: PASSWORD, fetch });
    expect(await failureOf(setup('couch.example.org'))).toMatchObject({
      code: 'invalid-input',
      message: 'The server address "couch.example.org" is not a URL; write it like https://couch.example.org/.',
    });
    expect((await failureOf(setup('ftp://couch.example.org/'))).code).toBe('invalid-input');
    const withCredentials = await failureOf(setup(`https://admin:${encodeURIComponent(PASSWORD)}@couch.example.org/`));
    expect(withCredentials.message).toBe(
      'The server address must not hold a user name or password: give the admin user and password separately.',
    );
  });

  it('says plainly when nothing answers, and logs the cause without the password', async () => {
    const url = await listen(() => undefined);
    const server = servers.pop();
    await new Promise((done) => server?.close(done));
    const logger = recordingLogger();
    const failure = await failureOf(setupServer({ url, adminUser: 'admin', adminPassword: PASSWORD, fetch, logger }));
    expect(failure).toMatchObject({ code: 'unavailable', message: `The server at ${url} could not be reached: nothing answers at that address and port.` });
    expect(logger.lines.join('\n')).toContain('ECONNREFUSED');
    expect(logger.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('says when the address answers as something else than CouchDB (a captive portal, a web site)', async () => {
    const url = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Welcome to the hotel Wi-Fi</body></html>');
    });
    const failure = await failureOf(setupServer({ url, adminUser: 'admin', adminPassword: PASSWORD, fetch }));
    expect(failure).toMatchObject({ code: 'unavailable', message: `The address ${url} answered, but not as a CouchDB server. Check the address.` });
  });

  it('sends the admin credentials only in the Authorization header', async () => {
    const seen: { url: string | undefined; authorization: string | undefined }[] = [];
    const url = await listen((request, response) => {
      seen.push({ url: request.url, authorization: request.headers.authorization });
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"error":"unauthorized","reason":"Name or password is incorrect."}');
    });
    const failure = await failureOf(setupServer({ url: `${url}couch`, adminUser: 'admin', adminPassword: PASSWORD, fetch }));
    expect(failure).toMatchObject({ code: 'forbidden', message: `The server at ${url}couch/ did not accept the admin user admin with this password.` });
    expect(seen).toEqual([{ url: '/couch/', authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` }]);
  });
});
