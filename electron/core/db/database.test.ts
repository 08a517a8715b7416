import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Country } from '../../../shared/schemas/country';
import { useTempDir } from '../testing/temp-dir';
import { databaseFilePath, openDatabase, type FocalDatabase } from './database';
import { describeOpenStore, describeStoreFile } from './describe-store';
import { StoreOpenError } from './storage';

const denmark: Country = {
  id: 'dk',
  code: 'DK',
  name: 'Denmark',
  region: 'europe',
  regionalOrganisations: ['EU'],
  networkStatus: 'appointed',
  coHost: true,
  yearJoined: 2010,
  nationalExperience: 'Mapped the ministries and departments that hold a share of the R2P agenda.',
  updatedAt: '2012-09-29T12:00:00.000Z',
};

describe('openDatabase', () => {
  const temp = useTempDir();
  const open: FocalDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((database) => database.close()));
  });
  async function start(keyHex?: string): Promise<FocalDatabase> {
    const database = await openDatabase({ directory: temp.path, keyHex });
    open.push(database);
    return database;
  }

  it('creates the store file and the registered collections, and describes them', async () => {
    const database = await start();
    await database.countries.insert(denmark);
    const info = await describeOpenStore(database, temp.path, false);
    expect(info).toMatchObject({ path: databaseFilePath(temp.path), encrypted: false, documentCounts: { countries: 1 } });
    expect(info.sizeBytes).toBeGreaterThan(0);
    expect(describeStoreFile(temp.path)).toMatchObject({ encrypted: false, documentCounts: null });
  });

  it('validates every write against the schema in main', async () => {
    const database = await start();
    await expect(database.countries.insert({ ...denmark, id: 'Denmark!' })).rejects.toThrow();
    await expect(database.countries.insert({ ...denmark, region: 'atlantis' as Country['region'] })).rejects.toThrow();
    expect(await database.countries.count().exec()).toBe(0);
  });

  it('encrypts the file with a key: no plaintext on disk, and the wrong key fails closed', async () => {
    const key = 'c3'.repeat(32);
    const database = await start(key);
    await database.countries.insert(denmark);
    await database.close();
    open.length = 0;
    const bytes = readFileSync(databaseFilePath(temp.path));
    expect(bytes.includes(Buffer.from('Mapped the ministries'))).toBe(false);
    expect(describeStoreFile(temp.path)?.encrypted).toBe(true);

    await expect(openDatabase({ directory: temp.path, keyHex: 'd4'.repeat(32) })).rejects.toBeInstanceOf(StoreOpenError);
    await expect(openDatabase({ directory: temp.path })).rejects.toBeInstanceOf(StoreOpenError);
    expect(readFileSync(databaseFilePath(temp.path)).equals(bytes)).toBe(true);

    const reopened = await start(key);
    expect((await reopened.countries.findOne('dk').exec())?.name).toBe('Denmark');
  });
});
