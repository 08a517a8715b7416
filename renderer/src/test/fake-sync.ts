import { screen } from '@testing-library/react';
import { contract, type MethodInput, type MethodOutput, type ParsedInput } from '../../../shared/api/contract';
import { fieldIssueOf } from '../../../shared/api/field-issue';
import { fail, ok, type FieldIssue, type Result } from '../../../shared/api/result';
import { emptySyncSummary, type CollectionSyncStatus, type SyncRecordRow, type SyncStatus, type SyncSummary, type syncMethods } from '../../../shared/api/sync';
import { resetSync } from '../stores/use-sync-store';
import type { FakeHandlers } from './fake-bridge';
import { renderApp } from './render-app';
import { fakeWiring } from './fake-wiring';

/** The synced collections, in the order the core reports them. */
export const syncedCollections = ['countries', 'organisations', 'contacts', 'documents', 'meetings', 'agendaItems', 'actionItems'] as const;

/** The address the fake server answers at; any other address is unreachable. */
export const fakeServerUrl = 'https://sync.example.org/';

const baseMs = Date.parse('2025-03-04T10:00:00.000Z');

type SyncMethod = keyof typeof syncMethods;
type Doc = Readonly<Record<string, unknown>>;

/** One field both sides changed, as electron/core/sync/conflicts/three-way-merge.ts's `FieldConflict` has it. */
export interface SampleFieldConflict {
  readonly field: string;
  readonly local?: unknown;
  readonly remote?: unknown;
  readonly base?: unknown;
}

/** What a sample conflict is about; the rest defaults to a contact `ct-ana` found on 4 March 2025. */
export interface SampleConflict {
  readonly collection?: string;
  readonly documentId?: string;
  readonly fields: readonly SampleFieldConflict[];
  readonly localDocument?: Doc;
  readonly remoteDocument?: Doc;
  readonly detectedAt?: string;
}

let conflictCount = 0;

/**
 * A conflict row as `sync.records.list` answers it: `detail` is a `ConflictRecord` (electron/core/sync/conflicts/
 * conflict-record.ts) after its trip through JSON, and `reason` the core's own sentence. The documents default to the
 * fields' local and remote values over a small contact.
 */
export function sampleConflict(input: SampleConflict): SyncRecordRow {
  const collection = input.collection ?? 'contacts';
  const documentId = input.documentId ?? 'ct-ana';
  const detectedAt = input.detectedAt ?? '2025-03-04T09:30:00.000Z';
  const fields = [...input.fields].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  const side = (pick: 'local' | 'remote'): Doc => {
    const doc: Record<string, unknown> = { id: documentId, updatedAt: detectedAt };
    for (const field of fields) if (field[pick] !== undefined) doc[field.field] = field[pick];
    return doc;
  };
  conflictCount += 1;
  const id = `conflict:${collection}:${documentId}:${conflictCount.toString(16).padStart(32, '0')}`;
  const detail = {
    id,
    collection,
    documentId,
    fields,
    localDocument: input.localDocument ?? side('local'),
    remoteDocument: input.remoteDocument ?? side('remote'),
    detectedAt,
    resolvedAt: null,
  };
  return {
    id,
    kind: 'conflict',
    collection,
    documentId,
    reason: `Changed here and on the server: ${fields.map((field) => field.field).join(', ')}. The server's values were kept; yours are saved here.`,
    detectedAt,
    resolvedAt: null,
    // The core parses the stored JSON text: what arrives is plain data, never class instances.
    detail: JSON.parse(JSON.stringify(detail)) as unknown,
  };
}

