import { describe, expect, it } from 'vitest';
import type { OrganisationNode } from '../../../shared/api/directory';
import { useDirectoryCore } from './testing/directory-test-kit';

/** A stakeholder map as indented lines: "Organisation [contact, contact]". */
function outline(nodes: readonly OrganisationNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.organisation.name}${node.contacts.length === 0 ? '' : ` [${node.contacts.map((row) => row.displayName).join(', ')}]`}`,
    ...outline(node.children, depth + 1),
  ]);
}

describe('countries and country pages', () => {
  const kit = useDirectoryCore();

  it("shows Denmark's focal point and the stakeholder map of its mapping exercise", async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const page = await t.call('directory.countries.get', { id: 'DK' });
    expect(page.country).toMatchObject({ id: 'dk', name: 'Denmark', networkStatus: 'appointed', coHost: true, yearJoined: 2010 });
    expect(page.focalPoints).toEqual([
      expect.objectContaining({ displayName: 'R2P Focal Point — Denmark', title: 'Under-Secretary for Legal Affairs' }),
    ]);
    expect(outline(page.stakeholderMap)).toEqual([
      'Danish Defense College [Representative — Danish Defense College]',
      'Ministry of Defense [Representative — Ministry of Defense, Denmark]',
      'Ministry of Foreign Affairs [R2P Focal Point — Denmark]',
      '  Danish development agency [Representative — DANIDA]',
      '  Legal service',
      'Ministry of Justice',
      "Prime Minister's Office",
    ]);
    expect(page.otherContacts.map((row) => row.displayName)).toEqual([
      'Academic adviser on R2P — Denmark',
      'Judge Advocate — Denmark',
      'Police prosecutors — Denmark',
      'Special Prosecutor for international crimes — Denmark',
    ]);
  });

  it('lists countries by name with their counts, filtered by region or status', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const all = await t.call('directory.countries.list', {});
    expect(all.map((country) => country.code)).toEqual(['AU', 'CR', 'CI', 'DK', 'EU', 'FR', 'DE', 'GH', 'SI', 'CH', 'US']);
    expect(all.find((country) => country.id === 'dk')).toEqual({
      id: 'dk',
      code: 'DK',
      name: 'Denmark',
      region: 'europe',
      networkStatus: 'appointed',
      coHost: true,
      focalPointCount: 1,
      contactCount: 8,
      organisationCount: 7,
    });
    expect((await t.call('directory.countries.list', { networkStatus: 'announced' })).map((country) => country.name)).toEqual([
      "Côte d'Ivoire",
      'Slovenia',
    ]);
    expect((await t.call('directory.countries.list', { region: 'africa' })).map((country) => country.id)).toEqual(['ci', 'gh']);
  });

  it('edits where a country stands, and keeps deleted organisations and contacts off its page', async () => {
    const t = await kit.start();
    await t.call('directory.seed', {});
    const slovenia = await t.call('directory.countries.update', { id: 'si', changes: { networkStatus: 'appointed', yearJoined: 2013 } });
    expect(slovenia).toMatchObject({ networkStatus: 'appointed', yearJoined: 2013, name: 'Slovenia' });

    const before = await t.call('directory.countries.get', { id: 'dk' });
    const mfa = before.stakeholderMap.find((node) => node.organisation.name === 'Ministry of Foreign Affairs');
    await t.call('directory.organisations.delete', { id: mfa?.organisation.id ?? '' });
    const after = await t.call('directory.countries.get', { id: 'dk' });
    // Its departments move to the top; its focal point, linked to nothing shown, joins the other contacts.
    expect(after.stakeholderMap.map((node) => node.organisation.name)).toContain('Legal service');
    expect(after.otherContacts.map((row) => row.displayName)).toContain('R2P Focal Point — Denmark');
    expect(after.focalPoints).toHaveLength(1);
  });

  it('answers not-found for a code that is neither held nor ISO', async () => {
    const t = await kit.start();
    expect(await t.failure('directory.countries.get', { id: 'zz' })).toMatchObject({ code: 'not-found' });
    expect((await t.failure('directory.countries.update', { id: 'zz', changes: { coHost: false } })).code).toBe('not-found');
    // An ISO code the directory does not hold has a page (see reference-countries.test.ts).
    expect((await t.call('directory.countries.get', { id: 'dk' })).country.networkStatus).toBe('none');
  });
});
