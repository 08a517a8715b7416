import { describe, expect, it } from 'vitest';
import type { DirectoryTestCore } from './testing/directory-test-kit';
import { useDirectoryCore } from './testing/directory-test-kit';

async function seeded(t: DirectoryTestCore) {
  await t.call('directory.seed', {});
  const mfa = (await t.call('directory.organisations.list', { countryId: 'dk' })).find((row) => row.name === 'Ministry of Foreign Affairs');
  if (mfa === undefined) throw new Error('The demo data has no Danish foreign ministry');
  return { mfaId: mfa.id };
}

describe('contacts', () => {
  const kit = useDirectoryCore();

  it('creates a contact with its names resolved, reads it back and lists it', async () => {
    const t = await kit.start();
    const { mfaId } = await seeded(t);
    const created = await t.call('directory.contacts.create', {
      contact: {
        displayName: '  Alternate — Denmark ',
        title: 'Deputy Head, Legal Department',
        countryId: 'DK',
        organisationId: mfaId,
        roles: ['alternate', 'alternate'],
        emails: [{ value: 'alternate@example.org' }],
        tags: ['legal', 'legal', 'pillar II'],
      },
    });
    expect(created).toMatchObject({
      displayName: 'Alternate — Denmark',
      countryId: 'dk',
      countryName: 'Denmark',
      organisationPath: ['Ministry of Foreign Affairs'],
      roles: ['alternate'],
      tags: ['legal', 'pillar II'],
      emails: [{ value: 'alternate@example.org', kind: 'work' }],
      demo: false,
      deletedAt: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(created.id).toMatch(/^con-[0-9a-f-]{36}$/);
    expect(await t.call('directory.contacts.get', { id: created.id })).toEqual(created);
    const window = await t.call('directory.contacts.watch', { filter: { countryId: 'dk', role: 'alternate' }, range: { offset: 0, limit: 10 } });
    expect(window.rows).toEqual([
      expect.objectContaining({ id: created.id, organisationName: 'Ministry of Foreign Affairs', countryName: 'Denmark', deleted: false }),
    ]);
  });

  it('updates only the fields given, and keeps the others', async () => {
    const t = await kit.start();
    const created = await t.call('directory.contacts.create', {
      contact: { displayName: 'Desk officer', title: 'Desk officer', notes: 'Met in Accra', emails: [{ value: 'desk@example.org' }] },
    });
    t.ports.clock.tick(60_000);
    const updated = await t.call('directory.contacts.update', { id: created.id, changes: { title: 'Head of desk' } });
    expect(updated).toMatchObject({
      title: 'Head of desk',
      notes: 'Met in Accra',
      emails: [{ value: 'desk@example.org', kind: 'work' }],
      updatedAt: '2026-01-01T00:01:00.000Z',
    });
    expect(await t.call('directory.contacts.update', { id: created.id, changes: {} })).toEqual(updated);
  });

  it('deletes softly: hidden from lists, still readable, listed with includeDeleted, and restored', async () => {
    const t = await kit.start();
    const created = await t.call('directory.contacts.create', { contact: { displayName: 'Liaison officer' } });
    const deleted = await t.call('directory.contacts.delete', { id: created.id });
    expect(deleted.deletedAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await t.call('directory.contacts.watch', { filter: {}, range: { offset: 0, limit: 10 } })).total).toBe(0);
    const all = await t.call('directory.contacts.watch', { filter: { includeDeleted: true }, range: { offset: 0, limit: 10 } });
    expect(all.rows).toEqual([expect.objectContaining({ id: created.id, deleted: true })]);
    expect((await t.call('directory.contacts.get', { id: created.id })).deletedAt).not.toBeNull();
    expect(await t.call('directory.contacts.delete', { id: created.id })).toEqual(deleted);

    const restored = await t.call('directory.contacts.restore', { id: created.id });
    expect(restored.deletedAt).toBeNull();
    expect((await t.call('directory.contacts.watch', { filter: {}, range: { offset: 0, limit: 10 } })).total).toBe(1);
  });

  it('refuses an unknown country or organisation, a deleted organisation and a duplicate e-mail, naming the field', async () => {
    const t = await kit.start();
    const { mfaId } = await seeded(t);
    const unknown = await t.failure('directory.contacts.create', {
      contact: { displayName: 'Someone', countryId: 'zz', organisationId: 'org-nope' },
    });
    expect(unknown).toMatchObject({
      code: 'invalid-input',
      issues: [
        { path: 'contact.countryId', code: 'unknown-country', message: 'ZZ is not an ISO 3166 country code.' },
        { path: 'contact.organisationId', code: 'unknown-organisation' },
      ],
    });

    await t.call('directory.contacts.create', { contact: { displayName: 'First', emails: [{ value: 'Desk@Example.org' }] } });
    const duplicate = await t.failure('directory.contacts.create', {
      contact: { displayName: 'Second', emails: [{ value: 'other@example.org' }, { value: 'desk@example.org' }, { value: 'OTHER@example.org' }] },
    });
    expect(duplicate.issues).toEqual([
      { path: 'contact.emails.1.value', code: 'duplicate-email', message: 'First already has this address.' },
      { path: 'contact.emails.2.value', code: 'duplicate-email', message: 'This address is listed twice.' },
    ]);

    await t.call('directory.organisations.delete', { id: mfaId });
    const deletedOrganisation = await t.failure('directory.contacts.create', { contact: { displayName: 'Third', organisationId: mfaId } });
    expect(deletedOrganisation.issues).toEqual([
      { path: 'contact.organisationId', code: 'unknown-organisation', message: 'Ministry of Foreign Affairs is deleted. Restore it first.' },
    ]);
    // Nothing of a refused contact was written.
    const window = await t.call('directory.contacts.watch', { filter: { search: 'Second' }, range: { offset: 0, limit: 10 } });
    expect(window.total).toBe(0);
  });

  it('refuses invalid fields through the contract: bad e-mail, empty name, bad country code', async () => {
    const t = await kit.start();
    const failure = await t.failure('directory.contacts.create', {
      contact: { displayName: '   ', emails: [{ value: 'jane@' }], countryId: 'Denmark' },
    });
    expect(failure.code).toBe('invalid-input');
    expect(failure.issues?.map((issue) => issue.path).sort()).toEqual(['contact.countryId', 'contact.displayName', 'contact.emails.0.value']);
  });

  it('checks an edit like a creation, but lets a contact keep its own address', async () => {
    const t = await kit.start();
    const first = await t.call('directory.contacts.create', { contact: { displayName: 'First', emails: [{ value: 'a@example.org' }] } });
    const second = await t.call('directory.contacts.create', { contact: { displayName: 'Second', emails: [{ value: 'b@example.org' }] } });
    const taken = await t.failure('directory.contacts.update', { id: second.id, changes: { emails: [{ value: 'A@example.org' }] } });
    expect(taken.issues).toEqual([{ path: 'changes.emails.0.value', code: 'duplicate-email', message: 'First already has this address.' }]);
    await t.call('directory.contacts.update', { id: first.id, changes: { emails: [{ value: 'a@example.org', kind: 'home' }] } });
    const country = await t.failure('directory.contacts.update', { id: first.id, changes: { countryId: 'xx' } });
    expect(country.issues).toEqual([expect.objectContaining({ path: 'changes.countryId', code: 'unknown-country' })]);
    // Once the first is deleted, its address is free again.
    await t.call('directory.contacts.delete', { id: first.id });
    await t.call('directory.contacts.update', { id: second.id, changes: { emails: [{ value: 'a@example.org' }] } });
  });

  it('refuses to restore a contact whose address another live contact now holds, naming both', async () => {
    const t = await kit.start();
    const first = await t.call('directory.contacts.create', {
      contact: { displayName: 'Amina Diallo', emails: [{ value: 'amina@example.org' }, { value: 'desk@example.org' }] },
    });
    await t.call('directory.contacts.delete', { id: first.id });
    const second = await t.call('directory.contacts.create', { contact: { displayName: 'Desk officer', emails: [{ value: 'Desk@Example.org' }] } });

    const refused = await t.failure('directory.contacts.restore', { id: first.id });
    expect(refused).toEqual({
      code: 'conflict',
      message:
        'Amina Diallo cannot be restored: desk@example.org now belongs to Desk officer. Change or remove that address on the other contact first, then restore again.',
    });
    // Nothing was restored: the contact is still deleted and out of the lists.
    expect((await t.call('directory.contacts.get', { id: first.id })).deletedAt).not.toBeNull();
    expect((await t.call('directory.contacts.watch', { filter: { search: 'Amina' }, range: { offset: 0, limit: 10 } })).total).toBe(0);

    // A deleted holder is no obstacle, and once the address is free again the restore goes through.
    await t.call('directory.contacts.delete', { id: second.id });
    expect((await t.call('directory.contacts.restore', { id: first.id })).deletedAt).toBeNull();
    expect((await t.failure('directory.contacts.restore', { id: second.id })).message).toMatch(/^Desk officer cannot be restored: Desk@Example\.org now belongs to Amina Diallo\./);
  });

  it('answers not-found for an id the directory does not hold', async () => {
    const t = await kit.start();
    for (const method of ['directory.contacts.get', 'directory.contacts.delete', 'directory.contacts.restore'] as const) {
      expect((await t.failure(method, { id: 'con-missing' })).code).toBe('not-found');
    }
    expect((await t.failure('directory.contacts.update', { id: 'con-missing', changes: { title: 'x' } })).code).toBe('not-found');
  });
});
