import { collectionSchemas, type CollectionName } from '../../../../shared/schemas/collections';
import { AppFailure } from '../../app-failure';
import type { HttpFetch, Logger } from '../../ports';
import { databaseNameOf, FILES_DATABASE } from '../couch-names';
import { withNetworkRoles } from './security-object';
import { collectionValidateFunction, filesValidateFunction } from './validate-function';

/** Where the validate function lives in every shared database. */
export const DESIGN_DOC_ID = '_design/focal';

/** How long one request may take before the server counts as not answering. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface ServerSetupOptions {
  /** The server's root URL (`https://couch.example.org/`, or with a path when behind a reverse proxy). */
  readonly url: string;
  /** A server admin (CouchDB's `[admins]`): only one may create databases and design documents. */
  readonly adminUser: string;
  /** Sent only in the Authorization header of each request; never logged, never in a message. */
  readonly adminPassword: string;
  readonly fetch: HttpFetch;
  readonly logger?: Logger | undefined;
}

/** `created`: the database did not exist; `updated`: its `_security` or validation was changed; else `unchanged`. */
export type DatabaseSetupStatus = 'created' | 'updated' | 'unchanged';

export interface DatabaseSetupReport {
  readonly database: string;
  readonly status: DatabaseSetupStatus;
  readonly securityChanged: boolean;
  readonly validationChanged: boolean;
}

export interface ServerSetupReport {
  /** The server's root URL as used (ending with `/`). */
  readonly url: string;
  /** What the server says it is, e.g. `CouchDB 3.4.2`. */
  readonly server: string;
  readonly databases: readonly DatabaseSetupReport[];
}

/** Every shared database with the validate function it must hold: one per synced collection, then the files one. */
export function sharedDatabases(): readonly { readonly database: string; readonly validate: string }[] {
  return [
    ...(Object.keys(collectionSchemas) as CollectionName[]).map((collection) => ({
      database: databaseNameOf(collection),
      validate: collectionValidateFunction(collection),
    })),
    { database: FILES_DATABASE, validate: filesValidateFunction() },
  ];
}

/**
 * Prepares a CouchDB server for the network, idempotently: creates each shared database that is missing, gives it the
 * `_security` of the network (members role `focal-point`, admins role `secretariat`, keeping what is there) and
 * installs `_design/focal` with the database's validate_doc_update (schema limits and authorship) when the installed
 * one differs. Running it again changes nothing and reports every database `unchanged`.
 * Errors are AppFailures in plain words: `invalid-input` (the URL), `unavailable` (server unreachable, not a CouchDB
 * server, an unexpected answer), `forbidden` (wrong admin user or password, or not a server admin).
 */
export async function setupServer(options: ServerSetupOptions): Promise<ServerSetupReport> {
  const url = serverUrlOf(options.url);
  const context: Context = {
    url,
    fetch: options.fetch,
    logger: options.logger,
    authorization: `Basic ${Buffer.from(`${options.adminUser}:${options.adminPassword}`, 'utf8').toString('base64')}`,
  };
  const server = await identifyServer(context, options.adminUser);
  const databases: DatabaseSetupReport[] = [];
  for (const { database, validate } of sharedDatabases()) {
    const report = await setupDatabase(context, database, validate);
    options.logger?.log('info', 'server-setup: database ready', { ...report, url });
    databases.push(report);
  }
  return { url, server, databases };
}

interface Context {
  readonly url: string;
  readonly fetch: HttpFetch;
  readonly logger: Logger | undefined;
  readonly authorization: string;
}

interface Reply {
  readonly status: number;
  /** The parsed JSON body; undefined when the body is not JSON. */
  readonly body: unknown;
}

/** The root URL with a trailing slash; refuses what is not an http(s) URL, and credentials inside it. */
function serverUrlOf(text: string): string {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new AppFailure('invalid-input', `The server address "${text}" is not a URL; write it like https://couch.example.org/.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppFailure('invalid-input', `The server address must start with https:// (or http:// on this computer), not ${parsed.protocol}//.`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new AppFailure('invalid-input', 'The server address must not hold a user name or password: give the admin user and password separately.');
  }
  parsed.search = '';
  parsed.hash = '';
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.href;
}

/** Checks that the URL leads to a CouchDB server and that the admin is one of its admins; returns its name and version. */
async function identifyServer(context: Context, adminUser: string): Promise<string> {
  const root = await send(context, 'GET', '');
  const welcome = asRecord(root.body);
  if (root.status === 401 && typeof welcome?.error === 'string') {
    throw new AppFailure('forbidden', `The server at ${context.url} did not accept the admin user ${adminUser} with this password.`);
  }
  const product = welcome === undefined ? undefined : productOf(welcome);
  if (root.status !== 200 || product === undefined) {
    context.logger?.log('warn', 'server-setup: not a CouchDB answer', { url: context.url, status: root.status });
    throw new AppFailure('unavailable', `The address ${context.url} answered, but not as a CouchDB server. Check the address.`);
  }
  const session = await send(context, 'GET', '_session');
  const roles = asRecord(asRecord(session.body)?.userCtx)?.roles;
  if (session.status !== 200 || !Array.isArray(roles) || !roles.includes('_admin')) {
    throw new AppFailure('forbidden', `${adminUser} is not an admin of the server at ${context.url}; only a server admin can create the databases.`);
  }
  return product;
}

