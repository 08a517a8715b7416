import { describe, expect, it } from 'vitest';
import { useDirectoryCore } from './testing/directory-test-kit';

describe('directory.seed and directory.status', () => {
  const kit = useDirectoryCore();

  it('offers the demo data on an empty store, loads it once, and refuses it over existing data', async () => {
    const t = await kit.start();
    expect(await t.call('directory.status', {})).toEqual({ empty: true, demoLoaded: false });

    const report = await t.call('directory.seed', {});
    expect(report).toEqual({ countries: 11, organisations: 30, contacts: 16, documents: 1, meetings: 1 });
    expect(await t.call('directory.status', {})).toEqual({ empty: false, demoLoaded: true });

    const again = await t.failure('directory.seed', {});
    expect(again.code).toBe('conflict');
    expect((await t.call('directory.countries.list', {})).length).toBe(11);
  });

  it('marks every seeded contact and organisation as demo data, with no personal names, e-mail or phone', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const window = await t.call('directory.contacts.watch', { filter: {}, range: { offset: 0, limit: 100 } });
    expect(window.total).toBe(16);
    for (const row of window.rows) {
      expect(row.demo).toBe(true);
      const contact = await t.call('directory.contacts.get', { id: row.id });
      expect(contact).toMatchObject({ givenName: '', familyName: '', honorific: '', emails: [], phones: [], demo: true });
      expect(contact.id).toMatch(/^con-[0-9a-f-]{36}$/);
      expect(contact.notes).toMatch(/^Demo data from the report of the Second Annual Meeting/);
    }
    for (const organisation of await t.call('directory.organisations.list', {})) {
      expect(organisation.demo).toBe(true);
      expect(organisation.id).toMatch(/^org-[0-9a-f-]{36}$/);
    }
  });

  it('counts soft-deleted documents: a directory whose contacts are all deleted is not empty', async () => {
    const t = await kit.start();
    const created = await t.call('directory.contacts.create', { contact: { displayName: 'Secretariat desk' } });
    await t.call('directory.contacts.delete', { id: created.id });
    expect(await t.call('directory.status', {})).toEqual({ empty: false, demoLoaded: false });
    expect((await t.failure('directory.seed', {})).code).toBe('conflict');
  });
});
