import { addRxPlugin, createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { getRxStorageSQLite } from '../storage';

interface NoteV0 {
  id: string;
  title: string;
}
interface NoteV1 {
  id: string;
  title: string;
  pillars: string[];
}

const v0: RxJsonSchema<NoteV0> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, title: { type: 'string' } },
  required: ['id', 'title'],
};
const v1: RxJsonSchema<NoteV1> = {
  ...v0,
  version: 1,
  properties: { ...v0.properties, pillars: { type: 'array', items: { type: 'string' } } },
  required: ['id', 'title', 'pillars'],
};

/**
 * Proves RxDB's schema migration runs on our SQLite storage and survives a reopen: the mechanism every real
 * migration in this folder relies on. Real migrations get their own test beside their own file.
 */
describe('schema migration on the SQLite storage', () => {
  const temp = useTempDir();

  it('migrates stored documents to the new version on open and keeps them migrated after reopening', async () => {
    addRxPlugin(RxDBMigrationSchemaPlugin);
    const open = <Doc>(name: string) =>
      createRxDatabase<{ notes: RxCollection<Doc> }>({
        name,
        storage: getRxStorageSQLite({ directory: temp.path }),
        multiInstance: false,
      });

    const first = await open<NoteV0>('migrationdb');
    await first.addCollections({ notes: { schema: v0 } });
    await first.collections.notes.bulkInsert([
      { id: 'n1', title: 'Pillar II: assistance' },
      { id: 'n2', title: 'Early warning' },
    ]);
    await first.close();

    const second = await open<NoteV1>('migrationdb');
    await second.addCollections({
      notes: {
        schema: v1,
        migrationStrategies: {
          1: (old: NoteV0): NoteV1 => ({ ...old, pillars: old.title.startsWith('Pillar II') ? ['II'] : [] }),
        },
      },
    });
    const migrated = await second.collections.notes.find({ sort: [{ id: 'asc' }] }).exec();
    expect(migrated.map((doc) => doc.toJSON())).toEqual([
      { id: 'n1', title: 'Pillar II: assistance', pillars: ['II'] },
      { id: 'n2', title: 'Early warning', pillars: [] },
    ]);
    await second.close();

    const third = await open<NoteV1>('migrationdb');
    await third.addCollections({ notes: { schema: v1, migrationStrategies: { 1: () => null } } });
    expect(await third.collections.notes.count().exec()).toBe(2);
    await third.close();
  });
});
