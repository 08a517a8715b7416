import { describe, expect, it } from 'vitest';
import { createServerSetupCommand } from '../../electron/cli/commands/server-setup-command';
import { CliFailure } from '../../electron/cli/cli-io';
import { AppFailure } from '../../electron/core/app-failure';
import { sampleFileRecord, sampleRecords, serverDocOf } from '../../electron/core/sync/server-setup/sample-server-docs';
import { DESIGN_DOC_ID, setupServer, sharedDatabases, type ServerSetupReport } from '../../electron/core/sync/server-setup/server-setup';
import { useSyncServer } from '../support/sync-server';

// Against the CouchDB-compatible test server (express-pouchdb 4.2 over pouchdb-node 9, scripts/sync-server/), not
// Apache CouchDB: what is proven here about security holds for this server; CouchDB 3 is stricter, never laxer, in
// each of these cases (ARCHITECTURE.md).

const server = useSyncServer();

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & { readonly reason?: string };
}

/** Requests as one user, with Basic authentication (null: anonymous). */
function as(user: { readonly user: string; readonly password: string } | null) {
  return async (method: string, path: string, body?: Uint8Array<ArrayBuffer> | object, contentType = 'application/json'): Promise<Answer> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (user !== null) headers.authorization = `Basic ${Buffer.from(`${user.user}:${user.password}`).toString('base64')}`;
    if (body !== undefined) headers['content-type'] = contentType;
    const response = await fetch(server.url + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: body instanceof Uint8Array ? body : JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
}

const alice = { user: 'alice', password: 'alice-password' };
const bob = { user: 'bob', password: 'bob-password' };
const sam = { user: 'sam', password: 'sam-password' };
const stranger = { user: 'stranger', password: 'stranger-password' };

async function setup(): Promise<ServerSetupReport> {
  return setupServer({ url: server.url, adminUser: server.admin.user, adminPassword: server.admin.password, fetch });
}

async function setupWithUsers(): Promise<void> {
  await setup();
  await server.addUser(alice.user, alice.password, ['focal-point']);
  await server.addUser(bob.user, bob.password, ['focal-point']);
  await server.addUser(sam.user, sam.password, ['secretariat']);
  await server.addUser(stranger.user, stranger.password, []);
}

describe('setupServer against the test server', () => {
  it('creates every database with its security and validation, then finds nothing to do', async () => {
    const first = await setup();
    expect(first.server).toMatch(/^express-pouchdb \d/);
    expect(first.url).toBe(server.url);
    expect(first.databases).toEqual(
      sharedDatabases().map(({ database }) => ({ database, status: 'created', securityChanged: true, validationChanged: true })),
    );
    const admin = as(server.admin);
    for (const { database, validate } of sharedDatabases()) {
      expect((await admin('GET', `${database}/_security`)).body).toEqual({
        members: { names: [], roles: ['focal-point'] },
        admins: { names: [], roles: ['secretariat'] },
      });
      expect((await admin('GET', `${database}/${DESIGN_DOC_ID}`)).body).toMatchObject({ language: 'javascript', validate_doc_update: validate });
    }
    const second = await setup();
    expect(second.databases.map((entry) => entry.status)).toEqual(sharedDatabases().map(() => 'unchanged'));
  });

  it('puts back what was changed on the server, keeping what an administrator added, and reports it', async () => {
    await setup();
    const admin = as(server.admin);
    expect((await admin('PUT', 'focal-contacts/_security', { members: { names: ['ops'], roles: [] } })).status).toBe(200);
    const design = await admin('GET', `focal-meetings/${DESIGN_DOC_ID}`);
    const edited = { ...design.body, validate_doc_update: 'function (newDoc) {}', views: { kept: { map: 'function (doc) { emit(doc._id); }' } } };
    expect((await admin('PUT', `focal-meetings/${DESIGN_DOC_ID}`, edited)).status).toBe(201);

    const report = await setup();
    expect(report.databases.filter((entry) => entry.status !== 'unchanged')).toEqual([
      { database: 'focal-contacts', status: 'updated', securityChanged: true, validationChanged: false },
      { database: 'focal-meetings', status: 'updated', securityChanged: false, validationChanged: true },
    ]);
    expect((await admin('GET', 'focal-contacts/_security')).body).toEqual({
      members: { names: ['ops'], roles: ['focal-point'] },
      admins: { names: [], roles: ['secretariat'] },
    });
    expect((await admin('GET', `focal-meetings/${DESIGN_DOC_ID}`)).body).toMatchObject({ views: edited.views });
  });

  it('refuses a wrong admin password and a user who is not a server admin, in plain words', async () => {
    await setupWithUsers();
    const wrong = await setupServer({ url: server.url, adminUser: server.admin.user, adminPassword: 'not-it', fetch }).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(AppFailure);
    expect(wrong).toMatchObject({ code: 'forbidden', message: `The server at ${server.url} did not accept the admin user admin with this password.` });
    const member = await setupServer({ url: server.url, adminUser: alice.user, adminPassword: alice.password, fetch }).catch((error: unknown) => error);
    expect(member).toMatchObject({
      code: 'forbidden',
      message: `alice is not an admin of the server at ${server.url}; only a server admin can create the databases.`,
    });
  });
});

describe('validate_doc_update and _security on the test server', () => {
  const contact = serverDocOf(sampleRecords.contacts, 'alice');

  it('answers a schema-invalid record with 403 and the sentence naming the field', async () => {
    await setupWithUsers();
    const put = as(alice);
    const invalid = await put('PUT', 'focal-contacts/con-invalid', { ...contact, _id: 'con-invalid', displayName: '' });
    expect(invalid).toEqual({ status: 403, body: { error: 'forbidden', reason: "The field 'displayName' must be at least 1 character long." } });
    const bulk = await put('POST', 'focal-contacts/_bulk_docs', {
      docs: [
        { ...contact, _id: 'con-bulk-ok' },
        { ...contact, _id: 'con-bulk-bad', emails: [{ value: 'a@b.c', kind: 'pager' }] },
      ],
    });
    expect(bulk.status).toBe(201);
    // express-pouchdb lists refused documents first; CouchDB keeps the order of the request.
    expect(bulk.body).toHaveLength(2);
    expect(bulk.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ok: true, id: 'con-bulk-ok' }),
        { id: 'con-bulk-bad', error: 'forbidden', reason: "The field 'emails[0].kind' must be one of: work, home, mobile, fax, other." },
      ]),
    );
  });

  it('lets only the author or the secretariat change or delete a record, and never the author field', async () => {
    await setupWithUsers();
    const created = await as(alice)('PUT', 'focal-contacts/con-owned', { ...contact, _id: 'con-owned' });
    expect(created.status).toBe(201);
    let rev = created.body.rev as string;
    const edit = { ...contact, _id: 'con-owned', notes: 'Edited.' };

    const byBob = await as(bob)('PUT', 'focal-contacts/con-owned', { ...edit, _rev: rev });
    expect(byBob).toEqual({
      status: 403,
      body: { error: 'forbidden', reason: 'Only the author of this record (alice) or the secretariat may change or delete it.' },
    });
    expect((await as(bob)('PUT', 'focal-contacts/con-bobs', { ...contact, _id: 'con-bobs' })).body.reason).toBe(
      "The field 'author' must be your own user name (bob).",
    );
    const bySam = await as(sam)('PUT', 'focal-contacts/con-owned', { ...edit, _rev: rev });
    expect(bySam.status).toBe(201);
    rev = bySam.body.rev as string;
    expect((await as(alice)('PUT', 'focal-contacts/con-owned', { ...edit, author: 'bob', _rev: rev })).body.reason).toBe(
      "The field 'author' cannot change: the author of this record is alice.",
    );
    expect((await as(bob)('DELETE', `focal-contacts/con-owned?rev=${rev}`)).status).toBe(403);
    expect((await as(alice)('DELETE', `focal-contacts/con-owned?rev=${rev}`)).status).toBe(200);
  });

  it('keeps the databases to members: anonymous and role-less users are refused', async () => {
    await setupWithUsers();
    expect((await as(null)('GET', 'focal-contacts/_all_docs')).status).toBe(401);
    expect((await as(stranger)('GET', 'focal-contacts/_all_docs')).status).toBe(401);
    expect((await as(alice)('GET', 'focal-contacts/_all_docs')).status).toBe(200);
    // Only database admins (the secretariat) write design documents.
    expect((await as(alice)('PUT', 'focal-contacts/_design/mine', { validate_doc_update: 'function () {}' })).status).toBe(401);
  });

  it('checks file documents and their chunks, and lets any member finish an open upload', async () => {
    await setupWithUsers();
    const id = sampleFileRecord.id as string;
    const created = await as(alice)('PUT', `focal-files/${id}`, serverDocOf(sampleFileRecord, 'alice'));
    expect(created.status).toBe(201);
    const chunk = new Uint8Array(262_144).fill(7);
    const first = await as(alice)('PUT', `focal-files/${id}/c000000?rev=${created.body.rev as string}`, chunk, 'application/octet-stream');
    expect(first.status).toBe(201);
    const stray = await as(alice)('PUT', `focal-files/${id}/notes.txt?rev=${first.body.rev as string}`, chunk, 'application/octet-stream');
    expect(stray).toEqual({
      status: 403,
      body: { error: 'forbidden', reason: "The attachment 'notes.txt' is not allowed: chunks are named c000000, c000001 and so on." },
    });
    const byBob = await as(bob)('PUT', `focal-files/${id}/c000001?rev=${first.body.rev as string}`, chunk, 'application/octet-stream');
    expect(byBob.status).toBe(201);
    const wrongCount = await as(alice)('PUT', `focal-files/sha256-${'c'.repeat(64)}`, { ...serverDocOf(sampleFileRecord, 'alice'), _id: `sha256-${'c'.repeat(64)}`, chunkCount: 2 });
    expect(wrongCount.body.reason).toBe("The field 'chunkCount' must be 3 for 600000 bytes in chunks of 262144 bytes.");
  });
});