/** A quarantined document or a refused change, as `sync.records.list` answers it (`detail` is the document). */
export function sampleSetAside(
  kind: 'quarantine' | 'rejected',
  overrides: Partial<Omit<SyncRecordRow, 'kind'>> = {},
): SyncRecordRow {
  const documentId = overrides.documentId ?? 'ct-bad';
  const collection = overrides.collection ?? 'contacts';
  return {
    id: `${kind}:${collection}:${documentId}:${'0'.repeat(31)}1`,
    kind,
    collection,
    documentId,
    reason: kind === 'quarantine' ? 'displayName: must be a string of at most 200 characters.' : 'Only the author or the secretariat may change this record.',
    detectedAt: '2025-03-04T09:45:00.000Z',
    resolvedAt: null,
    detail: { id: documentId, displayName: 42 },
    ...overrides,
  };
}

/** How the fake core starts: its server and account, the accounts its server knows, its records and status. */
export interface FakeSyncData {
  /** The configured server; none leaves sync `not-configured`. */
  readonly server?: string | null;
  readonly user?: string | null;
  /** Whether a password is held for the configured server (else `signed-out`). Default: held when a server is set. */
  readonly signedIn?: boolean;
  /** A machine-wide policy's server: the only one `sync.configure` accepts, and shown locked. */
  readonly lockedServer?: string;
  /** The accounts the fake server knows (user → password). */
  readonly accounts?: Readonly<Record<string, string>>;
  readonly records?: readonly SyncRecordRow[];
  /** Anything else the status should say at first (state, counts, errors, file progress). */
  readonly status?: Partial<Omit<SyncStatus, 'records'>>;
}

/** Parses an input with the contract's own schema, as the core does before any handler runs. */
function parse<M extends SyncMethod>(method: M, input: unknown): Result<ParsedInput<M>> {
  const parsed = contract[method].input.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data as ParsedInput<M>);
  return fail('invalid-input', 'Some of the information given is not valid.', parsed.error.issues.map(fieldIssueOf));
}

/**
 * An in-memory sync core answering every `sync.*` method the way the core does: inputs parsed with the contract's
 * schemas (so field issues carry the same paths and messages), a server that knows a few accounts and answers at one
 * address, sign-in and sign-out, pause and resume, records listed latest first and counted in the status, conflicts
 * resolved per field as `applyChoices` does (the result kept per document), quarantined and refused records
 * dismissed. Every status change is pushed as `sync.changed` through `connect`'s emitter; `push` lets a test play the
 * core's progress (first sync, file transfer, errors).
 */
