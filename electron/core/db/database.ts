import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { ActionItem } from '../../../shared/schemas/action-item';
import type { AgendaItem } from '../../../shared/schemas/agenda-item';
import { collectionSchemas, type CollectionName } from '../../../shared/schemas/collections';
import type { Contact } from '../../../shared/schemas/contact';
import type { Country } from '../../../shared/schemas/country';
import type { LibraryDocument } from '../../../shared/schemas/document';
import type { Meeting } from '../../../shared/schemas/meeting';
import type { Organisation } from '../../../shared/schemas/organisation';
import { syncRecordSchema, type SyncRecord } from '../../../shared/schemas/sync-record';
import type { Clock } from '../ports';
import { createConflictHandler } from '../sync/conflicts/conflict-handler';
import { syncRecordsIn } from '../sync/sync-records';
import { migrationStrategies } from './migrations';
import { getRxStorageSQLite, storeFilePath } from './storage';

/** The one RxDatabase of a data directory. Its file is `<dataDir>/store/focal.sqlite`. */
export const DATABASE_NAME = 'focal';

export interface FocalCollections {
  readonly countries: RxCollection<Country>;
  readonly organisations: RxCollection<Organisation>;
  readonly contacts: RxCollection<Contact>;
  readonly documents: RxCollection<LibraryDocument>;
  readonly meetings: RxCollection<Meeting>;
  readonly agendaItems: RxCollection<AgendaItem>;
  readonly actionItems: RxCollection<ActionItem>;
  /** Local to this computer, never synced: conflicts, quarantined and refused documents (sync/). */
  readonly syncRecords: RxCollection<SyncRecord>;
}

export type FocalDatabase = RxDatabase<FocalCollections>;

export interface OpenDatabaseOptions {
  /** The folder holding the store's files (`<dataDir>/store`). */
  readonly directory: string;
  /** 64 hex characters; the store is encrypted with it. Omit for an unencrypted store. */
  readonly keyHex?: string | undefined;
  /** Stamps conflict records; the system clock when omitted. */
  readonly clock?: Pick<Clock, 'now'> | undefined;
}

let pluginsAdded = false;

/**
 * Opens (creating on first run) the database on our SQLite storage, with every write validated against the schemas
 * of shared/schemas and older documents migrated to the current schema versions. Throws the storage's
 * `StoreOpenError` when the file is foreign, encrypted with another key, from a newer version, locked or on a full disk.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<FocalDatabase> {
  if (!pluginsAdded) {
    addRxPlugin(RxDBMigrationSchemaPlugin);
    addRxPlugin(RxDBAttachmentsPlugin);
    pluginsAdded = true;
  }
  mkdirSync(options.directory, { recursive: true, mode: 0o700 });
  const storage = wrappedValidateAjvStorage({
    storage: getRxStorageSQLite({ directory: options.directory, ...(options.keyHex === undefined ? {} : { key: options.keyHex }) }),
  });
  const database = await createRxDatabase<FocalCollections>({
    name: DATABASE_NAME,
    storage,
    multiInstance: false,
    eventReduce: true,
  });
  // A conflict met while syncing is recorded in syncRecords before the merged document replaces the local one.
  const records = syncRecordsIn(() => database.syncRecords);
  const clock = options.clock ?? { now: () => new Date() };
  const synced = <N extends CollectionName>(name: N) => ({
    schema: collectionSchemas[name],
    migrationStrategies: migrationStrategies[name],
    conflictHandler: createConflictHandler({ collection: name, record: (conflict) => records.conflict(conflict), clock }),
  });
  try {
    await database.addCollections({
      countries: synced('countries'),
      organisations: synced('organisations'),
      contacts: synced('contacts'),
      documents: synced('documents'),
      meetings: synced('meetings'),
      agendaItems: synced('agendaItems'),
      actionItems: synced('actionItems'),
      syncRecords: { schema: syncRecordSchema },
    });
  } catch (error: unknown) {
    await database.close();
    throw error;
  }
  return database;
}

/** Where the database file of a data directory lives. */
export function databaseFilePath(storeDirectory: string): string {
  return storeFilePath(storeDirectory, DATABASE_NAME);
}

/** The store folder inside a data directory. */
export function storeDirectoryOf(dataDir: string): string {
  return join(dataDir, 'store');
}
