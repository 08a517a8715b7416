import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import { emptySyncSummary, type SyncError, type SyncRecordRow, type SyncState, type SyncStatus, type SyncSummary } from '../../../shared/api/sync';
import { collectionSchemas, type CollectionName } from '../../../shared/schemas/collections';
import type { SyncRecordKind } from '../../../shared/schemas/sync-record';
import { AppFailure } from '../app-failure';
import type { FocalDatabase } from '../db/database';
import type { Documents } from '../documents/documents';
import type { EventBus } from '../events/event-bus';
import type { Clock, CredentialStore, HttpFetch, Logger, NetworkMonitor } from '../ports';
import { applyChoices, type ConflictRecord, type FieldChoice } from './conflicts/conflict-record';
import { databaseNameOf } from './couch-names';
import type { FileProgress } from './files/file-channel';
import { createBackoff } from './http/backoff';
import { createCouchHttp, type CouchHttp } from './http/couch-http';
import { isSyncProblem } from './http/sync-problem';
import { runSyncCycle, syncErrorOf, type CycleResult } from './sync-cycle';
import { SYNC_ORDER } from './sync-engine';
import type { LocalRecord } from './replication/couch-doc';
import { openSyncSettings } from './sync-settings';

export interface SyncDeps {
  readonly dataDir: string;
  readonly whenOpen: () => Promise<FocalDatabase>;
  readonly documents: Documents;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Absent in a shell that cannot reach a server: sync then says so. */
  readonly fetch?: HttpFetch | undefined;
  readonly credentials?: CredentialStore | undefined;
  readonly network?: NetworkMonitor | undefined;
  /** Keep syncing in the background once the store is open (the app and the host); the CLI syncs on demand only. */
  readonly live: boolean;
  /** Between two cycles when nothing happens here (the server is asked what changed). */
  readonly pollIntervalMs?: number;
  /** How long a request may wait for the server's next byte. */
  readonly timeoutMs?: number;
}

export interface SyncOnceInput {
  readonly url: string;
  readonly user: string;
  readonly password: string;
}

/** Problems no retry fixes: a person must act (the status is `error`, or `signed-out` for a password). */
const NEEDS_A_PERSON: ReadonlySet<string> = new Set(['unauthorized', 'forbidden', 'certificate', 'proxy-auth', 'signed-out']);
/** A local change is sent this long after the last one, so a burst of edits travels together. */
const LOCAL_CHANGE_DELAY_MS = 2_000;
const STATUS_EVENT_INTERVAL_MS = 250;
const PENDING_PERSIST_DELAY_MS = 500;
/** Beyond this many pending ids in one collection the count stops growing (the settings file stays small). */
const MAX_PENDING_IDS = 100_000;

function memoryCredentials(): CredentialStore {
  const held = new Map<string, string>();
  return {
    read: (account) => Promise.resolve(held.get(account) ?? null),
    write: (account, secret) => {
      held.set(account, secret);
      return Promise.resolve();
    },
    remove: (account) => {
      held.delete(account);
      return Promise.resolve();
    },
  };
}

/**
 * Sync as the contract offers it. In the app and the host it runs in the background once the store is open: a
 * cycle (records both ways, then files) at start, a couple of seconds after each local change, when the operating
 * system reports the network back, on "Sync now", and every `pollIntervalMs` to fetch what others changed; failures
 * are retried with capped exponential backoff and jitter. Polling rather than one long-poll feed per database keeps
 * to a single connection, where Chromium allows six per server. `once` is the CLI's single cycle.
 */
