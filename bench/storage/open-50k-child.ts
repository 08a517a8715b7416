// Child process of the storage bench's open-50k measurement: a fresh process holds no cache of the store, as after an
// app restart. Modules are imported before the clock starts (the app has loaded its code long before it opens data).
// Usage: node --import tsx bench/storage/open-50k-child.ts sqlite <directory> | memory <docCount>
// Prints one JSON line: OpenChildResult.
import { createRxDatabase, type RxCollection, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { ourStorage } from '../support/our-storage';
import { contactSchema, firstQuery, makeContacts, type ContactDoc } from './contact-docs';

/** What the child prints: milliseconds from the start of opening to the collection being ready and to the first result. */
export interface OpenChildResult {
  readonly storage: 'sqlite' | 'memory';
  /** createRxDatabase + addCollections (memory: + bulkInsert of every document). */
  readonly openMs: number;
  /** The first indexed query, from exec() to its result. */
  readonly firstQueryMs: number;
  readonly totalMs: number;
  readonly resultCount: number;
  /** Documents in the collection, counted after the measurement. */
  readonly docCount: number;
}

async function measure(kind: 'sqlite' | 'memory', arg: string): Promise<OpenChildResult> {
  // The memory baseline must load its documents; generating them is not storage work, so it happens before the clock.
  const docs: ContactDoc[] = kind === 'memory' ? makeContacts(Number(arg)) : [];
  const start = performance.now();
  const storage: RxStorage<unknown, unknown> = kind === 'sqlite' ? ourStorage(arg) : getRxStorageMemory();
  const db = await createRxDatabase<{ contacts: RxCollection<ContactDoc> }>({
    name: 'contacts',
    storage,
    multiInstance: false,
    eventReduce: true,
  });
  try {
    // addCollections' result is typed RxCollection<any>; the database's own property carries the document type.
    await db.addCollections({ contacts: { schema: contactSchema } });
    const contacts = db.contacts;
    if (kind === 'memory') {
      const result = await contacts.bulkInsert(docs);
      if (result.error.length > 0) throw new Error(`memory insert: ${result.error.length} errors`);
    }
    const opened = performance.now();
    const found = await contacts.find(firstQuery).exec();
    const answered = performance.now();
    const names = found.map((doc) => doc.familyName);
    if (names.some((name, i) => i > 0 && (names[i - 1] ?? '') > name)) throw new Error('first query not sorted');
    if (found.some((doc) => doc.country !== 'DK')) throw new Error('first query matched another country');
    const docCount = await contacts.count().exec();
    return {
      storage: kind,
      openMs: opened - start,
      firstQueryMs: answered - opened,
      totalMs: answered - start,
      resultCount: found.length,
      docCount,
    };
  } finally {
    await db.close();
  }
}

const [kind, arg] = process.argv.slice(2);
if ((kind !== 'sqlite' && kind !== 'memory') || arg === undefined) {
  process.stderr.write('usage: open-50k-child.ts sqlite <directory> | memory <docCount>\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(await measure(kind, arg))}\n`);
}
