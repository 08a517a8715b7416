import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { IDS_BY_NAME_ASC, item, ITEM_SCHEMA, ITEMS, type ItemDoc } from './item-fixture';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

// Dev-mode turns RxDB's error codes into readable messages; it insists on a validating storage, as the app has.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBAttachmentsPlugin);

type Items = RxCollection<ItemDoc>;
interface Opened {
  readonly db: RxDatabase<{ items: Items }>;
  readonly items: Items;
}

describe.each(STORAGES)('RxDB on $name', (sut) => {
  const harness = useStorageHarness(sut);
  const open: RxDatabase<{ items: Items }>[] = [];
  // Registered after the harness, so it runs before the harness deletes the place (after-hooks run in reverse).
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
  });

  async function openItems(storage: RxStorage<unknown, unknown> = harness.storage): Promise<Opened> {
    const db = await createRxDatabase<{ items: Items }>({
      name: harness.databaseName,
      storage: wrappedValidateAjvStorage({ storage }),
      multiInstance: false,
      eventReduce: true,
    });
    open.push(db);
    const collections = await db.addCollections({ items: { schema: { ...ITEM_SCHEMA, attachments: {} } } });
    return { db, items: collections.items };
  }

  it('inserts, queries, updates and removes through a collection', async () => {
    const { items } = await openItems();
    const inserted = await items.bulkInsert(ITEMS.map((doc) => ({ ...doc })));
    expect(inserted.error).toEqual([]);
    expect((await items.find({ sort: [{ name: 'asc' }] }).exec()).map((d) => d.id)).toEqual(IDS_BY_NAME_ASC);
    const privateUse = await items.find({ selector: { name: { $gte: '\ue000' } }, sort: [{ id: 'asc' }] }).exec();
    expect(privateUse.map((d) => d.id)).toEqual(['d15', 'd16']);
    const hebrew = await items.findOne('d09').exec(true);
    expect(hebrew.name).toBe('שלום');

    const patched = await hebrew.incrementalPatch({ name: 'שלום עולם', label: 'שלום עולם' });
    expect(patched.revision.startsWith('2-')).toBe(true);
    const patchedHits = await items.find({ selector: { label: { $regex: 'עולם' } } }).exec();
    expect(patchedHits.map((d) => d.id)).toEqual(['d09']);

    await (await items.findOne('d01').exec(true)).remove();
    expect(await items.count().exec()).toBe(19);
    expect([...(await items.findByIds(['d01', 'd02']).exec()).keys()]).toEqual(['d02']);
  });

  it('refuses to insert an id that exists with a CONFLICT error', async () => {
    const { items } = await openItems();
    await items.insert({ ...ITEMS[0]! });
    await expect(items.insert({ ...ITEMS[0]! })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps a live query up to date as documents change', async () => {
    const { items } = await openItems();
    await items.bulkInsert([{ ...ITEMS[0]! }, { ...ITEMS[1]! }]);
    const query = items.find({ selector: { active: true }, sort: [{ name: 'desc' }] });
    const seen = firstValueFrom(query.$.pipe(filter((docs) => docs.length === 2)));
    await items.insert(item('x1', '😀 new', 5, true));
    expect((await seen).map((d) => d.id)).toEqual(['x1', 'd01']);
  });

  it('puts, reads and removes attachments through a document', async () => {
    const { items } = await openItems();
    const doc = await items.insert({ ...ITEMS[0]! });
    await doc.putAttachment({ id: 'note.txt', type: 'text/plain', data: new Blob(['Côte d’Ivoire 🇨🇮']) });
    const latest = doc.getLatest();
    const attachment = latest.getAttachment('note.txt');
    expect(attachment?.digest).toMatch(/.+/);
    expect(await attachment?.getStringData()).toBe('Côte d’Ivoire 🇨🇮');
    await attachment?.remove();
    expect(doc.getLatest().getAttachment('note.txt')).toBeNull();
  });

  it('reopens the database with the same documents, query results and attachments', async () => {
    const first = await openItems();
    await first.items.bulkInsert(ITEMS.map((doc) => ({ ...doc })));
    const doc = await first.items.findOne('d12').exec(true);
    const data = new Blob([new Uint8Array([0, 255, 1, 254])]);
    await doc.putAttachment({ id: 'a.bin', type: 'application/octet-stream', data });
    await first.db.close();

    const second = await openItems(harness.restartStorage());
    expect((await second.items.find({ sort: [{ name: 'asc' }] }).exec()).map((d) => d.id)).toEqual(IDS_BY_NAME_ASC);
    const attachment = (await second.items.findOne('d12').exec(true)).getAttachment('a.bin');
    const readBack = await attachment?.getData();
    expect(readBack ? [...new Uint8Array(await readBack.arrayBuffer())] : undefined).toEqual([0, 255, 1, 254]);
  });
});
