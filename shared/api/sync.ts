import { z } from 'zod';
import { syncRecordKinds, type SyncRecordKind } from '../schemas/sync-record';
import { defineMethod } from './define-method';

/**
 * Sync with the network's CouchDB server: one full cycle on demand (the CLI's `sync --once`), and what sync set
 * aside (conflicts, quarantined documents, refused changes) for a person to look at.
 */

/**
 * The kinds of failure the core's HTTP layer reports (electron/core/sync/http/sync-problem.ts); the renderer words
 * each one in the user's language.
 */
export const syncProblemKinds = [
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'rejected',
  'server-error',
  'unreachable',
  'certificate',
  'proxy-auth',
  'captive-portal',
  'bad-response',
  'cancelled',
] as const;
export type SyncProblemKind = (typeof syncProblemKinds)[number];

/** A summary with nothing moved yet: the start of every cycle's report. */
export function emptySyncSummary(server: string, user: string, startedAt: string): SyncSummary {
  return {
    server,
    user,
    pushed: 0,
    pulled: 0,
    filesUp: 0,
    filesDown: 0,
    fileBytesUp: 0,
    fileBytesDown: 0,
    conflicts: 0,
    quarantined: 0,
    rejected: 0,
    errors: [],
    startedAt,
    seconds: 0,
  };
}

/** What went wrong with one collection or file, for a person. */
export interface SyncError {
  /** The collection (`contacts`…), `files`, or `server` for sign-in. */
  readonly scope: string;
  /** The HTTP layer's kind (`unauthorized`, `unreachable`, `captive-portal`…): the renderer words it. */
  readonly kind: string;
  /** A plain English sentence (CLI, log). */
  readonly message: string;
}

/** What one cycle did. */
export interface SyncSummary {
  readonly server: string;
  readonly user: string;
  readonly pushed: number;
  readonly pulled: number;
  readonly filesUp: number;
  readonly filesDown: number;
  /** Bytes of file chunks sent and received. */
  readonly fileBytesUp: number;
  readonly fileBytesDown: number;
  /** New conflict records this cycle (both sides changed a field; the local value is kept in the record). */
  readonly conflicts: number;
  readonly quarantined: number;
  readonly rejected: number;
  readonly errors: readonly SyncError[];
  readonly startedAt: string;
  readonly seconds: number;
}

/** One record of what sync set aside. */
export interface SyncRecordRow {
  readonly id: string;
  readonly kind: SyncRecordKind;
  readonly collection: string;
  readonly documentId: string;
  readonly reason: string;
  readonly detectedAt: string;
  readonly resolvedAt: string | null;
  /** The evidence, parsed (for a conflict: fields with local, server and base values; both documents). */
  readonly detail: unknown;
}

/** Where sync stands, overall and per collection. */
export const syncStates = [
  /** No server given yet. */
  'not-configured',
  /** A server is set but no password is held (first run, after sign-out, or after a 401): the user signs in. */
  'signed-out',
  /** The last attempt could not reach the server; sync retries with backoff and at once when the network is back. */
  'offline',
  'connecting',
  /** The first sync with this server is under way (`firstSync` says how far). */
  'first-sync',
  'syncing',
  'up-to-date',
  'paused',
  /** A problem a retry will not fix (permission, certificate, proxy sign-in): `lastError` says what. */
  'error',
] as const;
export type SyncState = (typeof syncStates)[number];

export interface CollectionSyncStatus {
  readonly collection: string;
  readonly state: SyncState;
  /** Local changes not yet on the server. */
  readonly pendingLocal: number;
  /** Records received and sent since the app started. */
  readonly pulled: number;
  readonly pushed: number;
  readonly lastSyncedAt: string | null;
  readonly error: SyncError | null;
}

