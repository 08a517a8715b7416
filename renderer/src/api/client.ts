import { createBridge, type FocalBridge } from '../../../shared/api/bridge';
import type { MethodName } from '../../../shared/api/contract';
import type { EventName, EventPayloads } from '../../../shared/api/events';
import { fail, isResult, type Result } from '../../../shared/api/result';
import { i18n } from '../i18n/i18n';
import type { ConnectionSource, ConnectionStatus } from './connection-status';
import { hostSocketUrl, takeHostToken } from './host-token';
import { createSocketTransport, type TransportMessages, type WebSocketFactory } from './socket-transport';

/** What the stores talk to: the contract as typed functions, and the state of the link behind it. */
export interface ApiClient {
  readonly bridge: FocalBridge;
  readonly connection: ConnectionSource;
}

/** The page's globals that decide the transport; a parameter so the choice can be tested without a real window. */
export interface ApiEnvironment {
  readonly focal: FocalBridge | undefined;
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search' | 'protocol' | 'host'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly createSocket?: WebSocketFactory;
}

let active: ApiClient | null = null;

/**
 * Builds the client for this page: the Electron preload's `window.focal` when present, else the host's socket with
 * the token from the address (or from an earlier load of this tab). Null when there is neither, i.e. the page was
 * opened some other way; the shell then explains how to open Focal Desk.
 */
export function connectApi(env: ApiEnvironment = browserEnvironment()): ApiClient | null {
  if (env.focal !== undefined) return clientFromBridge(env.focal);
  const token = takeHostToken({ location: env.location, history: env.history, storage: env.sessionStorage });
  if (token === null) return null;
  const transport = createSocketTransport({
    url: hostSocketUrl(env.location, token),
    ...(env.createSocket === undefined ? {} : { createSocket: env.createSocket }),
    messages: translatedMessages,
  });
  return { bridge: createBridge(transport.call, transport.onEvent), connection: transport };
}

/**
 * Wraps a bridge that is always connected (Electron's preload, or a test's). A call that rejects or returns something
 * other than a Result becomes an error Result here, so no store ever has to catch.
 */
export function clientFromBridge(bridge: FocalBridge): ApiClient {
  const connected: ConnectionStatus = { state: 'connected' };
  const call = async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    try {
      // Each bridge member takes its own method's input type; the value comes from a typed call site of the wrapper.
      const invoke = bridge[method] as (value: unknown) => Promise<unknown>;
      const result = await invoke(input);
      if (isResult(result)) return result;
      console.error('Focal Desk: the bridge returned something that is not a Result', { method });
      return fail('internal', i18n.t('connection.errors.badReply'));
    } catch (error: unknown) {
      console.error('Focal Desk: a bridge call failed', { method, error });
      return fail('unavailable', i18n.t('connection.errors.lost'));
    }
  };
  return {
    bridge: createBridge(call, (listener) => bridge.onEvent(listener)),
    connection: { status: () => connected, subscribe: () => () => undefined, reconnect: () => undefined },
  };
}

/** Makes `client` the one every store uses. main.tsx installs the real one; tests install one over a fake bridge. */
export function installApiClient(client: ApiClient | null): void {
  active = client;
}

/** The installed client; null when the page has no way to reach the core. */
export function getApiClient(): ApiClient | null {
  return active;
}

/** The installed client's bridge; without one, a bridge whose every call resolves as `unavailable` (never throws). */
export function getBridge(): FocalBridge {
  return active?.bridge ?? disconnectedBridge;
}

/** Calls `listener` with the payload of every `name` event from the installed client; returns the unsubscribe. */
export function onCoreEvent<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return getBridge().onEvent((event) => {
    const eventName: string = event.name;
    if (eventName !== name) return;
    const payload: unknown = event.payload;
    // TypeScript cannot narrow a union on a generic name; events.ts pairs each name with exactly one payload type.
    listener(payload as EventPayloads[E]);
  });
}

const disconnectedBridge: FocalBridge = createBridge(
  () => Promise.resolve(fail('unavailable', i18n.t('connection.errors.noCore'))),
  () => () => undefined,
);

const translatedMessages: TransportMessages = {
  lost: () => i18n.t('connection.errors.lost'),
  notConnected: () => i18n.t('connection.errors.notConnected'),
  timeout: () => i18n.t('connection.errors.timeout'),
  closed: () => i18n.t('connection.errors.closed'),
  tooLarge: () => i18n.t('connection.errors.tooLarge'),
  notSendable: () => i18n.t('connection.errors.notSendable'),
};

function browserEnvironment(): ApiEnvironment {
  return {
    focal: window.focal,
    location: window.location,
    history: window.history,
    sessionStorage: sessionStorageOrNull(),
  };
}

function sessionStorageOrNull(): Storage | null {
  try {
    // Reading the property itself throws when the browser blocks storage for the page.
    return window.sessionStorage;
  } catch {
    return null;
  }
}
