import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type FocalDatabase } from '../db/database';
import { createEventBus } from '../events/event-bus';
import { useTempDir } from '../testing/temp-dir';
import { manualClock, recordingLogger } from '../testing/test-ports';
import { createDirectory, type Directory } from './directory';
import type { ImportStep } from './import-service';
import { withReferencedCountries } from './reference-countries';
import { useDirectoryCore } from './testing/directory-test-kit';

const stored = async (database: FocalDatabase): Promise<string[]> =>
  (await database.countries.find().exec()).map((document) => document.id).sort();

describe('countries created on demand', () => {
  const kit = useDirectoryCore();

  it('gives a contact any ISO country on an empty directory, creating the country with it', async () => {
    const t = await kit.start();
    expect(await t.call('directory.status', {})).toEqual({ empty: true, demoLoaded: false });
    const kwame = await t.call('directory.contacts.create', { contact: { displayName: 'Kwame Mensah', countryId: 'GH', roles: ['focal-point'] } });
    expect(kwame).toMatchObject({ countryId: 'gh', countryName: 'Ghana' });
    const ghana = await t.call('directory.countries.get', { id: 'gh' });
    expect(ghana.country).toEqual({
      id: 'gh',
      code: 'GH',
      name: 'Ghana',
      region: 'africa',
      regionalOrganisations: [],
      networkStatus: 'none',
      coHost: false,
      yearJoined: null,
      nationalExperience: '',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(ghana.focalPoints.map((row) => row.displayName)).toEqual(['Kwame Mensah']);
    expect(await t.call('directory.countries.list', {})).toEqual([
      expect.objectContaining({ id: 'gh', focalPointCount: 1, contactCount: 1, organisationCount: 0 }),
    ]);
    expect((await t.call('directory.status', {})).empty).toBe(false);

    // Moving the contact creates the next country; the first stays (it is the directory's now).
    const moved = await t.call('directory.contacts.update', { id: kwame.id, changes: { countryId: 'ci' } });
    expect(moved.countryName).toBe("Côte d'Ivoire");
    expect((await t.call('directory.countries.list', {})).map((country) => [country.id, country.contactCount])).toEqual([
      ['ci', 1],
      ['gh', 0],
    ]);
  });

  it('gives an organisation any ISO country, on creation and on edit', async () => {
    const t = await kit.start();
    const ministry = await t.call('directory.organisations.create', { organisation: { name: 'Ministry of Foreign Affairs', kind: 'ministry', countryId: 'qa' } });
    expect(ministry).toMatchObject({ countryId: 'qa', countryName: 'Qatar' });
    const moved = await t.call('directory.organisations.update', { id: ministry.id, changes: { countryId: 'cr' } });
    expect(moved.countryName).toBe('Costa Rica');
    const list = await t.call('directory.countries.list', {});
    expect(list.map((country) => [country.id, country.region, country.organisationCount])).toEqual([
      ['cr', 'americas', 1],
      ['qa', 'middle-east', 0],
    ]);
  });

  it('refuses a code that is not ISO, and writes no country for a refused contact', async () => {
    const t = await kit.start();
    const refused = await t.failure('directory.contacts.create', { contact: { displayName: 'Someone', countryId: 'zz' } });
    expect(refused).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'contact.countryId', code: 'unknown-country', message: 'ZZ is not an ISO 3166 country code.' }],
    });
    await t.call('directory.contacts.create', { contact: { displayName: 'First', emails: [{ value: 'desk@example.org' }] } });
    const duplicate = await t.failure('directory.contacts.create', {
      contact: { displayName: 'Second', countryId: 'dk', emails: [{ value: 'desk@example.org' }] },
    });
    expect(duplicate.issues).toEqual([expect.objectContaining({ code: 'duplicate-email' })]);
    const organisation = await t.failure('directory.organisations.create', { organisation: { name: 'Nowhere', kind: 'other', countryId: 'xx' } });
    expect(organisation.issues).toEqual([
      { path: 'organisation.countryId', code: 'unknown-country', message: 'XX is not an ISO 3166 country code.' },
    ]);
    expect(await t.call('directory.countries.list', {})).toEqual([]);
  });

  it('shows the page of an ISO country not held yet without writing it, and not-found for other codes', async () => {
    const t = await kit.start();
    const page = await t.call('directory.countries.get', { id: 'DK' });
    expect(page.country).toMatchObject({ id: 'dk', code: 'DK', name: 'Denmark', region: 'europe', networkStatus: 'none', coHost: false });
    expect([page.focalPoints, page.stakeholderMap, page.otherContacts]).toEqual([[], [], []]);
    expect(await t.call('directory.countries.list', {})).toEqual([]);
    expect((await t.call('directory.status', {})).empty).toBe(true);
    expect(await t.failure('directory.countries.get', { id: 'zz' })).toMatchObject({
      code: 'not-found',
      message: 'There is no country with the code ZZ: it is not an ISO 3166 country code.',
    });
  });

  it('creates an ISO country with the changes of its first edit, and refuses other codes', async () => {
    const t = await kit.start();
    // An edit that changes nothing creates nothing.
    expect(await t.call('directory.countries.update', { id: 'dk', changes: {} })).toMatchObject({ id: 'dk', networkStatus: 'none' });
    expect(await t.call('directory.countries.list', {})).toEqual([]);

    const denmark = await t.call('directory.countries.update', {
      id: 'DK',
      changes: { networkStatus: 'appointed', coHost: true, yearJoined: 2010, regionalOrganisations: ['EU', 'EU', 'OSCE'], nationalExperience: ' Co-founder. ' },
    });
    expect(denmark).toMatchObject({
      id: 'dk',
      name: 'Denmark',
      region: 'europe',
      networkStatus: 'appointed',
      coHost: true,
      yearJoined: 2010,
      regionalOrganisations: ['EU', 'OSCE'],
      nationalExperience: 'Co-founder.',
    });
    expect((await t.call('directory.countries.get', { id: 'dk' })).country).toEqual(denmark);
    const again = await t.call('directory.countries.update', { id: 'dk', changes: { yearJoined: null } });
    expect(again).toMatchObject({ yearJoined: null, networkStatus: 'appointed' });

    expect(await t.failure('directory.countries.update', { id: 'zz', changes: { coHost: true } })).toMatchObject({ code: 'not-found' });
    const year = await t.failure('directory.countries.update', { id: 'dk', changes: { yearJoined: 1999 } });
    expect(year).toMatchObject({ code: 'invalid-input', issues: [expect.objectContaining({ path: 'changes.yearJoined' })] });
  });

  it('lists the ISO countries not held yet on request, with the held ones, filtered and by name', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const held = await t.call('directory.countries.list', {});
    expect(held).toHaveLength(11);
    const all = await t.call('directory.countries.list', { includeReference: true });
    // The 250 reference countries, less the ten the demo holds, plus the demo's European Union.
    expect(all).toHaveLength(251);
    expect(all.find((country) => country.id === 'dk')).toEqual(held.find((country) => country.id === 'dk'));
    expect(all.find((country) => country.id === 'ke')).toEqual({
      id: 'ke',
      code: 'KE',
      name: 'Kenya',
      region: 'africa',
      networkStatus: 'none',
      coHost: false,
      focalPointCount: 0,
      contactCount: 0,
      organisationCount: 0,
    });
    const names = all.map((country) => country.name);
    expect(names.indexOf('Denmark')).toBeGreaterThan(names.indexOf('Cyprus'));
    expect(names.indexOf('Denmark')).toBeLessThan(names.indexOf('Djibouti'));
    const middleEast = await t.call('directory.countries.list', { includeReference: true, region: 'middle-east' });
    expect(middleEast.map((country) => country.code)).toContain('QA');
    expect(middleEast.every((country) => country.region === 'middle-east')).toBe(true);
    const appointed = await t.call('directory.countries.list', { includeReference: true, networkStatus: 'appointed' });
    expect(appointed.map((country) => country.id)).toEqual(held.filter((country) => country.networkStatus === 'appointed').map((country) => country.id));
    // Listing writes nothing.
    expect(await t.call('directory.countries.list', {})).toHaveLength(11);
  });

  it('imports contacts of countries not held yet, creating those countries', async () => {
    const t = await kit.start();
    const text = 'Name,Email,Country,Organisation\nAna Pereira,ana@example.org,Brasil,Itamaraty\nLi Wei,li@example.org,CN,\nNobody,no@example.org,ZZ,\n';
    const refused = await t.call('directory.import.preview', { format: 'csv', text });
    expect(refused.rows.map((row) => row.action)).toEqual(['create', 'create', 'error']);
    const preview = await t.call('directory.import.preview', { format: 'csv', text: text.split('\n').slice(0, 3).join('\n') });
    expect(preview.counts).toMatchObject({ create: 2, error: 0 });
    const report = await t.call('directory.import.commit', { previewId: preview.previewId });
    expect(report.created).toBe(2);
    const countries = await t.call('directory.countries.list', {});
    expect(countries.map((country) => [country.id, country.name, country.contactCount, country.organisationCount])).toEqual([
      ['br', 'Brazil', 1, 1],
      ['cn', 'China', 1, 0],
    ]);
  });
});

