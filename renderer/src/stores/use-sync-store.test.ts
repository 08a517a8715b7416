import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../shared/api/result';
import type { SyncStatus } from '../../../shared/api/sync';
import { clientFromBridge, installApiClient } from '../api/client';
import { fakeBridge, type FakeHandlers } from '../test/fake-bridge';
import { fakeServerUrl, fakeSync, resetSyncStore, sampleConflict, sampleSetAside, type FakeSync } from '../test/fake-sync';
import { useLockStore } from './use-lock-store';
import { useSyncStore } from './use-sync-store';

function install(sync: FakeSync, handlers: FakeHandlers = {}) {
  const fake = fakeBridge({ ...sync.handlers, ...handlers });
  sync.connect(fake.emit);
  installApiClient(clientFromBridge(fake.bridge));
  return fake;
}

function shown(): SyncStatus {
  const value = useSyncStore.getState().current.value;
  if (value === null) throw new Error('No status yet');
  return value;
}

beforeEach(() => {
  resetSyncStore();
  useLockStore.setState({ view: { state: 'open' } });
});

describe('the sync store', () => {
  it('waits for the store to open before asking, then loads the status and the records', async () => {
    const sync = fakeSync({ server: fakeServerUrl, records: [sampleSetAside('quarantine')] });
    install(sync);
    useLockStore.setState({ view: { state: 'locked' } });
    const stop = useSyncStore.getState().start();
    expect(sync.callsOf('sync.status')).toHaveLength(0);
    useLockStore.setState({ view: { state: 'open' } });
    await vi.waitFor(() => {
      expect(useSyncStore.getState().records.status).toBe('loaded');
    });
    expect(shown().state).toBe('up-to-date');
    expect(useSyncStore.getState().records.rows.map((row) => row.kind)).toEqual(['quarantine']);
    stop();
  });

  it('follows sync.changed, and reloads the records only when their counts change', async () => {
    const sync = fakeSync({ server: fakeServerUrl });
    install(sync);
    const stop = useSyncStore.getState().start();
    await vi.waitFor(() => {
      expect(useSyncStore.getState().records.status).toBe('loaded');
    });
    expect(sync.callsOf('sync.records.list')).toHaveLength(1);

    sync.push({ state: 'syncing', pendingLocal: 4 });
    expect(shown().state).toBe('syncing');
    expect(shown().pendingLocal).toBe(4);
    expect(sync.callsOf('sync.records.list')).toHaveLength(1);

    sync.add(sampleConflict({ fields: [{ field: 'displayName', local: 'Ana Silva', remote: 'Ana S.' }] }));
    expect(shown().records.conflicts).toBe(1);
    await vi.waitFor(() => {
      expect(useSyncStore.getState().records.rows).toHaveLength(1);
    });
    expect(sync.callsOf('sync.records.list')).toHaveLength(2);

    stop();
    sync.push({ state: 'paused' });
    expect(shown().state).toBe('syncing');
  });

  it('keeps a newer event over an older reply that arrives after it', async () => {
    const sync = fakeSync({ server: fakeServerUrl });
    let release: () => void = () => undefined;
    let answered = false;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    install(sync, {
      'sync.status': async (input) => {
        const answer = await sync.handlers['sync.status']?.(input);
        await held;
        answered = true;
        if (answer === undefined) throw new Error('The fake did not answer');
        return answer;
      },
    });
    const stop = useSyncStore.getState().start();
    await vi.waitFor(() => {
      expect(sync.callsOf('sync.status')).toHaveLength(1);
    });
    sync.push({ state: 'paused' });
    release();
    await vi.waitFor(() => {
      expect(answered).toBe(true);
    });
    // One macrotask: the reply's promise chain through the client has settled.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown().state).toBe('paused');
    stop();
  });

  it('runs the buttons, keeps a failure for the view and clears it on the next success', async () => {
    const sync = fakeSync({ server: fakeServerUrl });
    let refuse = true;
    install(sync, {
      'sync.now': async (input) => {
        if (refuse) return fail('unavailable', 'The core is busy.');
        const answer = await sync.handlers['sync.now']?.(input);
        if (answer === undefined) throw new Error('The fake did not answer');
        return answer;
      },
    });
    expect(await useSyncStore.getState().run('now')).toBe(false);
    expect(useSyncStore.getState().actionError?.message).toBe('The core is busy.');
    expect(useSyncStore.getState().busy).toBeNull();
    refuse = false;
    expect(await useSyncStore.getState().run('now')).toBe(true);
    expect(useSyncStore.getState().actionError).toBeNull();
    expect(shown().lastSuccessAt).not.toBeNull();

    await useSyncStore.getState().run('pause');
    expect(shown().state).toBe('paused');
    await useSyncStore.getState().run('resume');
    expect(shown().state).toBe('up-to-date');
    await useSyncStore.getState().run('sign-out');
    expect(shown().state).toBe('signed-out');
    const asked = sync.calls.map((call) => call.method).filter((method) => method !== 'sync.records.list');
    expect(asked).toEqual(['sync.now', 'sync.pause', 'sync.resume', 'sync.signOut']);
  });

  it('passes passwords through without keeping them', async () => {
    const sync = fakeSync();
    install(sync);
    const refused = await useSyncStore.getState().configure({ url: fakeServerUrl, user: 'ana', password: 'not it' });
    expect(refused.ok).toBe(false);
    const configured = await useSyncStore.getState().configure({ url: fakeServerUrl, user: 'ana', password: 'correct horse' });
    expect(configured.ok).toBe(true);
    expect(shown().server).toBe(fakeServerUrl);
    await useSyncStore.getState().run('sign-out');
    expect((await useSyncStore.getState().signIn('correct horse')).ok).toBe(true);
    expect(JSON.stringify(useSyncStore.getState())).not.toMatch(/correct horse|not it/);
  });

  it('drops a resolved conflict and a dismissed record at once, closing the open conflict', async () => {
    const conflict = sampleConflict({ fields: [{ field: 'displayName', local: 'Ana Silva', remote: 'Ana S.' }] });
    const quarantined = sampleSetAside('quarantine');
    const sync = fakeSync({ server: fakeServerUrl, records: [conflict, quarantined] });
    install(sync);
    await useSyncStore.getState().loadRecords();
    useSyncStore.getState().openConflictView(conflict.id);

    const resolved = await useSyncStore.getState().resolve(conflict.id, { displayName: 'local' });
    expect(resolved).toEqual(ok({ documentId: 'ct-ana' }));
    expect(useSyncStore.getState().openConflict).toBeNull();
    expect(useSyncStore.getState().records.rows.map((row) => row.id)).toEqual([quarantined.id]);

    expect((await useSyncStore.getState().dismiss(quarantined.id)).ok).toBe(true);
    expect(useSyncStore.getState().records.rows).toEqual([]);
    await vi.waitFor(() => {
      expect(useSyncStore.getState().records.status).toBe('loaded');
    });
    expect(sync.status().records).toEqual({ conflicts: 0, quarantined: 0, rejected: 0 });

    // A failure leaves the row where it was.
    const again = await useSyncStore.getState().resolve(conflict.id, { displayName: 'local' });
    expect(again.ok).toBe(false);
  });
});
