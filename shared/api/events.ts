import type { StoreHealth } from './app';

/**
 * Pushes from the core to every open renderer. Payloads are produced by the core (trusted), so they are described by
 * types only; the renderer still checks the event name before using one.
 */
export interface EventPayloads {
  /** The store's health changed (e.g. the disk is nearly full, or the data directory became read-only). */
  'app.health': StoreHealth;
}

export type EventName = keyof EventPayloads;

export type EventMessage = { [E in EventName]: { readonly name: E; readonly payload: EventPayloads[E] } }[EventName];

export const eventNames: readonly EventName[] = Object.freeze(['app.health'] satisfies EventName[]);

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}