export function createSync(deps: SyncDeps) {
  const settings = openSyncSettings(deps.dataDir, deps.logger);
  const credentials = deps.credentials ?? memoryCredentials();
  const pollIntervalMs = deps.pollIntervalMs ?? 30_000;
  const backoff = createBackoff();
  const accountOf = (server: string, user: string) => `${server}|${user}`;

  /** Ids changed here and not yet on the server, per collection; written to the settings file shortly after a change. */
  const pending = new Map(SYNC_ORDER.map((name) => [name, new Set(settings.get().pending[name] ?? [])]));
  let persistTimer: NodeJS.Timeout | null = null;
  const persistPending = (): void => {
    if (persistTimer !== null) clearTimeout(persistTimer);
    persistTimer = null;
    settings.update((before) => ({ ...before, pending: Object.fromEntries([...pending].map(([name, ids]) => [name, [...ids]])) }));
  };
  let password: string | null = null;
  let state: SyncState = 'not-configured';
  let lastError: SyncError | null = null;
  let firstSync: { done: number; total: number } | null = null;
  let file: SyncStatus['files']['current'] = null;
  let filesPending = { up: 0, down: 0 };
  let records = { conflicts: 0, quarantined: 0, rejected: 0 };
  const collectionErrors = new Map<string, SyncError>();
  const moved = new Map<string, { pulled: number; pushed: number }>();
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const subscriptions: Subscription[] = [];
  let stopNetwork: (() => void) | null = null;

  const status = (): SyncStatus => {
    const current = settings.get();
    const pendingOf = (name: CollectionName) => pending.get(name)?.size ?? 0;
    const identity = current.server !== null && current.user !== null ? accountOf(current.server, current.user) : null;
    return {
      // A shell that does not sync in the background reports what the last cycle left behind.
      state: deps.live ? state : settledState(),
      server: current.server,
      user: current.user,
      serverLocked: false,
      firstSync,
      collections: SYNC_ORDER.map((name) => ({
        collection: name,
        state: collectionErrors.has(name) ? (state === 'offline' ? 'offline' : 'error') : state === 'syncing' || state === 'first-sync' ? state : state === 'up-to-date' ? 'up-to-date' : state,
        pendingLocal: pendingOf(name),
        pulled: moved.get(name)?.pulled ?? 0,
        pushed: moved.get(name)?.pushed ?? 0,
        lastSyncedAt: current.collectionsSyncedAt[name] ?? null,
        error: collectionErrors.get(name) ?? null,
      })),
      pendingLocal: SYNC_ORDER.reduce((sum, name) => sum + pendingOf(name), 0),
      files: { pendingUp: filesPending.up, pendingDown: filesPending.down, current: file },
      lastSuccessAt: identity === null ? null : (current.lastSuccessAt[identity] ?? null),
      lastError,
      records,
    };
  };

  let lastEmit = 0;
  let emitTimer: NodeJS.Timeout | null = null;
  const emit = (): void => {
    if (closed) return;
    const now = Date.now();
    if (now - lastEmit >= STATUS_EVENT_INTERVAL_MS) {
      lastEmit = now;
      deps.events.emit({ name: 'sync.changed', payload: status() });
      return;
    }
    emitTimer ??= setTimeout(() => {
      emitTimer = null;
      lastEmit = Date.now();
      if (!closed) deps.events.emit({ name: 'sync.changed', payload: status() });
    }, STATUS_EVENT_INTERVAL_MS);
    emitTimer.unref();
  };
  const setState = (next: SyncState, error: SyncError | null = lastError): void => {
    state = next;
    lastError = error;
    emit();
  };

  const refreshRecords = async (database: FocalDatabase): Promise<void> => {
    const open = await database.syncRecords.find({ selector: { resolvedAt: null } }).exec();
    records = {
      conflicts: open.filter((record) => record.kind === 'conflict').length,
      quarantined: open.filter((record) => record.kind === 'quarantine').length,
      rejected: open.filter((record) => record.kind === 'rejected').length,
    };
  };

  const clientFor = (server: string, user: string, secret: string): CouchHttp => {
    if (deps.fetch === undefined) throw new AppFailure('unavailable', 'This program cannot reach a server, so it cannot sync.');
    return createCouchHttp({
      fetch: deps.fetch,
      baseUrl: server,
      timeoutMs: deps.timeoutMs ?? 60_000,
      logger: deps.logger,
      credentials: { name: user, password: secret },
    });
  };

  /** The server's record count for a first sync's "n of N"; unknown databases count 0. */
  const serverTotal = async (http: CouchHttp): Promise<number> => {
    let total = 0;
    for (const name of SYNC_ORDER) {
      try {
        const info = (await http.json('GET', databaseNameOf(name))).body as { doc_count?: unknown };
        if (typeof info.doc_count === 'number') total += info.doc_count;
      } catch {
        // The count is for progress only; the cycle itself reports a database it cannot reach.
      }
    }
    return total;
  };

  const schedule = (ms: number): void => {
    if (closed || !deps.live) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      trigger();
    }, ms);
    timer.unref();
  };

  /** After a cycle: when each collection completed, what is no longer pending, and when everything succeeded. */
  const recordCycle = (identity: string, at: string, result: CycleResult, pendingAtStart: ReadonlyMap<string, ReadonlySet<string>>): void => {
    const collectionsSyncedAt = { ...settings.get().collectionsSyncedAt };
    for (const outcome of result.outcomes) {
      if (outcome.error !== null) continue;
      collectionsSyncedAt[outcome.collection] = at;
      const ids = pending.get(outcome.collection);
      for (const id of pendingAtStart.get(outcome.collection) ?? []) ids?.delete(id);
    }
    settings.update((before) => ({
      ...before,
      collectionsSyncedAt,
      lastSuccessAt: result.errors.length === 0 ? { ...before.lastSuccessAt, [identity]: at } : before.lastSuccessAt,
    }));
    persistPending();
  };
  const pendingSnapshot = (): Map<string, Set<string>> => new Map([...pending].map(([name, ids]) => [name, new Set(ids)]));

  const cycle = async (): Promise<void> => {
    const current = settings.get();
    if (current.server === null || current.user === null) {
      setState('not-configured', null);
      return;
    }
    if (current.paused) {
      setState('paused');
      return;
    }
    if (password === null) {
      setState('signed-out');
      return;
    }
    const { server, user } = current;
    const identity = accountOf(server, user);
    setState('connecting');
    const http = clientFor(server, user, password);
    let author: string;
    try {
      author = (await http.signIn()).name ?? user;
    } catch (error: unknown) {
      const problem = syncErrorOf('server', error);
      if (problem.kind === 'unauthorized') {
        password = null;
        await credentials.remove(identity);
        setState('signed-out', problem); return;
      }
      if (NEEDS_A_PERSON.has(problem.kind)) {
        setState('error', problem);
        return;
      }
      schedule(backoff.nextDelayMs(isSyncProblem(error) ? error.retryAfterMs : undefined));
      setState('offline', problem); return;
    }
    const database = await deps.whenOpen();
    const library = await deps.documents.ready();
    const first = current.lastSuccessAt[identity] === undefined;
    firstSync = first ? { done: 0, total: await serverTotal(http) } : null;
    setState(first ? 'first-sync' : 'syncing');
    const pendingAtStart = pendingSnapshot();
    const pulledBefore = new Map(SYNC_ORDER.map((name) => [name, moved.get(name)?.pulled ?? 0]));
    const result = await runSyncCycle({
      dataDir: deps.dataDir,
      database,
      library,
      http,
      author,
      clock: deps.clock,
      logger: deps.logger,
      onRecords: (name, counts) => {
        moved.set(name, { pulled: (pulledBefore.get(name) ?? 0) + counts.pulled, pushed: counts.pushed });
        if (firstSync !== null) firstSync = { ...firstSync, done: [...moved.values()].reduce((sum, entry) => sum + entry.pulled, 0) };
        emit();
      },
      onFile: (progress: FileProgress) => {
        file = progress.doneBytes >= progress.totalBytes ? null : { name: progress.sha256.slice(0, 12), direction: progress.direction, doneBytes: progress.doneBytes, totalBytes: progress.totalBytes };
        emit();
      },
    });
    file = null;
    filesPending = { up: 0, down: 0 };
    collectionErrors.clear();
    for (const error of result.errors) collectionErrors.set(error.scope, error);
    recordCycle(identity, deps.clock.now().toISOString(), result, pendingAtStart);
    firstSync = null;
    await refreshRecords(database);
    const blocking = result.errors.find((error) => NEEDS_A_PERSON.has(error.kind));
    if (blocking !== undefined) {
      setState(blocking.kind === 'unauthorized' || blocking.kind === 'signed-out' ? 'signed-out' : 'error', blocking);
      return;
    }
    if (result.errors.length > 0) {
      schedule(backoff.nextDelayMs());
      setState('offline', result.errors[0] ?? null); return;
    }
    backoff.reset();
    schedule(pollIntervalMs);
    setState('up-to-date', null);
  };

  const trigger = (): void => {
    if (closed) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = cycle()
      .catch((error: unknown) => {
        deps.logger.log('error', 'A sync cycle failed unexpectedly', { error: error instanceof Error ? error.stack : String(error) });
        setState('error', syncErrorOf('server', error));
        schedule(backoff.nextDelayMs());
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          trigger();
        }
      });
  };

  /** Local edits: remembered as pending (so the count survives a restart) and sent shortly after. */
  const follow = (database: FocalDatabase): void => {
    for (const name of SYNC_ORDER) {
      subscriptions.push(
        (database[name] as unknown as RxCollection<LocalRecord>).$.subscribe((change) => {
          // While a cycle runs, writes are mostly what it pulls; a local edit made then is sent by the next cycle.
          if (running !== null) {
            again = true;
            return;
          }
          if (settings.get().server === null) return;
          const ids = pending.get(name);
          if (ids !== undefined && ids.size < MAX_PENDING_IDS) ids.add(change.documentId);
          // One file write for a burst of edits (an import writes thousands), not one per record.
          persistTimer ??= setTimeout(persistPending, PENDING_PERSIST_DELAY_MS);
          persistTimer.unref();
          emit();
          schedule(LOCAL_CHANGE_DELAY_MS);
        }),
      );
    }
  };

  /**
   * Once the store is open: local edits are followed in every shell (so the CLI's edits count as pending too); only
   * a live shell also signs in and syncs in the background.
   */
  const start = async (): Promise<void> => {
    const database = await deps.whenOpen();
    if (closed) return;
    await refreshRecords(database);
    follow(database);
    const current = settings.get();
    if (!deps.live) {
      state = settledState();
      return;
    }
    if (current.server !== null && current.user !== null) password = await credentials.read(accountOf(current.server, current.user));
    state = current.server === null ? 'not-configured' : current.paused ? 'paused' : password === null ? 'signed-out' : 'connecting';
    stopNetwork =
      deps.network?.onOnline(() => {
        backoff.reset();
        trigger();
      }) ?? null;
    emit();
    trigger();
  };
  deps.whenOpen().then(
    () =>
      start().catch((error: unknown) => {
        deps.logger.log('error', 'Sync could not start', { error: String(error) });
      }),
    () => undefined,
  );

  /** Where a shell that does not sync in the background stands, from what the last cycle left behind. */
  const settledState = (): SyncState => {
    const current = settings.get();
    if (current.server === null || current.user === null) return 'not-configured';
    if (current.paused) return 'paused';
    const lastSuccess = current.lastSuccessAt[accountOf(current.server, current.user)];
    const waiting = [...pending.values()].some((ids) => ids.size > 0);
    return lastSuccess !== undefined && !waiting ? 'up-to-date' : 'signed-out';
  };

  /** Signs in once with these credentials, for the settings form: a wrong password is a field message. */
  const check = async (server: string, user: string, secret: string): Promise<void> => {
    try {
      await clientFor(server, user, secret).signIn();
    } catch (error: unknown) {
      const problem = syncErrorOf('server', error);
      if (problem.kind === 'unauthorized') {
        throw new AppFailure('invalid-input', problem.message, [{ path: 'password', message: 'The server did not accept this user name and password.', code: problem.kind }]);
      }
      throw new AppFailure('unavailable', problem.message, [{ path: 'url', message: problem.message, code: problem.kind }]);
    }
  };

  const openRecord = async (id: string) => {
    const database = await deps.whenOpen();
    const record = await database.syncRecords.findOne(id).exec();
    if (record === null) throw new AppFailure('not-found', 'There is no such conflict or set-aside document.');
    return { database, record };
  };

  return {
    status: (): SyncStatus => status(),

    async configure(input: SyncOnceInput): Promise<SyncStatus> {
      await check(input.url, input.user, input.password);
      const before = settings.get();
      if (before.server !== null && before.user !== null) await credentials.remove(accountOf(before.server, before.user));
      settings.update((current) => ({ ...current, server: input.url, user: input.user, paused: false }));
      await credentials.write(accountOf(input.url, input.user), input.password);
      password = input.password;
      backoff.reset();
      trigger();
      return status();
    },

    async signIn(secret: string): Promise<SyncStatus> {
      const current = settings.get();
      if (current.server === null || current.user === null) throw new AppFailure('conflict', 'Set the server first.');
      await check(current.server, current.user, secret);
      await credentials.write(accountOf(current.server, current.user), secret);
      password = secret;
      backoff.reset();
      trigger();
      return status();
    },

    async signOut(): Promise<SyncStatus> {
      const current = settings.get();
      if (current.server !== null && current.user !== null) await credentials.remove(accountOf(current.server, current.user));
      password = null;
      setState(current.server === null ? 'not-configured' : 'signed-out', null);
      return status();
    },

    now(): SyncStatus {
      backoff.reset();
      trigger();
      return status();
    },

    pause(): SyncStatus {
      settings.update((current) => ({ ...current, paused: true }));
      setState('paused');
      return status();
    },

    resume(): SyncStatus {
      settings.update((current) => ({ ...current, paused: false }));
      backoff.reset();
      trigger();
      return status();
    },

    async once(input: SyncOnceInput): Promise<SyncSummary> {
      const database = await deps.whenOpen();
      const started = deps.clock.now();
      const http = clientFor(input.url, input.user, input.password);
      const summary = (errors: readonly SyncError[], parts: Partial<SyncSummary> = {}): SyncSummary => ({
        ...emptySyncSummary(http.baseUrl, input.user, started.toISOString()),
        errors,
        seconds: (deps.clock.now().getTime() - started.getTime()) / 1000,
        ...parts,
      });
      let author: string;
      try {
        author = (await http.signIn()).name ?? input.user;
      } catch (error: unknown) {
        return summary([syncErrorOf('server', error)]);
      }
      const pendingAtStart = pendingSnapshot();
      const result = await runSyncCycle({ dataDir: deps.dataDir, database, library: await deps.documents.ready(), http, author, clock: deps.clock, logger: deps.logger });
      // Remembered for `sync status` (never the password): the server, the account and what this cycle settled.
      settings.update((before) => ({ ...before, server: http.baseUrl, user: input.user }));
      recordCycle(`${http.baseUrl}|${input.user}`, deps.clock.now().toISOString(), result, pendingAtStart);
      await refreshRecords(database);
      state = settledState();
      const conflicts = (await database.syncRecords.find({ selector: { kind: 'conflict', detectedAt: { $gte: started.toISOString() } } }).exec()).length;
      const sum = (pick: (outcome: (typeof result.outcomes)[number]) => number) => result.outcomes.reduce((total, outcome) => total + pick(outcome), 0);
      deps.logger.log('info', 'Sync cycle done', { server: http.baseUrl, errors: result.errors.length });
      return summary(result.errors, {
        pushed: sum((outcome) => outcome.pushed),
        pulled: sum((outcome) => outcome.pulled),
        quarantined: sum((outcome) => outcome.quarantined),
        rejected: sum((outcome) => outcome.rejected),
        conflicts,
        filesUp: result.filesUp,
        filesDown: result.filesDown,
        fileBytesUp: result.fileBytesUp,
        fileBytesDown: result.fileBytesDown,
      });
    },

    async records(kind: SyncRecordKind | undefined, includeResolved: boolean): Promise<SyncRecordRow[]> {
      const database = await deps.whenOpen();
      const found = await database.syncRecords.find({ sort: [{ detectedAt: 'desc' }] }).exec();
      return found
        .map((document) => document.toJSON())
        .filter((record) => (kind === undefined || record.kind === kind) && (includeResolved || record.resolvedAt === null))
        .map(({ collectionName, ...record }) => ({ ...record, collection: collectionName, detail: parseDetail(record.detail) }));
    },

    /** Saves the conflicted document with the value picked per field; the record is kept, marked resolved. */
    async resolveConflict(id: string, choices: Readonly<Record<string, FieldChoice>>): Promise<{ documentId: string }> {
      const { database, record } = await openRecord(id);
      if (record.kind !== 'conflict') throw new AppFailure('invalid-input', 'This record is not a conflict.');
      if (record.resolvedAt !== null) throw new AppFailure('conflict', 'This conflict is already resolved.');
      const conflict = JSON.parse(record.detail) as ConflictRecord;
      if (!(conflict.collection in collectionSchemas)) throw new AppFailure('internal', 'The conflict names an unknown collection.');
      // Generic over the collections: the store's schema checks the saved document.
      const collection = database[conflict.collection] as unknown as RxCollection<LocalRecord>;
      const document = await collection.findOne(conflict.documentId).exec();
      if (document === null) throw new AppFailure('not-found', 'The document of this conflict is no longer here.');
      const chosen: Record<string, unknown> = applyChoices(conflict, document.toMutableJSON(), choices);
      const stamp = deps.clock.now().toISOString();
      if (chosen._deleted === true) {
        await document.remove();
      } else {
        const { _deleted: _dropped, ...fields } = chosen;
        await document.incrementalModify(() => ({ ...fields, _deleted: false, updatedAt: stamp }));
      }
      await record.incrementalPatch({ resolvedAt: stamp });
      await refreshRecords(database);
      emit();
      return { documentId: conflict.documentId };
    },

    async dismiss(id: string): Promise<{ id: string }> {
      const { database, record } = await openRecord(id);
      if (record.resolvedAt === null) await record.incrementalPatch({ resolvedAt: deps.clock.now().toISOString() });
      await refreshRecords(database);
      emit();
      return { id };
    },

    async close(): Promise<void> {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      if (persistTimer !== null) persistPending();
      if (emitTimer !== null) clearTimeout(emitTimer);
      stopNetwork?.();
      for (const subscription of subscriptions) subscription.unsubscribe();
      await running;
    },
  };
}

export type Sync = ReturnType<typeof createSync>;

function parseDetail(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
