import compression from 'compression';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer, IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { isIP, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gunzipSync, inflateSync } from 'node:zlib';
import type { ExpressPouchDBApp, ExpressPouchDBFactory, PouchDatabase, PouchDBConstructor } from './express-pouchdb-types.js';

/** What `startSyncServer` needs. The data folder is created when missing and reused as it is otherwise. */
export interface SyncServerOptions {
  /** Folder holding every database (LevelDB), the server's config (admins, hashed) and its log. */
  readonly dataDir: string;
  /** Where to listen; loopback only unless `allowNonLoopback` (the server is for trying sync and for tests). */
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port?: number;
  /** The server admin. Set on a fresh data folder; on an existing one, the password must be the one set before. */
  readonly adminUser: string;
  readonly adminPassword: string;
  /** Lets `host` be an address other machines can reach. Off by default: nothing here is hardened for a network. */
  readonly allowNonLoopback?: boolean;
}

/** A running server. */
export interface SyncServer {
  /** The server's root URL, ending with `/` (RxDB's CouchDB replication needs the slash). */
  readonly url: string;
  /** The same without the trailing slash, e.g. `http://127.0.0.1:5984`. */
  readonly origin: string;
  /** Stops listening, drops open connections and closes every database; resolves once all are closed. */
  stop(): Promise<void>;
}

/** Largest request body accepted once decompressed: a gzip bomb must not exhaust memory. */
const MAX_DECODED_BODY_BYTES = 512 * 1024 * 1024;

const require = createRequire(import.meta.url);

/**
 * Starts a CouchDB-compatible server: express-pouchdb 4.2 in full CouchDB mode (sessions, `_users`, `_security`,
 * `validate_doc_update`) over pouchdb-node (LevelDB under `dataDir`), inside a Node HTTP server that gzips responses
 * when asked and decodes gzip request bodies on every endpoint, as CouchDB does. Then it makes `adminUser` the server
 * admin, which ends express-pouchdb's "admin party" (everyone an admin).
 * It is laxer than CouchDB 3 (ARCHITECTURE.md): never use it to prove a security property of CouchDB itself.
 * Rejects when `host` is not a loopback address (unless allowed), when the port is taken, or when the data folder
 * already has an admin whose password is not `adminPassword`; the server is stopped again in that case.
 */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const host = options.host ?? '127.0.0.1';
  if (options.allowNonLoopback !== true && !isLoopback(host)) {
    throw new Error(`The sync server listens only on this computer (127.0.0.1, ::1 or localhost), not on ${host}.`);
  }
  if (options.adminUser === '' || options.adminPassword === '') throw new Error('The sync server needs an admin user name and password.');
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const PouchDB = freshPouchDB().defaults({ prefix: `${dataDir}/` });
  const openDatabases = new Set<PouchDatabase>();
  PouchDB.on('ref', (database) => openDatabases.add(database));
  PouchDB.on('unref', (database) => openDatabases.delete(database));
  const expressPouchDB = require('express-pouchdb') as ExpressPouchDBFactory;
  const app = expressPouchDB(PouchDB, {
    mode: 'fullCouchDB',
    configPath: join(dataDir, 'config.json'),
    logPath: join(dataDir, 'log.txt'),
    // Compressed by the wrapper below instead, which leaves continuous feeds alone.
    overrideMode: { exclude: ['compression'] },
  });

  let origin = '';
  const server = createServer((request, response) => {
    handle(app, origin, request, response);
  });
  server.listen(options.port ?? 0, host);
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  const stop = async () => {
    await closeServer(server);
    // A database created just before is recorded in pouchdb-all-dbs's registry after its 201 went out; closing first
    // would lose the record, and the next start would answer 404 for a database that is on disk.
    await PouchDB.allDbs?.().catch(() => undefined);
    // express-pouchdb's daemonManager.stop() stops nothing (its first daemon has no stop), so every database it
    // opened (the replicator's `_replicator` feed included) is closed here.
    await Promise.all([...openDatabases].map((database) => database.close().catch(() => undefined)));
  };
  try {
    await becomeAdmin(origin, options.adminUser, options.adminPassword);
  } catch (error: unknown) {
    await stop();
    throw error;
  }
  return { url: `${origin}/`, origin, stop };
}

/**
 * A PouchDB of this server's own. pouchdb-node keeps one event emitter per module instance and every constructor made
 * by `defaults` shares it, so two servers in one process (or one started after another was stopped) would each hear
 * the other's databases open and close (pouchdb-all-dbs then writes into a closed database). Loading the module anew
 * for each server keeps them apart.
 */
