import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/api/events';
import { recordingLogger } from '../testing/test-ports';
import { createEventBus, isForClient } from './event-bus';

const event: EventMessage = {
  name: 'app.health',
  payload: { status: 'ok', checkedAt: 'now', dataDirectoryWritable: true, freeBytes: null, lockHeld: true, inUseBy: null, problems: [] },
};

describe('createEventBus', () => {
  it('delivers to every listener even when one throws, and logs the failure', () => {
    const logger = recordingLogger();
    const bus = createEventBus(logger);
    const received: string[] = [];
    const stopBroken = bus.subscribe(() => {
      throw new Error('broken window');
    });
    const stop = bus.subscribe((message) => received.push(message.name));
    bus.emit(event);
    stop();
    stopBroken();
    bus.emit(event);
    expect(received).toEqual(['app.health']);
    expect(logger.entries).toEqual([
      { level: 'error', message: 'An event listener failed', detail: { event: 'app.health', error: 'Error: broken window' } },
    ]);
  });
});

describe('addressed events and clients that go', () => {
  it('tells listeners whom an event is for, and null when it is for everyone', () => {
    const bus = createEventBus(recordingLogger());
    const received: (string | null)[] = [];
    bus.subscribe((_event, to) => received.push(to));
    bus.emit(event);
    bus.emit(event, { to: 'client-a' });
    expect(received).toEqual([null, 'client-a']);
  });

  it('lets a transport keep only what is for its own client', () => {
    expect(isForClient(null, 'client-a')).toBe(true);
    expect(isForClient('client-a', 'client-a')).toBe(true);
    expect(isForClient('client-b', 'client-a')).toBe(false);
    // A transport that cannot tell its clients apart passes everything on.
    expect(isForClient('client-b', null)).toBe(true);
  });

  it('tells every clientGone listener once, even when one throws, and stops after unsubscribe', () => {
    const logger = recordingLogger();
    const bus = createEventBus(logger);
    const gone: string[] = [];
    bus.onClientGone(() => {
      throw new Error('broken service');
    });
    const stop = bus.onClientGone((clientId) => gone.push(clientId));
    bus.clientGone('client-a');
    stop();
    bus.clientGone('client-b');
    expect(gone).toEqual(['client-a']);
    expect(logger.entries.map((entry) => entry.message)).toEqual(['Ending what a client held open failed', 'Ending what a client held open failed']);
  });
});
