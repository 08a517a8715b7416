import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrganisationDetail } from '../../../../shared/api/directory';
import { fail } from '../../../../shared/api/result';
import { fakeDirectory, sampleContact, sampleCountry, sampleOrganisation } from '../../test/fake-directory';
import { layOutScrollables } from '../../test/list-layout';
import { useSettingsStore } from '../../stores/use-settings-store';
import { renderWithDirectory } from '../../test/render-app';

let restoreLayout: () => void;

beforeEach(() => {
  restoreLayout = layOutScrollables(560);
});

afterEach(() => {
  restoreLayout();
});

async function openOrganisations(handlers: Parameters<typeof renderWithDirectory>[1] = {}) {
  const directory = fakeDirectory({
    countries: [sampleCountry(), sampleCountry({ id: 'gh', code: 'GH', name: 'Ghana', region: 'africa' })],
    organisations: [
      sampleOrganisation(),
      sampleOrganisation({ id: 'org-dk-legal', name: 'Legal Department', acronym: '', kind: 'department', parentId: 'org-dk-mfa' }),
      sampleOrganisation({ id: 'org-gh-mfa', name: 'Ministry of Foreign Affairs and Regional Integration', acronym: '', countryId: 'gh' }),
      sampleOrganisation({ id: 'org-osapg', name: 'Office on Genocide Prevention', acronym: 'OSAPG', kind: 'un-office', countryId: '' }),
    ],
    contacts: [sampleContact()],
  });
  const rendered = await renderWithDirectory(directory, handlers);
  await screen.findByText('1 contact');
  await rendered.user.click(screen.getByRole('tab', { name: 'Organisations' }));
  const tree = await screen.findByRole('tree', { name: 'Organisations by country' });
  return { directory, tree, ...rendered };
}

function levelsAndNames(tree: HTMLElement): string[] {
  return within(tree)
    .getAllByRole('treeitem')
    .map((item) => `${item.getAttribute('aria-level')} ${item.querySelector('.tree__label')?.textContent ?? ''}`);
}