function freshPouchDB(): PouchDBConstructor {
  Reflect.deleteProperty(require.cache, require.resolve('pouchdb-node'));
  return require('pouchdb-node') as PouchDBConstructor;
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

const compress = compression({
  // A continuous or eventsource feed is written line by line for as long as it lasts: buffering it would stall it.
  filter: (request, response) => !/[?&]feed=(continuous|eventsource)\b/.test(request.url) && compression.filter(request, response),
});
type CompressRequest = Parameters<typeof compress>[0];
type CompressResponse = Parameters<typeof compress>[1];

function handle(app: ExpressPouchDBApp, origin: string, request: IncomingMessage, response: ServerResponse): void {
  Promise.all([decodedRequest(request), mayCreateDatabase(origin, request)]).then(
    ([decoded, allowed]) => {
      compress(decoded as unknown as CompressRequest, response as unknown as CompressResponse, () => {
        if (allowed) app(decoded, response);
        else sendJson(response, 401, { error: 'unauthorized', reason: 'You are not a server admin.' });
      });
    },
    () => {
      sendJson(response, 400, { error: 'bad_request', reason: 'The request body could not be decompressed.' });
    },
  );
}

/**
 * False when the request creates a database and its sender is not a server admin. express-pouchdb answers that case
 * by throwing outside any handler (routes/db.js calls `.info` on the promise its security wrapper returns), which
 * ends the whole process; CouchDB answers 401, and so does this server, after asking itself who the sender is.
 */
async function mayCreateDatabase(origin: string, request: IncomingMessage): Promise<boolean> {
  if (request.method !== 'PUT' || !/^\/[^/?]+\/?(\?|$)/.test(request.url ?? '')) return true;
  const headers: Record<string, string> = {};
  if (request.headers.authorization !== undefined) headers.authorization = request.headers.authorization;
  if (request.headers.cookie !== undefined) headers.cookie = request.headers.cookie;
  const session = await fetch(`${origin}/_session`, { headers });
  const body = (await session.json().catch(() => ({}))) as { userCtx?: { roles?: unknown } };
  const roles = body.userCtx?.roles;
  return Array.isArray(roles) && roles.includes('_admin');
}

/**
 * The request as express-pouchdb should see it. express-pouchdb inflates gzip JSON bodies (body-parser) but stores an
 * attachment's bytes as they came, so a gzip-encoded chunk would be kept compressed, unlike CouchDB; every encoded
 * body is therefore decoded here first, whole. Requests without a body encoding pass through untouched and unbuffered.
 */
async function decodedRequest(request: IncomingMessage): Promise<IncomingMessage> {
  const encoding = request.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'deflate') return request;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DECODED_BODY_BYTES) throw new Error('The request body is too large.');
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  const limits = { maxOutputLength: MAX_DECODED_BODY_BYTES };
  const body = encoding === 'gzip' ? gunzipSync(raw, limits) : inflateSync(raw, limits);
  const decoded = new IncomingMessage(request.socket);
  decoded.method = request.method ?? 'GET';
  decoded.url = request.url ?? '/';
  decoded.httpVersion = request.httpVersion;
  decoded.httpVersionMajor = request.httpVersionMajor;
  decoded.httpVersionMinor = request.httpVersionMinor;
  const { 'content-encoding': _encoding, 'transfer-encoding': _transfer, ...headers } = request.headers;
  decoded.headers = { ...headers, 'content-length': String(body.length) };
  // Marked complete, or Node takes its end for an aborted upload and destroys the shared socket.
  decoded.complete = true;
  decoded.push(body);
  decoded.push(null);
  return decoded;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(`${JSON.stringify(body)}\n`);
}

/**
 * Makes `user` the server admin. A fresh folder is in "admin party" (every request is an admin's), so the admin is
 * simply set; a folder that has one already must accept these credentials, which are then set again (a no-op).
 */
async function becomeAdmin(origin: string, user: string, password: string): Promise<void> {
  const anonymous = (await (await fetch(`${origin}/_session`)).json()) as { userCtx?: { roles?: string[] } };
  const adminParty = anonymous.userCtx?.roles?.includes('_admin') === true;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!adminParty) headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const response = await fetch(`${origin}/_config/admins/${encodeURIComponent(user)}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(password),
  });
  await response.arrayBuffer();
  if (response.status === 401 || response.status === 403) {
    throw new Error(`This data folder already has a server admin, and "${user}" with the given password is not accepted as one.`);
  }
  if (!response.ok) throw new Error(`The sync server did not accept its admin (HTTP ${response.status}).`);
}

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = once(server, 'close');
  server.close();
  server.closeAllConnections();
  await closed;
}
