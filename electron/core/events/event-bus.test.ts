import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/api/events';
import { recordingLogger } from '../testing/test-ports';
import { createEventBus } from './event-bus';

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
