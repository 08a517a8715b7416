import { act } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { clientFromBridge, installApiClient } from '../api/client';
import { fakeBridge, type FakeHandlers } from '../test/fake-bridge';
import { fakeMeetings, meetingsDirectory, sampleAction, sampleAgendaItem, sampleMeeting, type FakeMeetings } from '../test/fake-meetings';
import { useMeetingStore } from './use-meeting-store';

function install(meetings: FakeMeetings, handlers: FakeHandlers = {}) {
  const directory = meetingsDirectory();
  meetings.refer({ directory });
  const fake = fakeBridge({ ...directory.handlers, ...meetings.handlers, ...handlers });
  meetings.connect(fake.emit);
  installApiClient(clientFromBridge(fake.bridge));
  return { directory, fake };
}

function loadedDetail() {
  const open = useMeetingStore.getState().open;
  if (open.status !== 'loaded') throw new Error(`The meeting is ${open.status}`);
  return open.detail;
}

describe('the meeting store', () => {
  it('runs writes one after another in the order asked, even when an earlier answer is slow', async () => {
    const meetings = fakeMeetings({ meetings: [sampleMeeting()] });
    const started: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    install(meetings, {
      'meetings.agenda.add': async (input) => {
        started.push(input.item.title);
        if (input.item.title === 'Opening') await held;
        const answer = await meetings.handlers['meetings.agenda.add']?.(input);
        if (answer === undefined) throw new Error('The fake did not answer');
        return answer;
      },
    });
    await useMeetingStore.getState().load('mtg-copenhagen');
    const first = useMeetingStore.getState().addItem({ title: 'Opening', durationMinutes: 15 });
    const second = useMeetingStore.getState().addItem({ title: 'Keynote', durationMinutes: 30 });
    await vi.waitFor(() => {
      expect(started).toEqual(['Opening']);
    });
    expect(useMeetingStore.getState().pending).toBe(2);
    release();
    await Promise.all([first, second]);
    expect(started).toEqual(['Opening', 'Keynote']);
    expect(useMeetingStore.getState().pending).toBe(0);
    expect(loadedDetail().agenda.map((item) => [item.title, item.scheduledStart, item.scheduledEnd])).toEqual([
      ['Opening', '2026-05-14T09:00', '2026-05-14T09:15'],
      ['Keynote', '2026-05-14T09:15', '2026-05-14T09:45'],
    ]);
  });

  it('reloads on meetings.changed for the open meeting only', async () => {
    const meetings = fakeMeetings({ meetings: [sampleMeeting(), sampleMeeting({ id: 'mtg-other', title: 'Other' })] });
    install(meetings);
    await useMeetingStore.getState().load('mtg-copenhagen');
    const stop = useMeetingStore.getState().follow();
    const gets = () => meetings.callsOf('meetings.get').length;
    const before = gets();
    await act(async () => {
      await meetings.handlers['meetings.update']?.({ id: 'mtg-other', changes: { title: 'Renamed elsewhere' } });
    });
    expect(gets()).toBe(before);
    await act(async () => {
      await meetings.handlers['meetings.update']?.({ id: 'mtg-copenhagen', changes: { title: 'Renamed in another window' } });
    });
    await vi.waitFor(() => {
      expect(loadedDetail().meeting.title).toBe('Renamed in another window');
    });
    stop();
  });

  it('names the contacts the page refers to once, and marks overdue action items as the core judges them', async () => {
    const meetings = fakeMeetings({
      meetings: [sampleMeeting({ attendance: [{ contactId: 'con-dk-fp', countryId: null, status: 'attended', note: '' }] })],
      items: [sampleAgendaItem({ presenterContactIds: ['con-dk-fp', 'con-gh-fp'] })],
      actions: [sampleAction({ due: '2025-01-01' }), sampleAction({ id: 'act-later', due: '2030-01-01' })],
    });
    const { directory } = install(meetings);
    await useMeetingStore.getState().load('mtg-copenhagen');
    await vi.waitFor(() => {
      expect(useMeetingStore.getState().contacts).toEqual({
        'con-dk-fp': { name: 'Karen Jensen', countryId: 'dk' },
        'con-gh-fp': { name: 'Kwame Mensah', countryId: 'gh' },
      });
    });
    await vi.waitFor(() => {
      expect([...useMeetingStore.getState().overdueIds]).toEqual(['act-report']);
    });
    await useMeetingStore.getState().load('mtg-copenhagen');
    expect(directory.callsOf('directory.contacts.get').map((call) => call.id).sort()).toEqual(['con-dk-fp', 'con-gh-fp']);
    expect(loadedDetail().attendance.countriesAttended).toBe(1);
  });

  it('answers a write with nothing open as a failure, without calling the core', async () => {
    const meetings = fakeMeetings({ meetings: [sampleMeeting()] });
    install(meetings);
    const result = await useMeetingStore.getState().addItem({ title: 'Orphan' });
    expect(result.ok).toBe(false);
    expect(meetings.callsOf('meetings.agenda.add')).toEqual([]);
  });
});