export function fakeSync(data: FakeSyncData = {}) {
  const accounts = data.accounts ?? { ana: 'correct horse' };
  const records = new Map((data.records ?? []).map((row) => [row.id, row]));
  const resolved = new Map<string, Doc>();
  const wiring = fakeWiring();
  const { calls, emit } = wiring;
  let tick = 0;
  const now = (): string => new Date(baseMs + ++tick * 1000).toISOString();

  const server = data.lockedServer ?? data.server ?? null;
  const collectionsIn = (state: CollectionSyncStatus['state'], lastSyncedAt: string | null): CollectionSyncStatus[] =>
    syncedCollections.map((collection) => ({ collection, state, pendingLocal: 0, pulled: 0, pushed: 0, lastSyncedAt, error: null }));
  const initialState: SyncStatus['state'] = server === null ? 'not-configured' : (data.signedIn ?? true) ? 'up-to-date' : 'signed-out';
  let status: Omit<SyncStatus, 'records'> = {
    state: initialState,
    server,
    user: server === null ? null : data.user === undefined ? 'ana' : data.user,
    serverLocked: data.lockedServer !== undefined,
    firstSync: null,
    collections: server === null ? [] : collectionsIn(initialState, null),
    pendingLocal: 0,
    files: { pendingUp: 0, pendingDown: 0, current: null },
    lastSuccessAt: null,
    lastError: null,
    ...data.status,
  };

  const unresolved = (): SyncRecordRow[] => [...records.values()].filter((row) => row.resolvedAt === null);
  const snapshot = (): SyncStatus => {
    const open = unresolved();
    const count = (kind: SyncRecordRow['kind']): number => open.filter((row) => row.kind === kind).length;
    return { ...status, records: { conflicts: count('conflict'), quarantined: count('quarantine'), rejected: count('rejected') } };
  };
  const push = (changes: Partial<Omit<SyncStatus, 'records'>>): SyncStatus => {
    status = { ...status, ...changes };
    const current = snapshot();
    emit({ name: 'sync.changed', payload: current });
    return current;
  };
  const allInState = (state: SyncStatus['state'], at: string | null = null): CollectionSyncStatus[] =>
    status.collections.map((collection) => ({ ...collection, state, lastSyncedAt: at ?? collection.lastSyncedAt, error: null }));
  const synced = (): SyncStatus => {
    const at = now();
    return push({ state: 'up-to-date', lastSuccessAt: at, lastError: null, collections: allInState('up-to-date', at) });
  };
  const wrongPassword = (): Result<never> =>
    fail('invalid-input', 'The server did not accept this user name and password.', [
      { path: 'password', message: 'The server did not accept this user name and password.', code: 'unauthorized' },
    ]);
  const readyToSync = (): Result<null> => {
    if (status.server === null) return fail('conflict', 'Set up a server first.');
    if (status.state === 'signed-out') return fail('conflict', 'Sign in to the server first.');
    return ok(null);
  };

  /** A handler that records the call and parses its input with the contract's schema first, as the core does. */
  const on =
    <M extends SyncMethod>(method: M, body: (input: ParsedInput<M>) => Result<MethodOutput<M>>) =>
    (input: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
      calls.push({ method, input });
      const parsed = parse(method, input);
      return Promise.resolve(parsed.ok ? body(parsed.value) : parsed);
    };

  const handlers: FakeHandlers = {
    'sync.status': on('sync.status', () => ok(snapshot())),
    'sync.configure': on('sync.configure', (input) => {
      if (data.lockedServer !== undefined && input.url !== data.lockedServer) {
        return fail('invalid-input', 'The server is set by this computer’s policy.', [
          { path: 'url', message: `The server is set by this computer’s policy: ${data.lockedServer}`, code: 'server-locked' },
        ]);
      }
      if (input.url !== fakeServerUrl && input.url !== data.lockedServer) {
        return fail('unavailable', `The server at ${input.url} could not be reached.`, [
          { path: 'url', message: `The server at ${input.url} could not be reached.`, code: 'unreachable' },
        ]);
      }
      if (accounts[input.user] !== input.password) return wrongPassword();
      status = { ...status, server: input.url, user: input.user, collections: status.collections.length > 0 ? status.collections : collectionsIn('connecting', null) };
      return ok(synced());
    }),
    'sync.signIn': on('sync.signIn', (input) => {
      if (status.server === null || status.user === null) return fail('conflict', 'Set up a server first.');
      if (accounts[status.user] !== input.password) return wrongPassword();
      return ok(synced());
    }),
    'sync.signOut': on('sync.signOut', () => {
      if (status.server === null) return fail('conflict', 'Set up a server first.');
      return ok(push({ state: 'signed-out', firstSync: null, collections: allInState('signed-out'), files: { ...status.files, current: null } }));
    }),
    'sync.now': on('sync.now', () => {
      const ready = readyToSync();
      return ready.ok ? ok(synced()) : ready;
    }),
    'sync.pause': on('sync.pause', () => {
      const ready = readyToSync();
      return ready.ok ? ok(push({ state: 'paused', collections: allInState('paused') })) : ready;
    }),
    'sync.resume': on('sync.resume', () => {
      const ready = readyToSync();
      if (!ready.ok) return ready;
      return status.state === 'paused' ? ok(synced()) : ok(snapshot());
    }),
    'sync.once': on('sync.once', (input) => {
      const startedAt = now();
      const summary: SyncSummary = {
        ...emptySyncSummary(input.url, input.user, startedAt),
        errors:
          accounts[input.user] === input.password
            ? []
            : [{ scope: 'server', kind: 'unauthorized', message: 'The server did not accept this user name and password.' }],
        seconds: 1,
      };
      return ok(summary);
    }),
    'sync.records.list': on('sync.records.list', (input) => {
      const rows = [...records.values()]
        .filter((row) => (input.kind === undefined || row.kind === input.kind) && (input.includeResolved || row.resolvedAt === null))
        .sort((a, b) => (a.detectedAt < b.detectedAt ? 1 : a.detectedAt > b.detectedAt ? -1 : 0));
      return ok({ rows });
    }),
    'sync.conflicts.resolve': on('sync.conflicts.resolve', (input) => {
      const row = records.get(input.id);
      if (row === undefined || row.kind !== 'conflict') return fail('not-found', `No conflict with id ${input.id}.`);
      if (row.resolvedAt !== null) return fail('conflict', 'This conflict was already resolved.');
      const detail = row.detail as { readonly fields: readonly SampleFieldConflict[]; readonly remoteDocument: Doc };
      const byField = new Map(detail.fields.map((field) => [field.field, field]));
      const issues: FieldIssue[] = Object.keys(input.choices)
        .filter((field) => !byField.has(field))
        .map((field) => ({ path: field, message: `The field "${field}" is not part of this conflict.`, code: 'not-in-conflict' }));
      if (issues.length > 0) return fail('invalid-input', issues[0]?.message ?? 'A choice is not valid.', issues);
      // As applyChoices: the current document (the server's values were kept) with each chosen side's value.
      const document: Record<string, unknown> = { ...(resolved.get(key(row)) ?? detail.remoteDocument) };
      for (const [field, choice] of Object.entries(input.choices)) {
        const value = byField.get(field)?.[choice];
        if (value === undefined) Reflect.deleteProperty(document, field);
        else document[field] = value;
      }
      resolved.set(key(row), document);
      records.set(row.id, { ...row, resolvedAt: now() });
      push({});
      return ok({ documentId: row.documentId });
    }),
    'sync.records.dismiss': on('sync.records.dismiss', (input) => {
      const row = records.get(input.id);
      if (row === undefined) return fail('not-found', `No record with id ${input.id}.`);
      if (row.kind === 'conflict') return fail('invalid-input', 'A conflict is resolved by picking values, not dismissed.');
      if (row.resolvedAt === null) {
        records.set(row.id, { ...row, resolvedAt: now() });
        push({});
      }
      return ok({ id: row.id });
    }),
  };

  return {
    handlers,
    ...wiring.exposed,
    /** Plays a change of the core's status (progress, an error…) and pushes it as `sync.changed`. */
    push,
    /** Sets a record aside as the core does during a cycle, and pushes the new counts. */
    add: (row: SyncRecordRow) => {
      records.set(row.id, row);
      push({});
    },
    status: snapshot,
    record: (id: string) => records.get(id),
    /** The document a resolution saved, by collection and id; undefined while none was saved. */
    resolvedDocument: (collection: string, documentId: string) => resolved.get(`${collection}/${documentId}`),
  };
}

function key(row: SyncRecordRow): string {
  return `${row.collection}/${row.documentId}`;
}

/** An in-memory sync core with its test controls (see `fakeSync`). */
export type FakeSync = ReturnType<typeof fakeSync>;

/** Puts the sync store back as a fresh window has it (the shared setup does not know it yet). */
export function resetSyncStore(): void {
  resetSync();
}

/**
 * Renders the whole app over `sync`, wired so its changes push `sync.changed` as the core's do, and opens the Sync
 * section from the navigation as a user does.
 */
export async function renderWithSync(sync: FakeSync, handlers: FakeHandlers = {}) {
  resetSync();
  const rendered = await renderApp({ ...sync.handlers, ...handlers });
  sync.connect(rendered.fake.emit);
  await rendered.user.click(screen.getByRole('button', { name: 'Sync' }));
  await screen.findByRole('heading', { level: 1, name: 'Sync' });
  return { sync, ...rendered };
}
