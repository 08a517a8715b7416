import { createRxDatabase, normalizeMangoQuery, prepareQuery, type RxCollection } from 'rxdb';
import { getRxStorageSQLite, storeFilePath } from '../../electron/core/db/storage/index';
import { integrityCheck } from '../../electron/core/db/storage/crash-support/integrity-check';
import type { CrashLedger } from './crash-ledger';
import { CRASH_COLLECTION, CRASH_DATABASE, crashDocSchema, type CrashDoc } from './crash-protocol';

/** The outcome of checking the store after one kill. */
export interface StoreCheck {
  /** `PRAGMA integrity_check` rows; `['ok']` when sound. */
  readonly integrity: readonly string[];
  /** Every rule the store broke (empty when it kept its promises). */
  readonly violations: readonly string[];
  /** The documents the check read. */
  readonly found: readonly CrashDoc[];
  /** Time to open the store through RxDB after the kill (recovery included). */
  readonly openMs: number;
}

/**
 * Checks the store in `directory` after a kill: first the file itself, read-only (`PRAGMA integrity_check`), then
 * through RxDB on our storage, the documents of the batches in `scope` (or every document, with 'all') against the
 * ledger. Closes the database before returning, even on failure, so the next writer can open it.
 */
export async function checkStore(
  directory: string,
  ledger: CrashLedger,
  scope: Iterable<string> | 'all',
): Promise<StoreCheck> {
  const integrity = integrityCheck(storeFilePath(directory, CRASH_DATABASE));
  const started = performance.now();
  const storage = getRxStorageSQLite({ directory });
  const db = await createRxDatabase({ name: CRASH_DATABASE, storage, multiInstance: false });
  try {
    const collections = await db.addCollections({ [CRASH_COLLECTION]: { schema: crashDocSchema } });
    const collection = collections[CRASH_COLLECTION] as RxCollection<CrashDoc> | undefined;
    if (!collection) throw new Error('crash collection missing');
    const openMs = performance.now() - started;
    const instance = collection.storageInstance;
    let found: CrashDoc[];
    if (scope === 'all') {
      const query = normalizeMangoQuery(instance.schema, { selector: {}, sort: [{ id: 'asc' }] });
      found = (await instance.query(prepareQuery(instance.schema, query))).documents;
    } else {
      found = await instance.findDocumentsById(ledger.docIds(scope), false);
    }
    return { integrity, violations: ledger.check(found, scope), found, openMs };
  } finally {
    await db.close();
  }
}