export interface SyncStatus {
  readonly state: SyncState;
  readonly server: string | null;
  readonly user: string | null;
  /** Set by a machine-wide policy: the server field is shown locked. */
  readonly serverLocked: boolean;
  /** During the first sync: records received so far of the server's total. */
  readonly firstSync: { readonly done: number; readonly total: number } | null;
  readonly collections: readonly CollectionSyncStatus[];
  readonly pendingLocal: number;
  /** Files waiting to go up or come down, and the one moving now. */
  readonly files: {
    readonly pendingUp: number;
    readonly pendingDown: number;
    readonly current: { readonly name: string; readonly direction: 'upload' | 'download'; readonly doneBytes: number; readonly totalBytes: number } | null;
  };
  readonly lastSuccessAt: string | null;
  readonly lastError: SyncError | null;
  /** Unresolved records sync set aside. */
  readonly records: { readonly conflicts: number; readonly quarantined: number; readonly rejected: number };
}

/** A server address: http or https, no user name or password in it (they would end up in logs). */
export const serverUrlInput = z
  .string()
  .trim()
  .max(2000, 'At most 2,000 characters')
  // http(s)://host[:port][/path]: no user or password before the host, no spaces (URL is not in shared's lib).
  .regex(/^https?:\/\/[^\s/?#@]+(\/[^\s]*)?$/i, 'Give the server as an http:// or https:// address, without a user name or password in it');

const recordId = z.string().min(1).max(200);

export const syncMethods = {
  'sync.status': defineMethod<SyncStatus>()(z.object({}).strict(), 'Where sync stands'),
  'sync.configure': defineMethod<SyncStatus>()(
    z
      .object({
        url: serverUrlInput,
        user: z.string().trim().min(1, 'Give the user name').max(200, 'At most 200 characters'),
        password: z.string().min(1, 'Give the password').max(1000, 'At most 1,000 characters'),
      })
      .strict(),
    'Sets the server and account, checks them by signing in, keeps the password protected, and starts syncing',
    { sensitive: true },
  ),
  'sync.signIn': defineMethod<SyncStatus>()(
    z.object({ password: z.string().min(1, 'Give the password').max(1000, 'At most 1,000 characters') }).strict(),
    'Signs in again to the configured server (after a 401 or a sign-out)',
    { sensitive: true },
  ),
  'sync.signOut': defineMethod<SyncStatus>()(z.object({}).strict(), 'Stops syncing and forgets the password (the server stays set)'),
  'sync.now': defineMethod<SyncStatus>()(z.object({}).strict(), 'Syncs at once, without waiting for the next retry'),
  'sync.pause': defineMethod<SyncStatus>()(z.object({}).strict(), 'Pauses sync until resumed'),
  'sync.resume': defineMethod<SyncStatus>()(z.object({}).strict(), 'Resumes a paused sync'),
  'sync.conflicts.resolve': defineMethod<{ readonly documentId: string }>()(
    z
      .object({
        id: recordId,
        /** Per conflicting field, whose value to keep. */
        choices: z.record(z.string().min(1).max(100), z.enum(['local', 'remote'])),
      })
      .strict(),
    'Saves a conflicted document with the value picked per field, and marks the conflict resolved',
  ),
  'sync.records.dismiss': defineMethod<{ readonly id: string }>()(
    z.object({ id: recordId }).strict(),
    'Marks a quarantined document or a refused change as seen',
  ),
  'sync.once': defineMethod<SyncSummary>()(
    z
      .object({
        url: serverUrlInput,
        user: z.string().trim().min(1, 'Give the user name').max(200, 'At most 200 characters'),
        password: z.string().min(1, 'Give the password').max(1000, 'At most 1,000 characters'),
      })
      .strict(),
    'Syncs every collection and the files once with a server, and reports what moved',
    { sensitive: true },
  ),
  'sync.records.list': defineMethod<{ readonly rows: readonly SyncRecordRow[] }>()(
    z
      .object({
        kind: z.enum(syncRecordKinds).optional(),
        includeResolved: z.boolean().default(false),
      })
      .strict(),
    'Lists conflicts, quarantined documents and refused changes',
  ),
} as const;
