import { z } from 'zod';
import { defineMethod } from './define-method';

/** Which shell is running the core. The core itself never branches on this; it is reported for support. */
export type ShellKind = 'electron' | 'host' | 'cli';

export type HealthStatus = 'ok' | 'degraded' | 'failed';

/** The state of the local store: today the data directory and its lock; later issues add the database. */
export interface StoreHealth {
  readonly status: HealthStatus;
  readonly checkedAt: string;
  readonly dataDirectoryWritable: boolean;
  /** Free bytes on the volume holding the data directory, or null when the OS does not say. */
  readonly freeBytes: number | null;
  readonly lockHeld: boolean;
  /** Problems a person can act on, in plain words; empty when status is `ok`. */
  readonly problems: readonly string[];
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
