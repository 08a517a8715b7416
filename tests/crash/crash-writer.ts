// The crash test's child: opens the database and writes without pause until the parent SIGKILLs it. Every write is
// announced (`intent`) before it is issued and acknowledged (`ack`) on stdout only after its promise resolved, so the
// parent knows which writes the storage promised were durable when the kill landed.
// It loads, prints 'loaded', and opens the store only when the parent writes 'go' to its stdin (see kill-writer.ts).
// Usage: node crash-writer(.ts|.mjs) '<WriterArgs as JSON>'   (the crash loop runs an esbuild bundle of this file).
import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { createRxDatabase, type RxCollection, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSQLite } from '../../electron/core/db/storage/index';
import {
  CRASH_COLLECTION,
  CRASH_DATABASE,
  batchIdOf,
  crashDocSchema,
  docIdsOf,
  formatEvent,
  type BatchRef,
  type CrashDoc,
  type WriterArgs,
  type WriterEvent,
} from './crash-protocol';

/** Share of writes that are bulk updates of an earlier batch rather than new bulk inserts. */
const UPDATE_SHARE = 0.25;
const MAX_BATCH = 20;

function emit(event: WriterEvent): void {
  // writeSync: the line has left the process before the next write is issued; nothing sits in a stream buffer.
  writeSync(1, formatEvent(event));
}

function randomInt(max: number): number {
  return Math.floor(Math.random() * max);
}

async function insertBatch(collection: RxCollection<CrashDoc>, batchId: string): Promise<BatchRef> {
  const size = 1 + randomInt(MAX_BATCH);
  const docs: CrashDoc[] = docIdsOf(batchId, size).map((id, index) => ({
    id,
    batchId,
    batchSize: size,
    index,
    version: 0,
    payload: randomBytes(60 + randomInt(240)).toString('base64url'),
  }));
  emit({ kind: 'intent', op: 'insert', batchId, size, version: 0 });
  // One bulkInsert is one storage bulkWrite: all of it or none of it must survive a kill.
  const result = await collection.bulkInsert(docs);
  if (result.error.length > 0) throw new Error(`bulkInsert ${batchId}: ${JSON.stringify(result.error[0])}`);
  emit({ kind: 'ack', op: 'insert', batchId, size, version: 0 });
  return { batchId, size };
}

async function updateBatch(collection: RxCollection<CrashDoc>, batch: BatchRef): Promise<void> {
  // Straight to the storage instance (RxDB's wrapper sets _rev and _meta): a bulkUpsert would be split into one
  // write per existing document, and the point is one bulkWrite that changes every document of the batch at once.
  const current = await collection.storageInstance.findDocumentsById(docIdsOf(batch.batchId, batch.size), false);
  if (current.length !== batch.size) throw new Error(`update ${batch.batchId}: found ${current.length}/${batch.size}`);
  const version = Math.max(...current.map((doc) => doc.version)) + 1;
  const rows = current.map((previous) => ({ previous, document: { ...previous, version } }));
  emit({ kind: 'intent', op: 'update', batchId: batch.batchId, size: batch.size, version });
  const result = await collection.storageInstance.bulkWrite(rows, 'crash-update');
  if (result.error.length > 0) throw new Error(`bulkWrite ${batch.batchId}: ${JSON.stringify(result.error[0])}`);
  emit({ kind: 'ack', op: 'update', batchId: batch.batchId, size: batch.size, version });
}

/** Resolves at the first line on stdin; rejects if stdin ends first (the parent is gone). */
async function waitForGo(): Promise<void> {
  for await (const chunk of process.stdin) {
    if (String(chunk).includes('\n')) return;
  }
  throw new Error('stdin closed before "go"');
}

async function main(args: WriterArgs): Promise<void> {
  emit({ kind: 'loaded', ms: performance.now() });
  await waitForGo();
  const go = performance.now();
  const storage: RxStorage<unknown, unknown> =
    args.storage === 'sqlite' ? getRxStorageSQLite({ directory: args.directory }) : getRxStorageMemory();
  const db = await createRxDatabase({ name: CRASH_DATABASE, storage, multiInstance: false, eventReduce: true });
  const collections = await db.addCollections({ [CRASH_COLLECTION]: { schema: crashDocSchema } });
  const collection = collections[CRASH_COLLECTION] as RxCollection<CrashDoc> | undefined;
  if (!collection) throw new Error('crash collection missing');
  emit({ kind: 'ready', ms: performance.now() - go });

  const updatable: BatchRef[] = [...args.olderBatches];
  const deadline = performance.now() + args.maxMs;
  // Bounded in count and time: a writer whose parent never kills it ends by itself.
  for (let iteration = 0; iteration < args.maxWrites && performance.now() < deadline; iteration += 1) {
    const target = updatable[randomInt(updatable.length)];
    if (target !== undefined && Math.random() < UPDATE_SHARE) await updateBatch(collection, target);
    else updatable.push(await insertBatch(collection, batchIdOf(args.run, iteration)));
  }
  await db.close();
}

try {
  await main(JSON.parse(process.argv[2] ?? '') as WriterArgs);
} catch (error: unknown) {
  process.stderr.write(`crash-writer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
