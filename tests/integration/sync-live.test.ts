import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { AppError } from '../../shared/api/result';
import type { SyncRecordRow, SyncStatus } from '../../shared/api/sync';
import { createCore, type Core } from '../../electron/core/app';
import { databaseNameOf } from '../../electron/core/sync/couch-names';
import { setupServer } from '../../electron/core/sync/server-setup/server-setup';
import { useTempDir } from '../../electron/core/testing/temp-dir';
import { testPorts } from '../../electron/core/testing/test-ports';
import { useSyncServer } from '../support/sync-server';

/** The app's background sync (what Electron and the host run), on a real store against a real server. */
describe('live sync', () => {
  const server = useSyncServer();
  const temp = useTempDir('focal-sync-live-');
  let core: Core | undefined;
  const admin = () => ({ authorization: `Basic ${Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64')}` });

  beforeAll(async () => {
    await setupServer({ url: server.url, adminUser: server.admin.user, adminPassword: server.admin.password, fetch });
    await server.addUser('ama', 'ama-password', ['focal-point']);
  });
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  async function open(name: string): Promise<Core> {
    core = await createCore({ dataDir: join(temp.path, name), ports: { ...testPorts(), fetch }, syncLive: true });
    return core;
  }
  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await (core as Core).dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value as MethodOutput<M>;
  }
  async function failure<M extends MethodName>(method: M, input: MethodInput<M>): Promise<AppError> {
    const result = await (core as Core).dispatch(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  }
  /** Polls the status until `done` holds: at most 300 times, 100 ms apart. */
  async function until(done: (status: SyncStatus) => boolean): Promise<SyncStatus> {
    let status = await call('sync.status', {});
    for (let attempt = 0; attempt < 300 && !done(status); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await call('sync.status', {});
    }
    expect(done(status), JSON.stringify(status)).toBe(true);
    return status;
  }
  const serverDoc = async (database: string, id: string) =>
    (await (await fetch(`${server.url}${database}/${id}`, { headers: admin() })).json()) as Record<string, unknown> & { _rev: string };

  it('refuses a wrong password on the password field, then syncs, sends a local edit by itself, and says so', async () => {
    await open('live');
    expect((await call('sync.status', {})).state).toBe('not-configured');
    const wrong = await failure('sync.configure', { url: server.url, user: 'ama', password: 'nope' });
    expect(wrong).toMatchObject({ code: 'invalid-input', issues: [expect.objectContaining({ path: 'password', code: 'unauthorized' })] });

    await call('directory.seed', {});
    await call('sync.configure', { url: server.url, user: 'ama', password: 'ama-password' });
    const synced = await until((status) => status.state === 'up-to-date');
    expect(synced.lastSuccessAt).not.toBeNull();
    expect(synced.pendingLocal).toBe(0);

    const created = await call('directory.contacts.create', { contact: { displayName: 'Kofi Mensah', countryId: 'gh' } });
    // Remembered as pending at once, then sent a couple of seconds later without anyone asking.
    expect((await until((status) => status.pendingLocal === 1)).collections.find((entry) => entry.collection === 'contacts')?.pendingLocal).toBe(1);
    await until((status) => status.state === 'up-to-date' && status.pendingLocal === 0);
    expect((await serverDoc(databaseNameOf('contacts'), created.id)).displayName).toBe('Kofi Mensah');

    expect((await call('sync.pause', {})).state).toBe('paused');
    await call('directory.contacts.update', { id: created.id, changes: { title: 'Desk officer' } });
    const paused = await call('sync.status', {});
    expect(paused).toMatchObject({ state: 'paused', pendingLocal: 1 });
    expect((await serverDoc(databaseNameOf('contacts'), created.id)).title).toBe('');

    // While paused, someone changes the same field on the server: resuming meets a conflict, kept as a record.
    const before = await serverDoc(databaseNameOf('contacts'), created.id);
    const put = await fetch(`${server.url}${databaseNameOf('contacts')}/${created.id}`, {
      method: 'PUT',
      headers: { ...admin(), 'content-type': 'application/json' },
      body: JSON.stringify({ ...before, title: 'Head of desk', updatedAt: '2030-01-01T00:00:00.000Z' }),
    });
    expect(put.status).toBe(201);
    await call('sync.resume', {});
    const met = await until((status) => status.state === 'up-to-date' && status.records.conflicts === 1);
    expect(met.pendingLocal).toBe(0);
    const listed = await call('sync.records.list', { kind: 'conflict' });
    const conflict = listed.rows[0] as SyncRecordRow;
    expect(conflict).toMatchObject({ collection: 'contacts', documentId: created.id });
    expect((await call('directory.contacts.get', { id: created.id })).title).toBe('Head of desk');

    // The user keeps their own value: it is saved, pushed, and the conflict is gone.
    expect(await call('sync.conflicts.resolve', { id: conflict.id, choices: { title: 'local' } })).toEqual({ documentId: created.id });
    expect((await call('directory.contacts.get', { id: created.id })).title).toBe('Desk officer');
    await until((status) => status.state === 'up-to-date' && status.records.conflicts === 0 && status.pendingLocal === 0);
    await call('sync.now', {});
    await until((status) => status.state === 'up-to-date');
    expect((await serverDoc(databaseNameOf('contacts'), created.id)).title).toBe('Desk officer');
    expect((await call('sync.records.list', { kind: 'conflict' })).rows).toEqual([]);

    expect((await call('sync.signOut', {})).state).toBe('signed-out');
    const signedIn = await call('sync.signIn', { password: 'ama-password' });
    expect(signedIn.server).toBe(server.url);
    await until((status) => status.state === 'up-to-date');
  }, 120_000);
});
