import { describe, expect, it } from 'vitest';
import { createBridge, type CallTransport } from './bridge';
import { methodNames } from './contract';
import type { EventMessage } from './events';
import { ok } from './result';

describe('createBridge', () => {
  it('has exactly one function per contract method plus onEvent, and nothing generic', () => {
    const bridge = createBridge(() => Promise.resolve(ok(null)), () => () => undefined);
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'onEvent'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect('invoke' in bridge).toBe(false);
  });

  it('binds each function to its own method name and passes the input through', async () => {
    const calls: [string, unknown][] = [];
    const transport: CallTransport = (method, input) => {
      calls.push([method, input]);
      return Promise.resolve(ok(method));
    };
    const bridge = createBridge(transport, () => () => undefined);
    const pong = await bridge['app.ping']({ echo: 'x' });
    await bridge['app.info']({});
    expect(pong).toEqual({ ok: true, value: 'app.ping' });
    expect(calls).toEqual([
      ['app.ping', { echo: 'x' }],
      ['app.info', {}],
    ]);
  });

  it('delegates event subscription to the transport', () => {
    const received: EventMessage[] = [];
    let emit: ((event: EventMessage) => void) | undefined;
    const bridge = createBridge(
      () => Promise.resolve(ok(null)),
      (listener) => {
        emit = listener;
        return () => {
          emit = undefined;
        };
      },
    );
    const stop = bridge.onEvent((event) => received.push(event));
    const health = {
      status: 'degraded' as const,
      checkedAt: '2026-01-01T00:00:00.000Z',
      dataDirectoryWritable: true,
      freeBytes: 1,
      lockHeld: true,
      inUseBy: null,
      problems: [{ code: 'low-disk-space' as const, message: 'Only 150 MB free' }],
    };
    emit?.({ name: 'app.health', payload: health });
    stop();
    expect(received).toEqual([{ name: 'app.health', payload: health }]);
    expect(emit).toBeUndefined();
  });
});
