import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from '../../shared/api/bridge';
import { ok, type Result } from '../../shared/api/result';
import type { Dispatch } from '../core/api/dispatch';
import type { Logger } from '../core/ports';
import { registerCallHandler, type CallRegistry } from './ipc';
import type { FrameLike } from './sender-check';
import { createWindowClients } from './window-clients';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpc() {
  const handlers = new Map<string, Listener>();
  const registry: CallRegistry = {
    handle: (channel, listener) => {
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  const invoke = async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<unknown>> => {
    const handler = handlers.get(CALL_CHANNEL);
    if (handler === undefined) throw new Error('no handler');
    return (await handler(event, ...args)) as Result<unknown>;
  };
  return { registry, handlers, invoke };
}

function invokeEvent(url: string): IpcMainInvokeEvent {
  const frame: FrameLike = { url, processId: 3, routingId: 1, parent: null };
  // Only the fields the sender check reads; a real IpcMainInvokeEvent cannot be built outside Electron.
  return { senderFrame: frame, sender: { mainFrame: frame } } as unknown as IpcMainInvokeEvent;
}

const logger: Logger = { log: vi.fn() };

describe('registerCallHandler', () => {
  it('passes calls from the app page to the core dispatch', async () => {
    const dispatch = vi.fn<Dispatch>(() => Promise.resolve(ok({ pong: true })));
    const ipc = fakeIpc();
    registerCallHandler(ipc.registry, dispatch, logger);
    const result = await ipc.invoke(invokeEvent('app://focal/index.html'), 'app.ping', { echo: 'x' });
    expect(result).toEqual({ ok: true, value: { pong: true } });
    expect(dispatch).toHaveBeenCalledWith('app.ping', { echo: 'x' });
  });

  it('refuses other senders with a forbidden Result before dispatching', async () => {
    const dispatch = vi.fn<Dispatch>();
    const ipc = fakeIpc();
    registerCallHandler(ipc.registry, dispatch, logger);
    const result = await ipc.invoke(invokeEvent('https://example.invalid/'), 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const destroyed = { senderFrame: null, sender: {} } as unknown as IpcMainInvokeEvent;
    expect(await ipc.invoke(destroyed, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatch into an internal error instead of a rejection', async () => {
    const dispatch = vi.fn<Dispatch>(() => Promise.reject(new Error('boom')));
    const ipc = fakeIpc();
    registerCallHandler(ipc.registry, dispatch, logger);
    const result = await ipc.invoke(invokeEvent('app://focal/index.html'), 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('unregisters its handler', () => {
    const ipc = fakeIpc();
    const unregister = registerCallHandler(ipc.registry, vi.fn<Dispatch>(), logger);
    expect(ipc.handlers.has(CALL_CHANNEL)).toBe(true);
    unregister();
    expect(ipc.handlers.has(CALL_CHANNEL)).toBe(false);
  });

  it('names the sending page as the caller, and tells the core when that page reloads', async () => {
    const callers: (string | null)[] = [];
    const dispatch = vi.fn<Dispatch>((_method, _input, caller) => {
      callers.push(caller?.clientId ?? null);
      return Promise.resolve(ok(null));
    });
    const gone: string[] = [];
    const ipc = fakeIpc();
    registerCallHandler(ipc.registry, dispatch, logger, createWindowClients((clientId) => gone.push(clientId)));
    const frame: FrameLike = { url: 'app://focal/index.html', processId: 3, routingId: 1, parent: null };
    // The sender check reads the frames; the client tracking reads the WebContents' id and events.
    const sender = Object.assign(new EventEmitter(), { id: 9, mainFrame: frame });
    const event = { senderFrame: frame, sender } as unknown as IpcMainInvokeEvent;
    await ipc.invoke(event, 'app.ping', {});
    await ipc.invoke(event, 'app.ping', {});
    sender.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    await ipc.invoke(event, 'app.ping', {});
    expect(callers[0]).toMatch(/^window-9-/);
    expect(callers[1]).toBe(callers[0]);
    expect(callers[2]).not.toBe(callers[0]);
    expect(gone).toEqual([callers[0]]);
  });
});

