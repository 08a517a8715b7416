import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContactRow } from '../../shared/api/directory';
import type { SyncSummary } from '../../shared/api/sync';
import { databaseNameOf, FILES_DATABASE } from '../../electron/core/sync/couch-names';
import { setupServer } from '../../electron/core/sync/server-setup/server-setup';
import { useTempDir } from '../../electron/core/testing/temp-dir';
import { cliOn, useEnvironment } from '../support/in-process-cli';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { useSyncServer } from '../support/sync-server';

/**
 * A link that keeps failing: every request of a sync goes through a proxy on 127.0.0.1 that drops connections (before
 * and after the server applied a write), answers 500, 503, 409 and 413, cuts a `_changes` body short and answers a
 * captive portal's HTML page with status 200. The sync must still converge, with nothing lost and nothing twice.
 */
describe('sync through a faulty link', () => {
  const server = useSyncServer();
  const temp = useTempDir('focal-sync-faults-');
  const password = useEnvironment('FOCALDESK_PASSWORD');
  let proxy: FaultProxy | undefined;

  beforeAll(async () => {
    await setupServer({ url: server.url, adminUser: server.admin.user, adminPassword: server.admin.password, fetch });
    await server.addUser('ama', 'ama-password', ['focal-point']);
    password.set('ama-password');
  });
  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });

  const cli = cliOn;
  async function sync(data: string, url: string): Promise<SyncSummary> {
    const result = await cli(data, 'sync', '--server', url, '--user', 'ama', '--once', '--json');
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as SyncSummary;
  }
  const contacts = async (data: string) => JSON.parse((await cli(data, 'contacts', 'list', '--include-deleted', '--json')).stdout) as ContactRow[];
  const serverCount = async (database: string): Promise<number> => {
    const response = await fetch(`${server.url}${database}/_all_docs`, {
      headers: { authorization: `Basic ${Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64')}` },
    });
    const body = (await response.json()) as { rows: { id: string }[] };
    return body.rows.filter((row) => !row.id.startsWith('_design/')).length;
  };

  it('converges after drops, 5xx, 409, 413, a cut _changes body and a captive portal page', async () => {
    const sender = join(temp.path, 'sender');
    const receiver = join(temp.path, 'receiver');
    expect((await cli(sender, 'seed')).code).toBe(0);
    const local = await contacts(sender);

    proxy = await startFaultProxy(server.origin);
    proxy.script([
      { method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'drop', when: 'after-forward' } },
      { method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'status', status: 503 } },
      { method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'status', status: 413 } },
      { method: 'POST', path: /\/_bulk_docs/, fault: { kind: 'status', status: 409 } },
      { method: 'POST', path: /\/_all_docs/, fault: { kind: 'html' } },
      { method: 'POST', path: /\/_all_docs/, fault: { kind: 'status', status: 500 } },
      { method: 'GET', path: /\/_changes/, fault: { kind: 'truncate', afterBytes: 20 } },
      { method: 'GET', path: /\/_changes/, fault: { kind: 'drop', when: 'before-forward' } },
      { method: 'PUT', path: new RegExp(`/${FILES_DATABASE}/sha256-[0-9a-f]+/c0+\\b`), fault: { kind: 'drop', when: 'after-forward' } },
    ]);
    const sent = await sync(sender, proxy.url);
    expect(sent.errors).toEqual([]);
    expect(proxy.pending()).toEqual([]);
    expect(sent.filesUp).toBe(1);

    // Nothing twice on the server: one document per local record.
    expect(await serverCount(databaseNameOf('contacts'))).toBe(local.length);
    expect(await serverCount(FILES_DATABASE)).toBe(1);

    proxy.script([
      { method: 'GET', path: /\/_changes/, fault: { kind: 'html' } },
      { method: 'GET', path: /\/_changes/, fault: { kind: 'status', status: 500 }, skip: 2 },
      { method: 'GET', path: new RegExp(`/${FILES_DATABASE}/sha256-[0-9a-f]+/c0+\\b`), fault: { kind: 'truncate', afterBytes: 1000 } },
    ]);
    const received = await sync(receiver, proxy.url);
    expect(received.errors).toEqual([]);
    expect(received.filesDown).toBe(1);
    expect(await contacts(receiver)).toEqual(local);
  }, 240_000);
});
