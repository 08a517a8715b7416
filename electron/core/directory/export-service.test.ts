import { describe, expect, it } from 'vitest';
import { useDirectoryCore } from './testing/directory-test-kit';

describe('directory.export.vcard', () => {
  const kit = useDirectoryCore();

  it('exports the contacts a filter selects as vCard 4.0, with organisation path and country, and reads back', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const exported = await t.call('directory.export.vcard', { filter: { countryId: 'dk' } });
    expect(exported.count).toBe(8);
    expect(exported.text.match(/BEGIN:VCARD/g)).toHaveLength(8);
    expect(exported.text).toContain('VERSION:4.0');
    expect(exported.text).toContain('FN:R2P Focal Point — Denmark');
    expect(exported.text).toContain('TITLE:Under-Secretary for Legal Affairs');
    expect(exported.text).toMatch(/ORG:Ministry of Foreign Affairs;Danish development agency/);

    // The same directory reading its own export finds nothing new.
    const preview = await t.call('directory.import.preview', { format: 'vcard', text: exported.text });
    expect(preview.counts).toMatchObject({ create: 0, error: 0 });
  });

  it('leaves deleted contacts out unless asked', async () => {
    const t = await kit.start();
    const contact = await t.call('directory.contacts.create', { contact: { displayName: 'Gone soon' } });
    await t.call('directory.contacts.delete', { id: contact.id });
    expect((await t.call('directory.export.vcard', {})).count).toBe(0);
    expect((await t.call('directory.export.vcard', { filter: { includeDeleted: true } })).count).toBe(1);
  });
});
