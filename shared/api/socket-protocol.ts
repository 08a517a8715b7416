import { isEventName, type EventMessage } from './events';
import { isResult, type Result } from './result';

/**
 * The host's WebSocket protocol: the same contract as IPC, one JSON message per frame.
 * The page is opened at `http://127.0.0.1:PORT/#token=…` (a fragment never reaches the server or a Referer) and
 * connects to `ws://127.0.0.1:PORT/api?token=…`.
 */
export const SOCKET_PATH = '/api';
export const TOKEN_PARAM = 'token';
/** Largest frame either side accepts. Inputs are small; documents travel by their own channel. */
export const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;

/** Client → host: call one contract method. `id` pairs the reply with the call. */
export interface SocketCall {
  readonly type: 'call';
  readonly id: number;
  readonly method: string;
  readonly input: unknown;
}

/** Host → client: the outcome of one call. */
export interface SocketReply {
  readonly type: 'reply';
  readonly id: number;
  readonly result: Result<unknown>;
}

/** Host → client: a pushed core event. */
export interface SocketEvent {
  readonly type: 'event';
  readonly event: EventMessage;
}

export type ServerMessage = SocketReply | SocketEvent;

/** Parses a frame received by the host; null when it is not a well-formed call. */
export function parseSocketCall(text: string): SocketCall | null {
  const value = parseJson(text);
  if (!isRecord(value) || value.type !== 'call') return null;
  const { id, method } = value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof method !== 'string') return null;
  return { type: 'call', id, method, input: value.input };
}

/** Parses a frame received by the page; null when it is neither a reply nor an event. */
export function parseServerMessage(text: string): ServerMessage | null {
  const value = parseJson(text);
  if (!isRecord(value)) return null;
  if (value.type === 'reply' && typeof value.id === 'number' && isResult(value.result)) {
    return { type: 'reply', id: value.id, result: value.result };
  }
  if (value.type === 'event' && isRecord(value.event) && isEventName(value.event.name) && 'payload' in value.event) {
    // The payload comes from the core this page was served by; its shape is the core's to guarantee.
    return { type: 'event', event: value.event as unknown as EventMessage };
  }
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
