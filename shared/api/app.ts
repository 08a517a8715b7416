import { z } from 'zod';
import { defineMethod } from './define-method';

/** Which shell is running the core. The core itself never branches on this; it is reported for support. */
export type ShellKind = 'electron' | 'host' | 'cli';

export type HealthStatus = 'ok' | 'degraded' | 'failed';

/** What can be wrong with the local store. The renderer words each code in the user's language. */
export type HealthProblemCode = 'data-dir-not-writable' | 'low-disk-space' | 'lock-lost';

export interface HealthProblem {
  readonly code: HealthProblemCode;
  /** The same problem in English, for the CLI and the log. */
  readonly message: string;
}

/** The state of the local store: today the data directory and its lock; later issues add the database. */
export interface StoreHealth {
  readonly status: HealthStatus;
  readonly checkedAt: string;
  readonly dataDirectoryWritable: boolean;
  /** Free bytes on the volume holding the data directory, or null when the OS does not say. */
  readonly freeBytes: number | null;
  /** Whether this process holds the data directory (always true in the app and the host). */
  readonly lockHeld: boolean;
  /**
   * The other process holding the data directory, described for a person, when this report comes from an inspection
   * (`cli info` while the app or the host runs); null otherwise.
   */
  readonly inUseBy: string | null;
  /** Problems a person can act on; empty when status is `ok`. */
  readonly problems: readonly HealthProblem[];
}

/** The local database file: what an administrator needs to find it, size it and know whether it is encrypted. */
export interface StoreInfo {
  readonly path: string;
  /** The database file plus its write-ahead log. */
  readonly sizeBytes: number;
  readonly encrypted: boolean;
  /**
   * True while this core waits for the store's passphrase (see shared/api/lock.ts): the file is not opened, so its
   * counts are unknown. An inspection from another process cannot tell and reports false.
   */
  readonly locked: boolean;
  /** Live documents per collection; null when the store is locked or another process holds it (inspection). */
  readonly documentCounts: Readonly<Record<string, number>> | null;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly shell: ShellKind;
  readonly dataDirectory: string;
  readonly platform: string;
  readonly runtime: { readonly node: string; readonly electron: string | null; readonly chrome: string | null };
  readonly startedAt: string;
  readonly health: StoreHealth;
  /** The local store; null when it has not been created yet (inspection of a fresh data directory). */
  readonly store: StoreInfo | null;
}

export interface Pong {
  readonly pong: true;
  readonly at: string;
  readonly echo: string | null;
}

/** Methods of the `app` domain. */
export const appMethods = {
  /** Version, data directory and store health of the running core. Never fails while the core is up. */
  'app.info': defineMethod<AppInfo>()(z.object({}).strict(), 'Version, data directory and store health'),
  /** Round trip through the transport; echoes at most 200 characters back. Used by shells to check the link. */
  'app.ping': defineMethod<Pong>()(
    z.object({ echo: z.string().max(200, 'At most 200 characters').optional() }).strict(),
    'Checks that the core answers',
  ),
} as const;
