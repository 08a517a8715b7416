import { describe, expect, it } from 'vitest';
import { useDirectoryCore } from './testing/directory-test-kit';

describe('organisations', () => {
  const kit = useDirectoryCore();

  it('creates a tree, answers with the path, and lists by country and name', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const ministry = await t.call('directory.organisations.create', {
      organisation: { name: 'Ministry of Foreign Affairs of Ghana', kind: 'ministry', countryId: 'GH' },
    });
    const department = await t.call('directory.organisations.create', {
      organisation: { name: 'Legal and Consular Bureau', kind: 'department', countryId: 'gh', parentId: ministry.id },
    });
    expect(department).toMatchObject({
      countryName: 'Ghana',
      path: ['Ministry of Foreign Affairs of Ghana', 'Legal and Consular Bureau'],
      linked: { contacts: 0, organisations: 0 },
      demo: false,
    });
    expect((await t.call('directory.organisations.get', { id: ministry.id })).linked).toEqual({ contacts: 0, organisations: 1 });
    const ghana = await t.call('directory.organisations.list', { countryId: 'gh' });
    expect(ghana.map((row) => row.name)).toEqual(['Legal and Consular Bureau', 'Ministry of Foreign Affairs of Ghana']);
    expect((await t.call('directory.organisations.list', {})).length).toBe(32);
  });

  it('refuses an unknown country, an unknown parent and a parent cycle, naming the field', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const bad = await t.failure('directory.organisations.create', {
      organisation: { name: 'Nowhere office', kind: 'other', countryId: 'zz', parentId: 'org-missing' },
    });
    expect(bad.issues).toEqual([
      expect.objectContaining({ path: 'organisation.countryId', code: 'unknown-country' }),
      expect.objectContaining({ path: 'organisation.parentId', code: 'unknown-parent' }),
    ]);

    const top = await t.call('directory.organisations.create', { organisation: { name: 'Top', kind: 'ministry' } });
    const middle = await t.call('directory.organisations.create', { organisation: { name: 'Middle', kind: 'department', parentId: top.id } });
    const bottom = await t.call('directory.organisations.create', { organisation: { name: 'Bottom', kind: 'department', parentId: middle.id } });
    for (const parentId of [top.id, bottom.id]) {
      const cycle = await t.failure('directory.organisations.update', { id: top.id, changes: { parentId } });
      expect(cycle).toMatchObject({ code: 'invalid-input', issues: [{ path: 'changes.parentId', code: 'parent-cycle' }] });
    }
    // Moving a department up is fine.
    expect((await t.call('directory.organisations.update', { id: bottom.id, changes: { parentId: top.id } })).path).toEqual(['Top', 'Bottom']);
  });

  it('deletes softly without cascading: contacts keep the link and show it deleted, restore brings it back', async () => {
    const t = await kit.start();
    const ministry = await t.call('directory.organisations.create', { organisation: { name: 'Ministry of Justice', kind: 'ministry' } });
    await t.call('directory.organisations.create', { organisation: { name: 'Prosecution service', kind: 'agency', parentId: ministry.id } });
    const contact = await t.call('directory.contacts.create', { contact: { displayName: 'Prosecutor', organisationId: ministry.id } });

    const deleted = await t.call('directory.organisations.delete', { id: ministry.id });
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted.linked).toEqual({ contacts: 1, organisations: 1 });
    expect((await t.call('directory.organisations.list', {})).map((row) => row.name)).toEqual(['Prosecution service']);
    expect((await t.call('directory.organisations.list', { includeDeleted: true })).find((row) => row.id === ministry.id)?.deleted).toBe(true);

    expect((await t.call('directory.contacts.get', { id: contact.id })).organisationId).toBe(ministry.id);
    const window = await t.call('directory.contacts.watch', { filter: {}, range: { offset: 0, limit: 5 } });
    expect(window.rows[0]).toMatchObject({ organisationId: ministry.id, organisationName: 'Ministry of Justice', organisationDeleted: true });

    await t.call('directory.organisations.restore', { id: ministry.id });
    const after = await t.call('directory.contacts.rewatch', { subscriptionId: window.subscriptionId, range: { offset: 0, limit: 5 } });
    expect(after.rows[0]?.organisationDeleted).toBeUndefined();
  });

  it('renames reach the contacts rows and detail paths', async () => {
    const t = await kit.start();
    const ministry = await t.call('directory.organisations.create', { organisation: { name: 'Foreign Ministry', kind: 'ministry' } });
    const unit = await t.call('directory.organisations.create', { organisation: { name: 'UN unit', kind: 'department', parentId: ministry.id } });
    const contact = await t.call('directory.contacts.create', { contact: { displayName: 'Officer', organisationId: unit.id } });
    await t.call('directory.organisations.update', { id: ministry.id, changes: { name: 'Ministry of Foreign Affairs', acronym: 'MFA' } });
    expect((await t.call('directory.contacts.get', { id: contact.id })).organisationPath).toEqual(['Ministry of Foreign Affairs', 'UN unit']);
    const hits = await t.call('directory.search', { text: 'ministry of foreign', limit: 10 });
    expect(hits.hits.map((hit) => hit.id)).toContain(contact.id);
  });

  it('answers not-found for an unknown organisation', async () => {
    const t = await kit.start();
    expect((await t.failure('directory.organisations.get', { id: 'org-missing' })).code).toBe('not-found');
    expect((await t.failure('directory.organisations.update', { id: 'org-missing', changes: { name: 'x' } })).code).toBe('not-found');
  });
});