describe('server-setup command against the test server', () => {
  it('prints a line per database, or the report as JSON, and fails in one line on a wrong password', async () => {
    await setup();
    const env = { FOCALDESK_ADMIN_PASSWORD: server.admin.password };
    const options = { url: server.url, 'admin-user': server.admin.user };
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(`ERR ${text}`) };
    const context = { dataDir: '/nonexistent', keyFile: undefined, args: ['server-setup'], options, io };

    expect(await createServerSetupCommand(env).run({ ...context, json: true })).toBe(0);
    const report = JSON.parse(out.splice(0).join('\n')) as ServerSetupReport;
    expect(report.databases).toHaveLength(8);
    expect(report.databases.every((entry) => entry.status === 'unchanged')).toBe(true);

    expect(await createServerSetupCommand(env).run({ ...context, json: false })).toBe(0);
    const lines = out.splice(0).join('\n').split('\n');
    expect(lines[0]).toMatch(new RegExp(`^express-pouchdb [\\d.]+ at ${server.url.replaceAll('.', '\\.')}:$`));
    expect(lines[1]).toBe('  focal-countries      unchanged');
    expect(lines.slice(1).every((line) => /^ {2}focal-[a-z-]+ +unchanged$/.test(line))).toBe(true);
    expect(lines).toHaveLength(9);

    const wrong = await createServerSetupCommand({ FOCALDESK_ADMIN_PASSWORD: 'nope' })
      .run({ ...context, json: false })
      .catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(CliFailure);
    expect((wrong as CliFailure).message).toBe(`The server at ${server.url} did not accept the admin user admin with this password.`);
  });
});
