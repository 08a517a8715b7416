import type { MethodInput, MethodName, MethodOutput } from './contract';
import { methodNames } from './method-names';
import type { EventMessage } from './events';
import type { Result } from './result';

/** IPC channel names. Only the preload and electron/main use them; the page never sees a channel. */
export const CALL_CHANNEL = 'focal:call';
export const EVENT_CHANNEL = 'focal:event';

/**
 * What the renderer sees as `window.focal` (Electron) or builds over the host's socket: one function per contract
 * method, plus a subscription to pushed events. There is deliberately no generic `invoke(channel)`.
 */
export type FocalBridge = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
} & {
  /** Registers a listener for core events; returns the function that unregisters it. */
  readonly onEvent: (listener: (event: EventMessage) => void) => () => void;
};

/** Sends one call over a transport. The method name is always one of the contract's, fixed when the bridge is built. */
export type CallTransport = (method: MethodName, input: unknown) => Promise<Result<unknown>>;
export type EventTransport = (listener: (event: EventMessage) => void) => () => void;

/** Builds a bridge with exactly the contract's methods, each bound to its own name. */
export function createBridge(call: CallTransport, onEvent: EventTransport): FocalBridge {
  const methods = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => call(name, input)]));
  // The object has exactly one function per contract method, each typed by the contract at its call site.
  return Object.freeze({ ...methods, onEvent }) as unknown as FocalBridge;
}
