import { describe, expect, it } from 'vitest';
import { useDirectoryCore } from './testing/directory-test-kit';

describe('directory.search', () => {
  const kit = useDirectoryCore();

  it('finds contacts, organisations and countries by name, title, acronym and country, accents and case aside', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const search = async (text: string) => (await t.call('directory.search', { text, limit: 10 })).hits;

    expect((await search('cote'))[0]).toEqual({
      kind: 'country',
      id: 'ci',
      label: "Côte d'Ivoire",
      detail: 'Africa',
      countryId: 'ci',
      countryName: "Côte d'Ivoire",
      region: 'africa',
    });
    expect((await search('CÔTE D’IVOIRE'))[0]?.id).toBe('ci');
    expect((await search('osapg')).map((hit) => hit.label)).toEqual([
      'Office of the Special Adviser for the Prevention of Genocide',
      'Special Adviser for the Prevention of Genocide',
    ]);
    expect((await search('danida'))[0]).toMatchObject({
      kind: 'organisation',
      label: 'Danish development agency',
      detail: 'Agency · Denmark',
      organisationKind: 'agency',
      countryId: 'dk',
      countryName: 'Denmark',
    });
    expect(await search('under-secr')).toEqual([
      expect.objectContaining({
        kind: 'contact',
        label: 'R2P Focal Point — Denmark',
        detail: 'Under-Secretary for Legal Affairs · Denmark',
        title: 'Under-Secretary for Legal Affairs',
        countryId: 'dk',
        countryName: 'Denmark',
      }),
    ]);
    const denmark = await search('denmark');
    expect(denmark[0]).toMatchObject({ kind: 'country', id: 'dk' });
    expect(denmark.filter((hit) => hit.kind === 'contact').length).toBeGreaterThan(3);
    expect(await search('')).toEqual([]);
  });

  it('finds a country, and its people, by its name in each interface language', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const hits = (await t.call('directory.search', { text: 'danem', limit: 20 })).hits;
    expect(hits[0]).toMatchObject({ kind: 'country', id: 'dk', label: 'Denmark' });
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'contact', label: 'R2P Focal Point — Denmark' }));
    // As the search box asks (eight suggestions): the country, then its focal point.
    for (const text of ['danem', 'danemark', 'denm', 'DANEM']) {
      const suggestions = (await t.call('directory.search', { text, limit: 8 })).hits;
      expect(suggestions.slice(0, 2).map((hit) => [hit.kind, hit.label])).toEqual([
        ['country', 'Denmark'],
        ['contact', 'R2P Focal Point — Denmark'],
      ]);
    }
    const window = await t.call('directory.contacts.watch', { filter: { search: 'états-unis' }, range: { offset: 0, limit: 10 } });
    expect(window.rows.map((row) => row.countryId)).toEqual(window.rows.map(() => 'us'));
    expect(window.total).toBeGreaterThan(0);
  });

  it('follows a country found with its live focal points, by name, each once and within the limit', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const search = async (text: string, limit: number) => (await t.call('directory.search', { text, limit })).hits;
    // People of Ghana who match "ghan" as well as its focal points do and rank before them by name: only following
    // the country can bring the focal points into eight suggestions.
    for (let i = 0; i < 10; i += 1) {
      await t.call('directory.contacts.create', { contact: { displayName: `Aaron Adjei ${i}`, countryId: 'gh' } });
    }
    const zara = await t.call('directory.contacts.create', { contact: { displayName: 'Zara Owusu', countryId: 'gh', roles: ['focal-point'] } });
    const focal = await t.call('directory.contacts.watch', { filter: { countryId: 'gh', role: 'focal-point' }, range: { offset: 0, limit: 10 } });
    const focalNames = focal.rows.map((row) => row.displayName);
    expect(focalNames).toContain('Zara Owusu');

    const hits = await search('ghan', 8);
    expect(hits).toHaveLength(8);
    expect(hits[0]).toMatchObject({ kind: 'country', id: 'gh' });
    expect(hits.slice(1, 1 + Math.min(3, focalNames.length)).map((hit) => [hit.kind, hit.label])).toEqual(
      focalNames.slice(0, 3).map((name) => ['contact', name]),
    );
    expect(new Set(hits.map((hit) => `${hit.kind}:${hit.id}`)).size).toBe(hits.length);
    expect(hits.filter((hit) => hit.label.startsWith('Aaron Adjei')).length).toBeGreaterThan(0);
    expect(await search('ghan', 1)).toEqual([expect.objectContaining({ kind: 'country', id: 'gh' })]);

    // A focal point deleted, or no longer one, is not brought up; one who becomes one is.
    await t.call('directory.contacts.delete', { id: zara.id });
    expect((await search('ghan', 8)).map((hit) => hit.id)).not.toContain(zara.id);
    await t.call('directory.contacts.restore', { id: zara.id });
    await t.call('directory.contacts.update', { id: zara.id, changes: { roles: [] } });
    expect((await search('ghan', 8)).map((hit) => hit.id)).not.toContain(zara.id);
    const aaron = (await search('aaron adjei 3', 1))[0];
    expect(aaron?.label).toBe('Aaron Adjei 3');
    await t.call('directory.contacts.update', { id: aaron?.id ?? '', changes: { roles: ['focal-point'] } });
    expect((await search('ghan', 8)).map((hit) => hit.label)).toContain('Aaron Adjei 3');
  });

  it('follows changes at once: new, renamed and deleted documents', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const created = await t.call('directory.contacts.create', {
      contact: { displayName: 'Ifeoma Okonkwo-Ángel', countryId: 'gh', tags: ['early warning'] },
    });
    const find = async (text: string) => (await t.call('directory.search', { text, limit: 5 })).hits.map((hit) => hit.id);
    expect(await find('angel')).toEqual([created.id]);
    expect(await find('early warn')).toEqual([created.id]);
    expect(await find('ghana')).toContain(created.id);

    await t.call('directory.contacts.update', { id: created.id, changes: { displayName: 'Ifeoma Mensah' } });
    expect(await find('angel')).toEqual([]);
    expect(await find('mensah')).toEqual([created.id]);

    await t.call('directory.contacts.delete', { id: created.id });
    expect(await find('mensah')).toEqual([]);
    // A live list that includes deleted contacts still finds it.
    const window = await t.call('directory.contacts.watch', { filter: { search: 'mensah', includeDeleted: true }, range: { offset: 0, limit: 5 } });
    expect(window.rows.map((row) => row.id)).toEqual([created.id]);
    await t.call('directory.contacts.restore', { id: created.id });
    expect(await find('mensah')).toEqual([created.id]);
  });

  it('searches in any script (speed is the directory bench’s job, not a test’s)', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const created = await t.call('directory.contacts.create', { contact: { displayName: 'Юлия Петрова', title: 'Советник' } });
    await t.call('directory.contacts.create', { contact: { displayName: '山田 太郎', title: '参事官' } });
    const result = await t.call('directory.search', { text: 'петро', limit: 5 });
    expect(result.hits.map((hit) => hit.id)).toEqual([created.id]);
    expect((await t.call('directory.search', { text: '山田', limit: 5 })).hits.map((hit) => hit.label)).toEqual(['山田 太郎']);
    expect(result.tookMs).toBeGreaterThanOrEqual(0);
  });
});