describe('a write that fails after creating its countries', () => {
  const temp = useTempDir('focal-reference-countries-');
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(failBefore?: ImportStep): Promise<{ directory: Directory; database: FocalDatabase }> {
    const database = await openDatabase({ directory: temp.path });
    cleanups.push(async () => {
      await database.close();
    });
    const logger = recordingLogger();
    const directory = createDirectory({
      whenOpen: () => Promise.resolve(database),
      events: createEventBus(logger),
      clock: manualClock(),
      logger,
      importHooks: {
        beforeStep: (step) => {
          if (step === failBefore) throw new Error(`disk unplugged before ${step}`);
        },
      },
    });
    cleanups.push(() => directory.close());
    return { directory, database };
  }

  it('leaves none of them behind', async () => {
    const { directory, database } = await open();
    const services = await directory.ready();
    const context = { cache: services.cache, database };
    const failing = withReferencedCountries(context, ['gh', 'ke', 'gh', '', 'zz'], '2026-01-01T00:00:00.000Z', () => {
      // The countries are in by the time the write runs: it could name them.
      expect([...services.cache.countries.keys()].sort()).toEqual(['gh', 'ke']);
      return Promise.reject(new Error('disk unplugged'));
    });
    await expect(failing).rejects.toThrow('disk unplugged');
    expect(await stored(database)).toEqual([]);
    expect(services.cache.countries.size).toBe(0);

    const answer = await withReferencedCountries(context, ['gh'], '2026-01-01T00:00:00.000Z', () => Promise.resolve('written'));
    expect(answer).toBe('written');
    expect(await stored(database)).toEqual(['gh']);
  });

  it('takes them back with a failed import', async () => {
    const { directory, database } = await open('contacts');
    const services = await directory.ready();
    const preview = services.imports.preview({ format: 'csv', text: 'Name,Country,Organisation\nAna Pereira,BR,Itamaraty\nLi Wei,China,\n' });
    expect(preview.counts).toMatchObject({ create: 2 });
    await expect(services.imports.commit(preview.previewId)).rejects.toThrow('disk unplugged before contacts');
    expect(await stored(database)).toEqual([]);
    expect(await database.organisations.find().exec()).toEqual([]);
    expect(services.status().empty).toBe(true);
  });
});
