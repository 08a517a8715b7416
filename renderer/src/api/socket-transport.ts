import type { CallTransport, EventTransport } from '../../../shared/api/bridge';
import type { EventMessage } from '../../../shared/api/events';
import { fail, type Result } from '../../../shared/api/result';
import { MAX_SOCKET_MESSAGE_BYTES, parseServerMessage, type SocketCall } from '../../../shared/api/socket-protocol';
import type { ConnectionListener, ConnectionSource, ConnectionStatus } from './connection-status';

/** The part of the browser's `WebSocket` the transport uses. A real `WebSocket` satisfies it; tests pass a fake. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

/** Reconnection backoff: the delay doubles from `initialDelayMs` up to `maxDelayMs`; after `maxAttempts` it stops. */
export interface RetryPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
}

/** What a failed call says to the person; the client passes translated texts, tests use the English defaults. */
export interface TransportMessages {
  /** The socket closed while the call was waiting for its reply. */
  readonly lost: () => string;
  /** The call was made while there was no socket (waiting to reconnect, or gave up). */
  readonly notConnected: () => string;
  readonly timeout: () => string;
  /** The transport was disposed. */
  readonly closed: () => string;
  readonly tooLarge: () => string;
  /** The input could not be serialised (e.g. a cycle); a programming error, never user data. */
  readonly notSendable: () => string;
}

export interface SocketTransportOptions {
  readonly url: string;
  readonly createSocket?: WebSocketFactory;
  readonly retry?: RetryPolicy;
  /**
   * A call without a reply after this long resolves as `unavailable`, so a host that stops answering without closing
   * the socket never leaves a screen waiting for ever.
   */
  readonly callTimeoutMs?: number;
  readonly messages?: TransportMessages;
}

/** A contract transport over one WebSocket that reconnects by itself. No method of it ever throws or rejects. */
export interface SocketTransport extends ConnectionSource {
  readonly call: CallTransport;
  readonly onEvent: EventTransport;
  /** Closes the socket for good: pending and later calls resolve as `unavailable`, and no reconnection happens. */
  readonly dispose: () => void;
}

/** About 45 s of attempts (0.5, 1, 2, 4, 8, then 10 s apart) before the banner asks the user to act. */
export const defaultRetryPolicy: RetryPolicy = { initialDelayMs: 500, maxDelayMs: 10_000, maxAttempts: 8 };
/** Generous on purpose: a call is slow only when the machine is, and failing it early would lose the answer. */
export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

const englishMessages: TransportMessages = {
  lost: () => 'The connection to Focal Desk was lost before it answered. Try again once it reconnects.',
  notConnected: () => 'Focal Desk is not connected right now. Try again once the connection is back.',
  timeout: () => 'Focal Desk did not answer in time. Try again in a moment.',
  closed: () => 'This window is no longer connected to Focal Desk. Reload the page to connect again.',
  tooLarge: () => 'This request is too large to send to Focal Desk.',
  notSendable: () => 'This request could not be sent to Focal Desk.',
};

// WebSocket.OPEN; spelled out so the transport does not need the WebSocket global (absent in some test setups).
const OPEN = 1;

interface PendingCall {
  readonly resolve: (result: Result<unknown>) => void;
  readonly timer: ReturnType<typeof setTimeout>;
  /** The frame, until it is handed to an open socket. */
  frame: string | null;
}

/**
 * Connects to the host's socket (shared/api/socket-protocol.ts) and starts connecting immediately.
 * Replies are paired with calls by id; frames that are not a well-formed reply or event are ignored. When the socket
 * closes, every waiting call resolves with an `unavailable` error and the transport reconnects with backoff.
 */
