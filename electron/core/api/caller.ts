import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who makes a call. A shell with long-lived clients (a window's page, a host socket) names the client, so that what a
 * call opens for it — a live contact list — ends when the client goes (`Core.clientGone`), and events about it can be
 * sent to it alone. The CLI and in-process callers have no such client and pass none.
 */
export interface CallerContext {
  /** Opaque, unique among the clients of this core's run; a page that reloads is a new client. */
  readonly clientId: string;
}

const current = new AsyncLocalStorage<CallerContext | undefined>();

/**
 * Runs `task` (a handler) as `caller`: `currentCaller()` answers it there and in everything `task` awaits, however
 * the handler is wrapped (the lock guard, any later middleware), and concurrent calls never see each other's caller.
 */
export function runAsCaller<T>(caller: CallerContext | undefined, task: () => T): T {
  return current.run(caller, task);
}

/**
 * The caller of the handler running now; undefined for a call without a client (CLI, tests) and outside a call.
 * Handlers read it at their start and hand it to services explicitly: services do not read it themselves.
 */
export function currentCaller(): CallerContext | undefined {
  return current.getStore();
}
