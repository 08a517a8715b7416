import type { StoreInfo } from '../../../shared/api/app';
import { collectionSchemas, type CollectionName } from '../../../shared/schemas/collections';
import type { FocalDatabase } from './database';
import { databaseFilePath } from './database';
import { readStoreFileFacts } from './store-file-facts';

/** Path, size, encryption and live document counts of the open store, for `app.info` and `cli info`. */
export async function describeOpenStore(database: FocalDatabase, storeDirectory: string, encrypted: boolean): Promise<StoreInfo> {
  const path = databaseFilePath(storeDirectory);
  const names = Object.keys(collectionSchemas) as CollectionName[];
  const entries = await Promise.all(names.map(async (name) => [name, await database[name].count().exec()] as const));
  return {
    path,
    sizeBytes: readStoreFileFacts(path).sizeBytes,
    encrypted,
    locked: false,
    documentCounts: Object.fromEntries(entries),
  };
}

/**
 * The same without opening the store — another process holds it, or this core waits for its passphrase (`locked`):
 * counts are unknown, encryption is read from the file. Null when the file does not exist yet.
 */
export function describeStoreFile(storeDirectory: string, options: { readonly locked?: boolean } = {}): StoreInfo | null {
  const path = databaseFilePath(storeDirectory);
  const facts = readStoreFileFacts(path);
  if (!facts.exists) return null;
  return { path, sizeBytes: facts.sizeBytes, encrypted: facts.encrypted, locked: options.locked ?? false, documentCounts: null };
}