export function createSocketTransport(options: SocketTransportOptions): SocketTransport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const retry = options.retry ?? defaultRetryPolicy;
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const messages = options.messages ?? englishMessages;

  const pending = new Map<number, PendingCall>();
  const eventListeners = new Set<(event: EventMessage) => void>();
  const statusListeners = new Set<ConnectionListener>();
  let status: ConnectionStatus = { state: 'connecting' };
  let socket: WebSocketLike | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  let disposed = false;

  function setStatus(next: ConnectionStatus): void {
    status = next;
    for (const listener of [...statusListeners]) notify(() => { listener(next); });
  }

  function settle(id: number, result: Result<unknown>): void {
    const call = pending.get(id);
    if (call === undefined) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(result);
  }

  function failAll(message: string): void {
    for (const id of [...pending.keys()]) settle(id, fail('unavailable', message));
  }

  function send(id: number, call: PendingCall, open: WebSocketLike): void {
    const frame = call.frame;
    if (frame === null) return;
    call.frame = null;
    try {
      open.send(frame);
    } catch (error: unknown) {
      console.error('Focal Desk: could not send a call on the host socket', error);
      settle(id, fail('unavailable', messages.lost()));
    }
  }

  function connect(): void {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    let created: WebSocketLike;
    try {
      created = createSocket(options.url);
    } catch (error: unknown) {
      console.error('Focal Desk: could not open the host socket', error);
      lose();
      return;
    }
    socket = created;
    created.addEventListener('open', () => {
      if (socket !== created) return;
      failures = 0;
      setStatus({ state: 'connected' });
      for (const [id, call] of pending) send(id, call, created);
    });
    created.addEventListener('message', (event) => {
      if (socket === created) receive(event.data);
    });
    const gone = (): void => {
      if (socket !== created) return;
      socket = null;
      // After an error the browser closes the socket itself; closing again makes sure of it and is harmless.
      created.close();
      lose();
    };
    created.addEventListener('close', gone);
    created.addEventListener('error', gone);
  }

  function lose(): void {
    failAll(disposed ? messages.closed() : messages.lost());
    if (disposed) return;
    failures += 1;
    if (failures > retry.maxAttempts) {
      setStatus({ state: 'offline' });
      return;
    }
    setStatus({ state: 'reconnecting', attempt: failures, maxAttempts: retry.maxAttempts });
    const delay = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (failures - 1));
    retryTimer = setTimeout(connect, delay);
  }

  function receive(data: unknown): void {
    // The host only sends text frames; anything else is not ours to interpret.
    if (typeof data !== 'string') return;
    const message = parseServerMessage(data);
    if (message === null) return;
    if (message.type === 'reply') {
      settle(message.id, message.result);
      return;
    }
    for (const listener of [...eventListeners]) notify(() => { listener(message.event); });
  }

  const call: CallTransport = (method, input) =>
    new Promise<Result<unknown>>((resolve) => {
      if (disposed) {
        resolve(fail('unavailable', messages.closed()));
        return;
      }
      const current = socket;
      if (current === null) {
        resolve(fail('unavailable', messages.notConnected()));
        return;
      }
      const id = nextId++;
      const frame = encodeCall({ type: 'call', id, method, input });
      if (frame === null) {
        resolve(fail('invalid-input', messages.notSendable()));
        return;
      }
      if (new TextEncoder().encode(frame).byteLength > MAX_SOCKET_MESSAGE_BYTES) {
        resolve(fail('invalid-input', messages.tooLarge()));
        return;
      }
      const timer = setTimeout(() => {
        settle(id, fail('unavailable', messages.timeout()));
      }, callTimeoutMs);
      const entry: PendingCall = { resolve, timer, frame };
      pending.set(id, entry);
      // While the socket is still connecting the frame waits in `pending` and goes out on `open`.
      if (current.readyState === OPEN) send(id, entry, current);
    });

  connect();

  return {
    call,
    onEvent: (listener) => {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },
    status: () => status,
    subscribe: (listener) => {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    reconnect: () => {
      if (disposed || socket !== null) return;
      failures = 0;
      setStatus({ state: 'connecting' });
      connect();
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = null;
      const open = socket;
      socket = null;
      open?.close();
      failAll(messages.closed());
      setStatus({ state: 'offline' });
    },
  };
}

function encodeCall(call: SocketCall): string | null {
  try {
    return JSON.stringify(call);
  } catch {
    return null;
  }
}

/** Runs a listener so that one that throws neither breaks the others nor the socket. */
function notify(run: () => void): void {
  try {
    run();
  } catch (error: unknown) {
    console.error('Focal Desk: a listener failed', error);
  }
}