/** `CouchDB 3.4.2` from CouchDB's welcome, `express-pouchdb 4.2.0` from the test server's; undefined for anything else. */
function productOf(welcome: Record<string, unknown>): string | undefined {
  const version = typeof welcome.version === 'string' ? welcome.version : '';
  if (welcome.couchdb === 'Welcome') return `CouchDB ${version}`.trim();
  if (typeof welcome['express-pouchdb'] === 'string') return `express-pouchdb ${version}`.trim();
  return undefined;
}

async function setupDatabase(context: Context, database: string, validate: string): Promise<DatabaseSetupReport> {
  const path = encodeURIComponent(database);
  const created = await send(context, 'PUT', path);
  if (created.status !== 201 && created.status !== 202 && created.status !== 412) refused(context, created, `create the database ${database}`);

  const security = await send(context, 'GET', `${path}/_security`);
  if (security.status !== 200) refused(context, security, `read the security of ${database}`);
  const wanted = withNetworkRoles(security.body);
  if (wanted.changed) {
    const written = await send(context, 'PUT', `${path}/_security`, wanted.security);
    if (written.status !== 200 && written.status !== 201) refused(context, written, `set the security of ${database}`);
  }

  const designPath = `${path}/${DESIGN_DOC_ID}`;
  const design = await send(context, 'GET', designPath);
  if (design.status !== 200 && design.status !== 404) refused(context, design, `read the validation of ${database}`);
  const current = design.status === 200 ? (asRecord(design.body) ?? {}) : undefined;
  const validationChanged = current?.validate_doc_update !== validate;
  if (validationChanged) {
    const doc = { ...current, _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validate };
    const written = await send(context, 'PUT', designPath, doc);
    if (written.status !== 201 && written.status !== 202) refused(context, written, `install the validation of ${database}`);
  }

  const status: DatabaseSetupStatus =
    created.status !== 412 ? 'created' : wanted.changed || validationChanged ? 'updated' : 'unchanged';
  return { database, status, securityChanged: wanted.changed, validationChanged };
}

/** One request as the admin, its JSON answer parsed (undefined when not JSON); a request with no answer fails plainly. */
async function send(context: Context, method: string, path: string, body?: unknown): Promise<Reply> {
  const headers: Record<string, string> = { accept: 'application/json', authorization: context.authorization };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await context.fetch(context.url + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error: unknown) {
    context.logger?.log('warn', 'server-setup: no answer', { url: context.url, request: `${method} /${path}`, cause: describe(error) });
    throw new AppFailure('unavailable', `The server at ${context.url} could not be reached: ${unreachableReason(error)}.`);
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed };
}

function refused(context: Context, reply: Reply, action: string): never {
  const couch = asRecord(reply.body);
  const reason = typeof couch?.reason === 'string' ? couch.reason : typeof couch?.error === 'string' ? couch.error : undefined;
  context.logger?.log('warn', 'server-setup: refused', { url: context.url, action, status: reply.status, reason });
  const detail = `HTTP ${reply.status}${reason === undefined ? '' : `: ${reason}`}`;
  if (reply.status === 401 || reply.status === 403) {
    throw new AppFailure('forbidden', `The server at ${context.url} did not let the admin ${action} (${detail}).`);
  }
  throw new AppFailure('unavailable', `The server at ${context.url} could not ${action} (${detail}).`);
}

/** Why no answer came, in a few plain words, from the codes Node's fetch and Electron's net.fetch use. */
function unreachableReason(error: unknown): string {
  const text = describe(error);
  if (/TimeoutError|aborted due to timeout/i.test(text)) return `it did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`;
  if (/ECONNREFUSED|ERR_CONNECTION_REFUSED/.test(text)) return 'nothing answers at that address and port';
  if (/ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/.test(text)) return 'its host name is not known';
  if (/CERT|ERR_TLS|SSL/.test(text)) return 'its certificate is not trusted';
  return 'the connection failed';
}

/** Names and codes along an error's cause chain, for the log and for `unreachableReason`. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const record = current as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    for (const part of [record.name, record.code, record.message]) if (typeof part === 'string') parts.push(part);
    current = typeof current === 'object' ? record.cause : undefined;
  }
  return parts.join(' ');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
