import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContactRow } from '../../shared/api/directory';
import type { SyncRecordRow, SyncStatus, SyncSummary } from '../../shared/api/sync';
import { setupServer } from '../../electron/core/sync/server-setup/server-setup';
import { useTempDir } from '../../electron/core/testing/temp-dir';
import { cliOn, useEnvironment } from '../support/in-process-cli';
import { useSyncServer } from '../support/sync-server';

/**
 * Two data directories ("Accra" and "Copenhagen") and one CouchDB-compatible server (express-pouchdb on 127.0.0.1),
 * driven through the CLI in this process. Only one core is open at a time: RxDB's open-source core allows 13 open
 * collections per process and a core opens 8.
 */
describe('sync between two data directories through one server', () => {
  const server = useSyncServer();
  const temp = useTempDir('focal-sync-two-');
  const accra = () => join(temp.path, 'accra');
  const copenhagen = () => join(temp.path, 'copenhagen');
  const password = useEnvironment('FOCALDESK_PASSWORD');

  beforeAll(async () => {
    await setupServer({ url: server.url, adminUser: server.admin.user, adminPassword: server.admin.password, fetch });
    await server.addUser('ama', 'ama-password', ['focal-point']);
    await server.addUser('mette', 'mette-password', ['focal-point']);
  });

  const cli = cliOn;
  async function json<T>(data: string, ...argv: string[]): Promise<T> {
    const result = await cli(data, ...argv, '--json');
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as T;
  }
  async function sync(data: string, user: 'ama' | 'mette'): Promise<SyncSummary> {
    password.set(`${user}-password`);
    const result = await cli(data, 'sync', '--server', server.url, '--user', user, '--once', '--json');
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout) as SyncSummary;
    expect(summary.errors).toEqual([]);
    expect(result.code).toBe(0);
    return summary;
  }
  const contacts = (data: string) => json<ContactRow[]>(data, 'contacts', 'list', '--include-deleted');
  const byName = async (data: string, name: string) => (await contacts(data)).find((row) => row.displayName === name);

  it('brings the seeded network, its report file and offline edits from both sides to both, and keeps a same-field loser', async () => {
    expect((await cli(accra(), 'seed')).code).toBe(0);
    const first = await sync(accra(), 'ama');
    expect(first.pushed).toBeGreaterThan(40);
    expect(first.filesUp).toBe(1);

    const second = await sync(copenhagen(), 'mette');
    expect(second.pulled).toBe(first.pushed);
    expect(second.filesDown).toBe(1);
    expect(await contacts(copenhagen())).toEqual(await contacts(accra()));
    const report = await json<{ hits: { document: { title: string } }[] }>(copenhagen(), 'documents', 'search', '"community of commitment"');
    expect(report.hits).toHaveLength(1);

    // Offline on both sides: different contacts, different fields of one contact, and the same field of another.
    const denmark = await byName(accra(), 'R2P Focal Point — Denmark');
    const costaRica = await byName(accra(), 'R2P Focal Point — Costa Rica');
    if (denmark === undefined || costaRica === undefined) throw new Error('the demo network lacks Denmark or Costa Rica');
    expect((await cli(accra(), 'contacts', 'update', denmark.id, '--set', 'title=Director, Accra edit')).code).toBe(0);
    expect((await cli(copenhagen(), 'contacts', 'update', denmark.id, '--set', 'title=Director, Copenhagen edit')).code).toBe(0);
    expect((await cli(accra(), 'contacts', 'update', costaRica.id, '--set', 'title=Ambassador')).code).toBe(0);
    expect((await cli(copenhagen(), 'contacts', 'update', costaRica.id, '--set', 'phones=+506 2539 5300')).code).toBe(0);

    const waiting = await json<SyncStatus>(accra(), 'sync', 'status');
    expect(waiting).toMatchObject({ server: server.url, user: 'ama', pendingLocal: 2 });
    await sync(accra(), 'ama');
    expect(await json<SyncStatus>(accra(), 'sync', 'status')).toMatchObject({ state: 'up-to-date', pendingLocal: 0 });
    const met = await sync(copenhagen(), 'mette');
    expect(met.conflicts).toBe(1);
    await sync(accra(), 'ama');

    const left = await contacts(accra());
    expect(await contacts(copenhagen())).toEqual(left);
    // The server (Accra's push came first) won the same field; Copenhagen's value waits in its conflict record.
    expect(left.find((row) => row.id === denmark.id)?.title).toBe('Director, Accra edit');
    // Different fields of one record merged: both edits are there, and no conflict was recorded for Costa Rica.
    const mergedCostaRica = await json<{ title: string; phones: { value: string }[] }>(copenhagen(), 'contacts', 'get', costaRica.id);
    expect(mergedCostaRica.title).toBe('Ambassador');
    expect(mergedCostaRica.phones.map((phone) => phone.value)).toEqual(['+506 2539 5300']);
    const conflicts = await json<{ rows: SyncRecordRow[] }>(copenhagen(), 'conflicts', 'list');
    expect(conflicts.rows).toHaveLength(1);
    expect(conflicts.rows[0]).toMatchObject({ kind: 'conflict', collection: 'contacts', documentId: denmark.id });
    expect(JSON.stringify(conflicts.rows[0]?.detail)).toContain('Director, Copenhagen edit');
    expect((await json<{ rows: SyncRecordRow[] }>(accra(), 'conflicts', 'list')).rows).toEqual([]);
  }, 240_000);
});
