import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventMessage } from '../../../shared/api/events';
import { fail, ok, type Result } from '../../../shared/api/result';
import { fakeSocketFactory } from '../test/fake-socket';
import { sampleHealth } from '../test/fake-bridge';
import { createSocketTransport, type SocketTransportOptions } from './socket-transport';

const retry = { initialDelayMs: 100, maxDelayMs: 400, maxAttempts: 3 };

function setup(options: Partial<SocketTransportOptions> = {}) {
  const factory = fakeSocketFactory();
  const transport = createSocketTransport({
    url: 'ws://127.0.0.1:4000/api?token=t',
    createSocket: factory.create,
    retry,
    ...options,
  });
  return { factory, transport };
}

function reply(id: number, result: Result<unknown>): string {
  return JSON.stringify({ type: 'reply', id, result });
}

/** Whether a promise has settled, without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  return (await Promise.race([promise, Promise.resolve(marker)])) !== marker;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('socket transport', () => {
  it('connects at once to the given URL and reports the link', () => {
    const { factory, transport } = setup();
    expect(factory.sockets.map((socket) => socket.url)).toEqual(['ws://127.0.0.1:4000/api?token=t']);
    expect(transport.status()).toEqual({ state: 'connecting' });
    factory.latest().open();
    expect(transport.status()).toEqual({ state: 'connected' });
  });

  it('holds calls made while connecting and sends them on open', async () => {
    const { factory, transport } = setup();
    const pending = transport.call('app.ping', { echo: 'hi' });
    const socket = factory.latest();
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.calls()).toEqual([{ type: 'call', id: 1, method: 'app.ping', input: { echo: 'hi' } }]);
    socket.receive(reply(1, ok({ pong: true })));
    await expect(pending).resolves.toEqual(ok({ pong: true }));
  });

  it('pairs each reply with its call, whatever the order of the replies', async () => {
    const { factory, transport } = setup();
    const socket = factory.latest();
    socket.open();
    const first = transport.call('app.ping', { echo: 'one' });
    const second = transport.call('app.info', {});
    const [callOne, callTwo] = socket.calls();
    expect(callOne?.id).not.toBe(callTwo?.id);
    socket.receive(reply(callTwo!.id, ok('info')));
    socket.receive(reply(callOne!.id, fail('invalid-input', 'Too long')));
    await expect(second).resolves.toEqual(ok('info'));
    await expect(first).resolves.toEqual(fail('invalid-input', 'Too long'));
  });

  it('resolves every waiting call as unavailable when the socket closes', async () => {
    const { factory, transport } = setup();
    const socket = factory.latest();
    socket.open();
    const calls = [transport.call('app.info', {}), transport.call('app.ping', {})];
    socket.drop();
    for (const result of await Promise.all(calls)) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('unavailable');
        expect(result.error.message).toMatch(/connection to Focal Desk was lost/);
      }
    }
  });

  it('resolves calls still waiting for the first connection when it fails', async () => {
    const { factory, transport } = setup();
    const call = transport.call('app.info', {});
    factory.latest().drop(true);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('answers at once, as unavailable, a call made while there is no socket', async () => {
    const { factory, transport } = setup();
    factory.latest().drop();
    const call = transport.call('app.info', {});
    expect(await settled(call)).toBe(true);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('ignores frames that are not a well-formed reply or event, and replies to no call', async () => {
    const { factory, transport } = setup();
    const socket = factory.latest();
    socket.open();
    const events: EventMessage[] = [];
    transport.onEvent((event) => events.push(event));
    const call = transport.call('app.info', {});
    for (const junk of [
      'not json',
      '{"type":"reply","id":1}',
      '{"type":"reply","id":1,"result":{"ok":false}}',
      '{"type":"event","event":{"name":"no.such.event","payload":{}}}',
      '[1,2,3]',
      new ArrayBuffer(8),
      reply(999, ok('stray')),
    ]) {
      socket.receive(junk);
    }
    expect(await settled(call)).toBe(false);
    expect(events).toEqual([]);
    socket.receive(reply(1, ok('real')));
    await expect(call).resolves.toEqual(ok('real'));
  });

  it('delivers events to every listener until it unsubscribes, even when one listener throws', () => {
    const { factory, transport } = setup();
    const socket = factory.latest();
    socket.open();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const received: EventMessage[] = [];
    transport.onEvent(() => {
      throw new Error('broken listener');
    });
    const stop = transport.onEvent((event) => received.push(event));
    const event: EventMessage = { name: 'app.health', payload: sampleHealth({ status: 'degraded' }) };
    socket.receive(JSON.stringify({ type: 'event', event }));
    expect(received).toEqual([event]);
    expect(errors).toHaveBeenCalled();
    stop();
    socket.receive(JSON.stringify({ type: 'event', event }));
    expect(received).toHaveLength(1);
  });

  it('reconnects with a growing, capped delay and gives up after the last attempt', () => {
    const { factory, transport } = setup();
    const statuses: string[] = [];
    transport.subscribe((status) => statuses.push(status.state));
    factory.latest().drop();
    expect(transport.status()).toEqual({ state: 'reconnecting', attempt: 1, maxAttempts: 3 });
    vi.advanceTimersByTime(99);
    expect(factory.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(factory.sockets).toHaveLength(2);
    factory.latest().drop();
    vi.advanceTimersByTime(199);
    expect(factory.sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(factory.sockets).toHaveLength(3);
    factory.latest().drop();
    expect(transport.status()).toEqual({ state: 'reconnecting', attempt: 3, maxAttempts: 3 });
    vi.advanceTimersByTime(400);
    factory.latest().drop();
    expect(transport.status()).toEqual({ state: 'offline' });
    vi.advanceTimersByTime(60_000);
    expect(factory.sockets).toHaveLength(4);
    expect(statuses.at(-1)).toBe('offline');
  });

  it('starts counting attempts again once a connection succeeds', () => {
    const { factory, transport } = setup();
    factory.latest().drop();
    vi.advanceTimersByTime(100);
    factory.latest().open();
    factory.latest().drop();
    expect(transport.status()).toEqual({ state: 'reconnecting', attempt: 1, maxAttempts: 3 });
  });

  it('reconnects at once when asked, even after giving up', () => {
    const { factory, transport } = setup({ retry: { initialDelayMs: 100, maxDelayMs: 100, maxAttempts: 0 } });
    factory.latest().drop();
    expect(transport.status()).toEqual({ state: 'offline' });
    transport.reconnect();
    expect(factory.sockets).toHaveLength(2);
    expect(transport.status()).toEqual({ state: 'connecting' });
    factory.latest().open();
    expect(transport.status()).toEqual({ state: 'connected' });
    transport.reconnect();
    expect(factory.sockets).toHaveLength(2);
  });

  it('treats a socket that cannot even be created as a failed attempt', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const transport = createSocketTransport({
      url: 'ws://bad',
      retry,
      createSocket: () => {
        throw new SyntaxError('bad URL');
      },
    });
    expect(transport.status()).toEqual({ state: 'reconnecting', attempt: 1, maxAttempts: 3 });
  });

  it('gives up on a call the host never answers', async () => {
    const { factory, transport } = setup({ callTimeoutMs: 1_000 });
    factory.latest().open();
    const call = transport.call('app.info', {});
    vi.advanceTimersByTime(1_000);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'unavailable', message: /in time/ } });
    factory.latest().receive(reply(1, ok('late')));
    await expect(call).resolves.toMatchObject({ ok: false });
  });

  it('refuses, without sending, a call too large for the host or impossible to encode', async () => {
    const { factory, transport } = setup();
    factory.latest().open();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(transport.call('app.ping', { echo: 'x'.repeat(1024 * 1024) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    await expect(transport.call('app.ping', cyclic)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(factory.latest().sent).toEqual([]);
  });

  it('closes for good on dispose: waiting calls fail, nothing reconnects, later calls fail at once', async () => {
    const { factory, transport } = setup();
    const socket = factory.latest();
    socket.open();
    const waiting = transport.call('app.info', {});
    transport.dispose();
    expect(socket.closeCalls).toBe(1);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    socket.drop();
    vi.advanceTimersByTime(60_000);
    expect(factory.sockets).toHaveLength(1);
    expect(transport.status()).toEqual({ state: 'offline' });
    await expect(transport.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('uses the messages it is given, so errors reach the user in their language', async () => {
    const { factory, transport } = setup({
      messages: {
        lost: () => 'Connexion perdue',
        notConnected: () => 'Non connecté',
        timeout: () => 'Délai dépassé',
        closed: () => 'Fermé',
        tooLarge: () => 'Trop volumineux',
        notSendable: () => 'Impossible à envoyer',
      },
    });
    factory.latest().open();
    const call = transport.call('app.info', {});
    factory.latest().drop();
    await expect(call).resolves.toEqual(fail('unavailable', 'Connexion perdue'));
  });
});
