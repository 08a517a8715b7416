import { act } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { clientFromBridge, installApiClient } from '../api/client';
import { fakeBridge } from '../test/fake-bridge';
import { fakeMeetings, sampleAction, sampleMeeting, type FakeMeetings } from '../test/fake-meetings';
import { useActionsStore } from './use-actions-store';

function install(meetings: FakeMeetings): void {
  const fake = fakeBridge(meetings.handlers);
  meetings.connect(fake.emit);
  installApiClient(clientFromBridge(fake.bridge));
}

function sample(): FakeMeetings {
  return fakeMeetings({
    today: '2026-07-01',
    meetings: [sampleMeeting()],
    actions: [
      sampleAction({ ownerContactId: 'con-dk-fp' }),
      sampleAction({ id: 'act-later', title: 'Later', due: '2027-01-01', ownerCountryId: 'gh' }),
      sampleAction({ id: 'act-done', title: 'Done', status: 'done', ownerContactId: 'con-gh-fp' }),
    ],
  });
}

describe('the action tracker store', () => {
  it('starts with open items and asks the core for each filter', async () => {
    const meetings = sample();
    install(meetings);
    await useActionsStore.getState().load();
    expect(useActionsStore.getState().rows.map((row) => row.id)).toEqual(['act-report', 'act-later']);
    useActionsStore.getState().setFilter({ ownerCountryId: 'gh' });
    await vi.waitFor(() => {
      expect(useActionsStore.getState().rows.map((row) => row.id)).toEqual(['act-later']);
    });
    useActionsStore.getState().setFilter({ overdue: true });
    await vi.waitFor(() => {
      expect(useActionsStore.getState().rows.map((row) => [row.id, row.overdue])).toEqual([['act-report', true]]);
    });
    expect(meetings.callsOf('actions.list')).toEqual([{ status: 'open' }, { ownerCountryId: 'gh' }, { overdue: true }]);
  });

  it('keeps every owner seen for the owner filter, and reloads after closing an item or on meetings.changed', async () => {
    const meetings = sample();
    install(meetings);
    useActionsStore.getState().setFilter({});
    await vi.waitFor(() => {
      expect(useActionsStore.getState().rows).toHaveLength(3);
    });
    useActionsStore.getState().setFilter({ status: 'open' });
    await vi.waitFor(() => {
      expect(useActionsStore.getState().rows).toHaveLength(2);
    });
    expect([...useActionsStore.getState().ownerContactIds].sort()).toEqual(['con-dk-fp', 'con-gh-fp']);

    const result = await useActionsStore.getState().update('act-report', { status: 'done' });
    expect(result.ok).toBe(true);
    expect(useActionsStore.getState().rows.map((row) => row.id)).toEqual(['act-later']);
    expect(useActionsStore.getState().busyIds.size).toBe(0);

    const stop = useActionsStore.getState().follow();
    await act(async () => {
      await meetings.handlers['actions.update']?.({ id: 'act-report', changes: { status: 'open' } });
    });
    await vi.waitFor(() => {
      expect(useActionsStore.getState().rows.map((row) => row.id)).toEqual(['act-report', 'act-later']);
    });
    stop();
  });
});
