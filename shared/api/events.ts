import type { StoreHealth } from './app';
import type { ContactWindow } from './directory';
import type { LockStatus } from './lock';

/**
 * Pushes from the core to every open renderer. Payloads are produced by the core (trusted), so they are described by
 * types only; the renderer still checks the event name before using one.
 */
export interface EventPayloads {
  /** The store's health changed (e.g. the disk is nearly full, or the data directory became read-only). */
  'app.health': StoreHealth;
  /** The store's lock state changed (unlocked, or its first passphrase set): every window follows, leaving its unlock screen. */
  'app.lock-state': LockStatus;
  /** A live contact list's window changed (see `directory.contacts.watch`); renderers keep only their own ids. */
  'directory.contacts.window': ContactWindow;
  /** Countries, organisations or contacts changed: country pages, trees and counts should reload. */
  'directory.changed': { readonly collections: readonly ('countries' | 'organisations' | 'contacts')[] };
}

export type EventName = keyof EventPayloads;

export type EventMessage = { [E in EventName]: { readonly name: E; readonly payload: EventPayloads[E] } }[EventName];

export const eventNames: readonly EventName[] = Object.freeze([
  'app.health',
  'app.lock-state',
  'directory.contacts.window',
  'directory.changed',
] satisfies EventName[]);

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}
