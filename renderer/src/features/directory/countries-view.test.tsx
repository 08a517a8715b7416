import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeDirectory, sampleContact, sampleCountry, sampleOrganisation } from '../../test/fake-directory';
import { layOutScrollables } from '../../test/list-layout';
import { renderWithDirectory } from '../../test/render-app';

let restoreLayout: () => void;

beforeEach(() => {
  restoreLayout = layOutScrollables(560);
});

afterEach(() => {
  restoreLayout();
});

function network() {
  return fakeDirectory({
    countries: [
      sampleCountry(),
      sampleCountry({ id: 'ci', code: 'CI', name: "Côte d'Ivoire", region: 'africa', networkStatus: 'announced', coHost: false, nationalExperience: '' }),
      sampleCountry({ id: 'gh', code: 'GH', name: 'Ghana', region: 'africa', networkStatus: 'none', coHost: true }),
    ],
    organisations: [
      sampleOrganisation(),
      sampleOrganisation({ id: 'org-dk-legal', name: 'Legal Department', acronym: '', kind: 'department', parentId: 'org-dk-mfa' }),
    ],
    contacts: [
      sampleContact(),
      sampleContact({ id: 'con-dk-2', displayName: 'Judge Advocate — Denmark', organisationId: 'org-dk-legal', roles: ['stakeholder'], emails: [] }),
      sampleContact({ id: 'con-dk-3', displayName: 'Academic adviser — Denmark', organisationId: '', roles: ['stakeholder'], emails: [] }),
    ],
  });
}

async function openCountries() {
  const directory = network();
  const rendered = await renderWithDirectory(directory);
  await screen.findByText('3 contacts');
  await rendered.user.click(screen.getByRole('tab', { name: 'Countries' }));
  await screen.findByText('3 countries');
  return { directory, ...rendered };
}

function countryNames(): string[] {
  return within(screen.getByRole('table', { name: 'Countries' }))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

describe('the countries', () => {
  it('list status, co-host and focal points, filtered by region, status and a name typed without accents', async () => {
    const { user } = await openCountries();
    const denmark = screen.getByRole('row', { name: /Denmark/ });
    expect(within(denmark).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Europe', 'Focal point appointed', 'Yes', '1']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'africa');
    expect(countryNames()).toEqual(["Côte d'Ivoire", 'Ghana']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Network status' }), 'announced');
    expect(countryNames()).toEqual(["Côte d'Ivoire"]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Network status' }), '');
    await user.type(screen.getByRole('searchbox', { name: 'Find a country' }), 'cote');
    expect(countryNames()).toEqual(["Côte d'Ivoire"]);
  });

  it('open a country page with its focal point, stakeholder map, other contacts and experience', async () => {
    const { user } = await openCountries();
    await user.click(screen.getByRole('button', { name: 'Denmark' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Denmark' });
    expect(document.activeElement).toBe(heading);
    const focalPoints = screen.getByRole('region', { name: 'Focal points' });
    expect(within(focalPoints).getByRole('button', { name: 'Karen Jensen' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'National experience' }).textContent).toContain('Denmark co-founded the network in 2010.');
    expect(within(screen.getByRole('region', { name: 'Other contacts' })).getByRole('button', { name: 'Academic adviser — Denmark' })).toBeTruthy();

    const tree = screen.getByRole('tree', { name: 'Stakeholder map of Denmark' });
    const items = () => within(tree).getAllByRole('treeitem');
    expect(items().map((item) => item.getAttribute('aria-level'))).toEqual(['1', '2', '2', '3']);
    const ministry = items()[0]!;
    expect(ministry.getAttribute('aria-expanded')).toBe('true');
    ministry.focus();
    await user.keyboard('{ArrowLeft}');
    expect(ministry.getAttribute('aria-expanded')).toBe('false');
    expect(items()).toHaveLength(1);
    await user.keyboard('{ArrowRight}');
    expect(items()).toHaveLength(4);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Karen Jensen');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Judge Advocate — Denmark');
    expect(document.activeElement?.getAttribute('aria-level')).toBe('3');
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.getAttribute('aria-level')).toBe('2');
    expect(document.activeElement?.textContent).toContain('Legal Department');
    await user.keyboard('{End}{Enter}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Judge Advocate — Denmark' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Contacts' }).getAttribute('aria-selected')).toBe('true');
  });

  it('go back to the list with Escape, focus returning to the country left', async () => {
    const { user } = await openCountries();
    await user.click(screen.getByRole('button', { name: 'Ghana' }));
    await screen.findByRole('heading', { level: 2, name: 'Ghana' });
    expect(screen.getByText('No focal point recorded.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(await screen.findByText('3 countries')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ghana' }));
  });

  it('open from a contact’s country link', async () => {
    const directory = network();
    const { user } = await renderWithDirectory(directory);
    await user.click(await screen.findByRole('option', { name: /Karen Jensen/ }));
    const details = await screen.findByRole('region', { name: 'Karen Jensen' });
    await user.click(within(details).getByRole('button', { name: 'Denmark' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Denmark' })).toBeTruthy();
  });
});
