import type { RxCollection } from 'rxdb';
import { collectionSchemas, type CollectionName } from '../../../shared/schemas/collections';
import type { FocalDatabase } from '../db/database';
import type { Clock, Logger } from '../ports';
import { databaseNameOf } from './couch-names';
import { createBackoff, type RandomSource } from './http/backoff';
import { isSyncProblem, SyncProblem } from './http/sync-problem';
import type { LocalRecord } from './replication/couch-doc';
import { replicateCollection, type CouchJson } from './replication/couch-replication';
import { incomingCheckFor } from './replication/incoming-check';
import { syncRecordsIn } from './sync-records';

/** What one collection did in a sync cycle. */
export interface CollectionOutcome {
  readonly collection: CollectionName;
  readonly pulled: number;
  readonly pushed: number;
  readonly quarantined: number;
  readonly rejected: number;
  /** The problem that stopped it, in plain words; null when it completed. */
  readonly error: string | null;
  readonly errorKind: string | null;
}

export interface SyncEngineOptions {
  readonly database: FocalDatabase;
  readonly couch: CouchJson;
  /** The server and account, e.g. `https://couch.example.org|ana`: checkpoints belong to it. */
  readonly identity: string;
  /** The signed-in CouchDB user: the author of records created here. */
  readonly author: string;
  readonly clock: Pick<Clock, 'now'>;
  readonly logger: Logger;
  readonly random?: RandomSource;
  /** How many failures in a row one collection may have in `once` before it stops with its last problem. */
  readonly maxFailures?: number;
  readonly batchSize?: number;
  /** Told as records move (received, sent, set aside), for progress; must not throw. */
  readonly onProgress?: (collection: CollectionName, counts: Readonly<Omit<CollectionOutcome, 'collection' | 'error' | 'errorKind'>>) => void;
}

/** The synced collections in an order that brings what others refer to first. */
export const SYNC_ORDER: readonly CollectionName[] = ['countries', 'organisations', 'contacts', 'documents', 'meetings', 'agendaItems', 'actionItems'];

/**
 * Problems no retry can fix: a password, a permission, a certificate or a proxy sign-in needs a person. Everything
 * else (a dropped link, a 5xx, a captive portal, a cut or odd answer, even a whole-request 409) is retried.
 */
const NEEDS_A_PERSON: ReadonlySet<string> = new Set(['unauthorized', 'forbidden', 'certificate', 'proxy-auth', 'cancelled']);

/** A private library document stays on this computer. */
const isPrivate = (collection: CollectionName) => (record: LocalRecord) => collection === 'documents' && record.visibility === 'private';

/**
 * Runs the replication of every synced collection against one server. `once` is the CLI's `sync --once`: each
 * collection pulls and pushes until both sides agree, retrying failures with capped exponential backoff and jitter,
 * and gives up on a collection after `maxFailures` failures in a row (or at once on a problem no retry can fix: a
 * wrong password, a missing permission, an untrusted certificate), reporting what each collection did.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { database, couch, clock, logger } = options;
  const records = syncRecordsIn(() => database.syncRecords);
  const maxFailures = options.maxFailures ?? 6;

  const runCollection = async (name: CollectionName): Promise<CollectionOutcome> => {
    const counts = { pulled: 0, pushed: 0, quarantined: 0, rejected: 0 };
    let lastProblem: unknown = null;
    const watched: CouchJson = {
      async json(method, path, body) {
        try {
          const answer = await couch.json(method, path, body);
          lastProblem = null;
          return answer;
        } catch (error: unknown) {
          lastProblem = error;
          throw error;
        }
      },
    };
    // Replication handles records generically; the schema checks each one on its way in.
    const collection = database[name] as unknown as RxCollection<LocalRecord>;
    const state = replicateCollection({
      collection,
      database: databaseNameOf(name),
      couch: watched,
      identifier: `${options.identity}|${databaseNameOf(name)}`,
      author: options.author,
      check: incomingCheckFor(collectionSchemas[name]),
      isPrivate: isPrivate(name),
      live: false,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      setAside: {
        quarantine: async (documentId, reason, document) => {
          counts.quarantined += 1;
          logger.log('warn', 'A document from the server failed the schema and was quarantined', { collection: name, documentId, reason });
          await records.quarantine(name, documentId, reason, document, clock.now().toISOString());
        },
        rejected: async (documentId, reason, document) => {
          counts.rejected += 1;
          logger.log('warn', 'The server refused a local change', { collection: name, documentId, reason });
          await records.rejected(name, documentId, reason, document, clock.now().toISOString());
        },
      },
    });
    const backoff = createBackoff(options.random);
    const tell = (): void => options.onProgress?.(name, counts);
    const subscriptions = [
      state.received$.subscribe(() => {
        counts.pulled += 1;
        tell();
      }),
      state.sent$.subscribe(() => {
        counts.pushed += 1;
        tell();
      }),
    ];
    const stopped = new Promise<SyncProblem>((resolve) => {
      subscriptions.push(
        state.error$.subscribe((rxError) => {
          const problem = asProblem(lastProblem ?? rxError);
          lastProblem = null;
          // RxDB's own error says where (RC_PULL, RC_PUSH…); the HTTP layer's problem says why.
          logger.log('warn', 'Sync of a collection failed', { collection: name, rxdb: rxError.code, ...problem.toLogDetail() });
          if (NEEDS_A_PERSON.has(problem.kind) || backoff.failures + 1 >= maxFailures) {
            resolve(problem);
            return;
          }
          state.retryTime = backoff.nextDelayMs(problem.retryAfterMs);
        }),
      );
    });
    try {
      await state.start();
      const outcome = await Promise.race([state.awaitInitialReplication().then(() => null), stopped]);
      return { collection: name, ...counts, error: outcome === null ? null : outcome.message, errorKind: outcome === null ? null : outcome.kind };
    } finally {
      for (const subscription of subscriptions) subscription.unsubscribe();
      await state.cancel();
    }
  };

  return {
    /** One full cycle for every collection, all at once; resolves when each is done or has given up. */
    async once(): Promise<CollectionOutcome[]> {
      return Promise.all(SYNC_ORDER.map((name) => runCollection(name)));
    },
  };
}

/** The HTTP layer's problem behind a failure, or one worded from an unexpected error. */
function asProblem(error: unknown): SyncProblem {
  if (isSyncProblem(error)) return error;
  const message = error instanceof Error ? error.message : 'The sync failed for a reason that was not reported.';
  return new SyncProblem('bad-response', message, { cause: error });
}
