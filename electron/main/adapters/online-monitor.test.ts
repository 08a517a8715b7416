import { describe, expect, it } from 'vitest';
import { manualClock, recordingLogger } from '../../core/testing/test-ports';
import { createOnlineMonitor, type OnlineMonitorOptions } from './online-monitor';

/** A network whose state the test sets, and a manual clock that counts the polling timers it runs. */
function harness(initiallyOnline: boolean, intervalMs?: number) {
  const clock = manualClock();
  const network = { online: initiallyOnline, asked: 0 };
  const timers = { running: 0, started: 0 };
  const options: OnlineMonitorOptions = {
    isOnline: () => {
      network.asked += 1;
      return network.online;
    },
    every: (ms, fn) => {
      timers.running += 1;
      timers.started += 1;
      const stop = clock.every(ms, fn);
      return () => {
        timers.running -= 1;
        stop();
      };
    },
    ...(intervalMs === undefined ? {} : { intervalMs }),
  };
  return { clock, network, timers, options };
}

describe('createOnlineMonitor', () => {
  it('calls listeners once per offline → online transition, not on every poll that finds the network up', () => {
    const { clock, network, options } = harness(false);
    const monitor = createOnlineMonitor(options);
    let calls = 0;
    monitor.onOnline(() => (calls += 1));

    clock.tick(15_000);
    expect(calls).toBe(0);
    network.online = true;
    clock.tick(5_000);
    expect(calls).toBe(1);
    clock.tick(20_000);
    expect(calls).toBe(1);
    network.online = false;
    clock.tick(5_000);
    network.online = true;
    clock.tick(5_000);
    expect(calls).toBe(2);
  });

  it('does not count being online when the first listener arrives as the network coming back', () => {
    const { clock, options } = harness(true);
    let calls = 0;
    createOnlineMonitor(options).onOnline(() => (calls += 1));
    clock.tick(30_000);
    expect(calls).toBe(0);
  });

  it('polls at the interval it is given (5 s by default)', () => {
    const byDefault = harness(false);
    createOnlineMonitor(byDefault.options).onOnline(() => undefined);
    const askedAtStart = byDefault.network.asked;
    byDefault.clock.tick(4_999);
    expect(byDefault.network.asked).toBe(askedAtStart);
    byDefault.clock.tick(1);
    expect(byDefault.network.asked).toBe(askedAtStart + 1);

    const faster = harness(false, 1_000);
    createOnlineMonitor(faster.options).onOnline(() => undefined);
    faster.clock.tick(5_000);
    expect(faster.network.asked).toBe(1 + 5);
  });

  it('polls only while someone listens: one timer for many listeners, stopped when the last one leaves', () => {
    const { clock, network, timers, options } = harness(false);
    const monitor = createOnlineMonitor(options);
    expect(timers.running).toBe(0);
    const calls: string[] = [];
    const stopA = monitor.onOnline(() => calls.push('a'));
    const stopB = monitor.onOnline(() => calls.push('b'));
    expect(timers).toEqual({ running: 1, started: 1 });

    stopA();
    stopA();
    expect(timers.running).toBe(1);
    network.online = true;
    clock.tick(5_000);
    expect(calls).toEqual(['b']);

    stopB();
    expect(timers.running).toBe(0);
    const asked = network.asked;
    network.online = false;
    clock.tick(60_000);
    expect(network.asked).toBe(asked);

    // Listening again starts afresh from the state at that moment.
    monitor.onOnline(() => calls.push('c'));
    expect(timers).toEqual({ running: 1, started: 2 });
    network.online = true;
    clock.tick(5_000);
    expect(calls).toEqual(['b', 'c']);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const { clock, network, options } = harness(false);
    const monitor = createOnlineMonitor(options);
    let calls = 0;
    const listener = () => (calls += 1);
    const first = monitor.onOnline(listener);
    monitor.onOnline(listener);
    first();
    network.online = true;
    clock.tick(5_000);
    expect(calls).toBe(1);
  });

  it('keeps calling the other listeners, and logs, when one throws', () => {
    const { clock, network, options } = harness(false);
    const logger = recordingLogger();
    const monitor = createOnlineMonitor({ ...options, logger });
    const calls: string[] = [];
    monitor.onOnline(() => {
      throw new Error('listener broke');
    });
    monitor.onOnline(() => calls.push('second'));
    network.online = true;
    expect(() => {
      clock.tick(5_000);
    }).not.toThrow();
    expect(calls).toEqual(['second']);
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]?.level).toBe('error');
    expect(String(logger.entries[0]?.detail?.error)).toContain('listener broke');
  });

  it('does not call a listener that another listener removed during the same round', () => {
    const { clock, network, options } = harness(false);
    const monitor = createOnlineMonitor(options);
    const calls: string[] = [];
    let stopSecond = (): void => undefined;
    monitor.onOnline(() => {
      calls.push('first');
      stopSecond();
    });
    stopSecond = monitor.onOnline(() => calls.push('second'));
    network.online = true;
    clock.tick(5_000);
    expect(calls).toEqual(['first']);
  });
});
