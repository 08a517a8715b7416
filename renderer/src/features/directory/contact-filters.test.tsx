import { screen, waitFor, within } from '@testing-library/react';
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

async function renderSample() {
  const directory = fakeDirectory({
    countries: [sampleCountry(), sampleCountry({ id: 'ci', code: 'CI', name: "Côte d'Ivoire", region: 'africa', networkStatus: 'announced' })],
    organisations: [sampleOrganisation()],
    contacts: [
      sampleContact(),
      sampleContact({ id: 'con-ci', displayName: 'Awa Koné', countryId: 'ci', organisationId: '', roles: ['stakeholder'], emails: [] }),
    ],
  });
  const rendered = await renderWithDirectory(directory);
  await screen.findByText('2 contacts');
  return { directory, ...rendered };
}

/** The filter of the latest window asked for (by watch or rewatch). */
function lastFilter(directory: ReturnType<typeof fakeDirectory>): unknown {
  return directory.calls
    .filter((call) => call.method === 'directory.contacts.rewatch' || call.method === 'directory.contacts.watch')
    .map((call) => (call.input as { filter?: unknown }).filter)
    .at(-1);
}

describe('the contact filters', () => {
  it('send one search once typing pauses, not one per letter', async () => {
    const { user, directory } = await renderSample();
    await user.type(screen.getByRole('combobox', { name: 'Search the directory' }), 'cote');
    await screen.findByText('1 contact');
    const searches = directory.callsOf('directory.contacts.rewatch').map((call) => call.filter?.search);
    expect(searches).toEqual(['cote']);
    expect(within(screen.getByRole('listbox', { name: 'Contacts' })).getByText('Awa Koné')).toBeTruthy();
    expect(directory.callsOf('directory.search').map((call) => call.text)).toEqual(['cote']);
  });

  it('offer the core’s best matches under the box, and open a country from them', async () => {
    const { user } = await renderSample();
    const box = screen.getByRole('combobox', { name: 'Search the directory' });
    await user.type(box, 'Côte');
    const suggestions = await screen.findByRole('listbox', { name: 'Suggestions' });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(suggestions.textContent).toMatch(/Côte d['’]Ivoire/);
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option', { selected: true })[0]?.id);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 2, name: /^Côte d['’]Ivoire$/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Countries' }).getAttribute('aria-selected')).toBe('true');
  });

  it('send each filter as the core expects it, and "Any" removes it', async () => {
    const { user, directory } = await renderSample();
    await screen.findByRole('option', { name: 'Denmark' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'dk');
    await waitFor(() => {
      expect(lastFilter(directory)).toEqual({ countryId: 'dk' });
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'europe');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'focal-point');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Network status' }), 'appointed');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Organisation' }), 'org-dk-mfa');
    await user.click(screen.getByRole('checkbox', { name: 'Show deleted contacts' }));
    await waitFor(() => {
      expect(lastFilter(directory)).toEqual({
        countryId: 'dk',
        region: 'europe',
        role: 'focal-point',
        networkStatus: 'appointed',
        organisationId: 'org-dk-mfa',
        includeDeleted: true,
      });
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), '');
    await waitFor(() => {
      expect(lastFilter(directory)).not.toHaveProperty('countryId');
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      expect(lastFilter(directory)).toEqual({});
    });
    expect(await screen.findByText('2 contacts')).toBeTruthy();
  });

  it('say when nothing matches', async () => {
    const { user } = await renderSample();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'secretariat');
    expect(await screen.findByText('No contact matches the search and filters.')).toBeTruthy();
  });

  it('export the contacts the filters select, as a vCard download', async () => {
    const created: Blob[] = [];
    const createObjectURL = (blob: Blob): string => {
      created.push(blob);
      return 'blob:focal/1';
    };
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined });
    const clicked: HTMLAnchorElement[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    const { user, directory } = await renderSample();
    await screen.findByRole('option', { name: 'Denmark' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'dk');
    await screen.findByText('1 contact');
    await user.click(screen.getByRole('button', { name: 'Export vCard' }));
    expect(await screen.findByText(/^Exported 1 contact to focal-desk-contacts-\d{4}-\d{2}-\d{2}\.vcf\.$/)).toBeTruthy();
    expect(directory.callsOf('directory.export.vcard')).toEqual([{ filter: { countryId: 'dk' } }]);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toMatch(/^focal-desk-contacts-.*\.vcf$/);
    expect(clicked[0]?.getAttribute('href')).toBe('blob:focal/1');
    expect(clicked[0]?.isConnected).toBe(false);
    expect(created[0]?.type).toBe('text/vcard;charset=utf-8');
    expect(await created[0]?.text()).toBe('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Karen Jensen\r\nEND:VCARD\r\n');
    Reflect.deleteProperty(HTMLAnchorElement.prototype, 'click');
  });
});
