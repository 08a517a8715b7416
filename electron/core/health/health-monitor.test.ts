import { describe, expect, it } from 'vitest';
import type { HealthProblem, StoreHealth } from '../../../shared/api/app';
import type { EventMessage } from '../../../shared/api/events';
import { createEventBus } from '../events/event-bus';
import { manualClock, recordingLogger } from '../testing/test-ports';
import { createHealthMonitor, HEALTH_CHECK_INTERVAL_MS } from './health-monitor';

function health(status: StoreHealth['status'], problems: HealthProblem[] = []): StoreHealth {
  return { status, checkedAt: 'now', dataDirectoryWritable: true, freeBytes: 1, lockHeld: true, inUseBy: null, problems };
}

describe('createHealthMonitor', () => {
  it('checks periodically and emits app.health only when the status or problems change', () => {
    const lowDisk: HealthProblem = { code: 'low-disk-space', message: 'Only 150 MB free' };
    const results = [health('ok'), health('ok'), health('degraded', [lowDisk]), health('degraded', [lowDisk])];
    let calls = 0;
    const clock = manualClock();
    const bus = createEventBus(recordingLogger());
    const seen: EventMessage[] = [];
    bus.subscribe((event) => seen.push(event));
    const monitor = createHealthMonitor(() => results[Math.min(calls++, results.length - 1)]!, bus, clock);

    expect(monitor.current().status).toBe('ok');
    clock.tick(HEALTH_CHECK_INTERVAL_MS * 3);
    expect(calls).toBe(4);
    expect(seen.map((event) => (event.name === 'app.health' ? event.payload.status : event.name))).toEqual(['ok', 'degraded']);

    monitor.stop();
    clock.tick(HEALTH_CHECK_INTERVAL_MS * 5);
    expect(calls).toBe(4);
  });
});