describe('the organisation tree', () => {
  it('groups organisations by country, international ones last, each inside its parent', async () => {
    const { tree } = await openOrganisations();
    expect(levelsAndNames(tree)).toEqual([
      '1 Denmark',
      '2 Ministry of Foreign Affairs (MFA) Ministry · 1 contact Demo',
      '3 Legal Department Department · 0 contacts Demo',
      '1 Ghana',
      '2 Ministry of Foreign Affairs and Regional Integration Ministry · 0 contacts Demo',
      '1 International',
      '2 Office on Genocide Prevention (OSAPG) UN office · 0 contacts Demo',
    ]);
  });

  it('names and sorts country groups, and an organisation’s country, in the interface language', async () => {
    useSettingsStore.getState().setLanguage('fr');
    const directory = fakeDirectory({
      countries: [sampleCountry(), sampleCountry({ id: 'de', code: 'DE', name: 'Germany', region: 'europe' })],
      organisations: [
        sampleOrganisation(),
        sampleOrganisation({ id: 'org-de-aa', name: 'Auswärtiges Amt', acronym: 'AA', countryId: 'de' }),
      ],
      contacts: [sampleContact()],
    });
    const { user } = await renderWithDirectory(directory);
    await screen.findByText('1 contact');
    await user.click(screen.getByRole('tab', { name: 'Organisations' }));
    const tree = await screen.findByRole('tree', { name: 'Organisations par pays' });
    expect(levelsAndNames(tree).filter((line) => line.startsWith('1 '))).toEqual(['1 Allemagne', '1 Danemark']);
    within(tree).getAllByRole('treeitem')[1]!.focus();
    await user.keyboard('{Enter}');
    const details = await screen.findByRole('region', { name: 'Auswärtiges Amt' });
    expect(within(details).getByText('Allemagne')).toBeTruthy();
  });

  it('shows an organisation with Enter, edits it with E and saves the change with Ctrl+S', async () => {
    const { user, tree, directory } = await openOrganisations();
    within(tree).getAllByRole('treeitem')[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    const details = await screen.findByRole('region', { name: 'Legal Department' });
    expect(within(details).getByText('Ministry of Foreign Affairs')).toBeTruthy();
    expect(within(details).getByText('Department')).toBeTruthy();
    await user.keyboard('e');
    const form = await screen.findByRole('form', { name: 'Edit Legal Department' });
    const parent = within(form).getByRole('combobox', { name: 'Inside' });
    // An organisation cannot be put inside itself.
    expect(within(parent).queryByRole('option', { name: /^Legal Department/ })).toBeNull();
    await user.type(within(form).getByRole('textbox', { name: 'Acronym' }), 'LD');
    await user.keyboard('{Control>}s{/Control}');
    expect(directory.callsOf('directory.organisations.update')).toEqual([{ id: 'org-dk-legal', changes: { acronym: 'LD' } }]);
    expect(await screen.findByRole('region', { name: 'Legal Department' })).toBeTruthy();
  });

  it('shows the core’s issue beside the parent field', async () => {
    const refuse = () =>
      Promise.resolve(
        fail<OrganisationDetail>('invalid-input', 'Not valid.', [
          { path: 'changes.parentId', code: 'parent-cycle', message: 'An organisation cannot sit inside itself or inside one of its own departments.' },
        ]),
      );
    const { user, tree } = await openOrganisations({ 'directory.organisations.update': refuse });
    within(tree).getAllByRole('treeitem')[0]!.focus();
    await user.keyboard('{ArrowDown}e');
    const form = await screen.findByRole('form', { name: 'Edit Ministry of Foreign Affairs' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Inside' }), 'org-osapg');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const parent = within(form).getByRole('combobox', { name: 'Inside' });
    await waitFor(() => {
      expect(parent.getAttribute('aria-invalid')).toBe('true');
    });
    const messageId = parent.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(messageId)?.textContent).toBe(
      'An organisation cannot sit inside itself or inside one of its own departments.',
    );
  });

  it('creates one with Ctrl+N, checking its name as it is typed', async () => {
    const { user, directory } = await openOrganisations();
    await user.keyboard('{Control>}n{/Control}');
    const form = await screen.findByRole('form', { name: 'New organisation' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByText('Enter a name.')).toBeTruthy();
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Danish Institute for Human Rights');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind' }), 'civil-society');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Country' }), 'dk');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(directory.callsOf('directory.organisations.create')).toEqual([
      {
        organisation: {
          name: 'Danish Institute for Human Rights',
          acronym: '',
          kind: 'civil-society',
          parentId: '',
          countryId: 'dk',
          notes: '',
        },
      },
    ]);
    expect(await screen.findByRole('region', { name: 'Danish Institute for Human Rights' })).toBeTruthy();
  });

  it('asks before deleting with Delete, then offers Restore', async () => {
    const { user, tree, directory } = await openOrganisations();
    within(tree).getAllByRole('treeitem')[0]!.focus();
    await user.keyboard('{End}{Delete}');
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this organisation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(directory.callsOf('directory.organisations.delete')).toEqual([{ id: 'org-osapg' }]);
    const details = await screen.findByRole('region', { name: 'Office on Genocide Prevention' });
    expect(within(details).getByText('This organisation is deleted. Restore it to list it again.')).toBeTruthy();
    await waitFor(() => {
      expect(within(tree).queryByText(/Office on Genocide Prevention/)).toBeNull();
    });
    await user.click(within(details).getByRole('button', { name: 'Restore' }));
    expect(directory.callsOf('directory.organisations.restore')).toEqual([{ id: 'org-osapg' }]);
    expect(await within(tree).findByText(/Office on Genocide Prevention/)).toBeTruthy();
  });
});
