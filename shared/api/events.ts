import type { StoreHealth } from './app';
import type { ContactWindow } from './directory';
import type { TextState } from './documents';
import type { LockStatus } from './lock';
import type { SyncStatus } from './sync';

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
  /** How far the calling client's own import preview or commit has got (see `ImportProgress`). */
  'directory.import.progress': ImportProgress;
  /** Countries, organisations or contacts changed: country pages, trees and counts should reload. */
  'directory.changed': { readonly collections: readonly ('countries' | 'organisations' | 'contacts')[] };
  /** Documents were added, edited, deleted or restored, or a file's text state changed: lists and details reload. */
  'documents.changed': { readonly ids: readonly string[] };
  /** Meetings, their agendas, attendance or action items changed: lists, pages and the tracker reload. */
  'meetings.changed': { readonly ids: readonly string[] };
  /** Sync's state changed (phase, counts, progress of a file, a new conflict): the Sync view and the status badge follow. */
  'sync.changed': SyncStatus;
  /** Text extraction of one file version is under way (`done`/`total` in pages for a PDF, steps otherwise). */
  'documents.text.progress': {
    readonly documentId: string;
    readonly version: number;
    readonly state: TextState;
    readonly done: number;
    readonly total: number;
  };
}

/**
 * A step of `directory.import.preview` (phases `reading`, then `checking`) or `directory.import.commit` (`checking`,
 * then `writing`), pushed to the client that made the call, at most once per step of about a thousand records.
 * Within a phase `done` only grows and the phase's last event has `done === total`; `total` counts records (read,
 * checked) or contacts (written).
 */
export interface ImportProgress {
  /** The preview's id: the one `directory.import.preview` answers with, and the one a commit applies. */
  readonly previewId: string;
  readonly operation: 'preview' | 'commit';
  readonly phase: 'reading' | 'checking' | 'writing';
  readonly done: number;
  readonly total: number;
}

export type EventName = keyof EventPayloads;

export type EventMessage = { [E in EventName]: { readonly name: E; readonly payload: EventPayloads[E] } }[EventName];

export const eventNames: readonly EventName[] = Object.freeze([
  'app.health',
  'app.lock-state',
  'directory.contacts.window',
  'directory.import.progress',
  'directory.changed',
  'documents.changed',
  'documents.text.progress',
  'meetings.changed',
  'sync.changed',
] satisfies EventName[]);

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}
