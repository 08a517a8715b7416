import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactDetail } from '../../../../shared/api/directory';
import { fail } from '../../../../shared/api/result';
import { useSettingsStore } from '../../stores/use-settings-store';
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

function sampleDirectory() {
  return fakeDirectory({
    countries: [sampleCountry(), sampleCountry({ id: 'gh', code: 'GH', name: 'Ghana', region: 'africa' })],
    organisations: [sampleOrganisation(), sampleOrganisation({ id: 'org-dk-legal', name: 'Legal Department', acronym: '', kind: 'department', parentId: 'org-dk-mfa' })],
    contacts: [sampleContact()],
  });
}

/** Renders the app and opens Karen Jensen's edit form from the list (select, E). */
async function editKaren(handlers: Parameters<typeof renderWithDirectory>[1] = {}) {
  const directory = sampleDirectory();
  const rendered = await renderWithDirectory(directory, handlers);
  await screen.findByText('1 contact');
  screen.getByRole('listbox', { name: 'Contacts' }).focus();
  await rendered.user.keyboard('e');
  const form = await screen.findByRole('form', { name: 'Edit Karen Jensen' });
  return { directory, form, ...rendered };
}

/** The message tied to a control through aria-describedby, if any. */
function messageOf(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((element) => element?.classList.contains('field__error') === true)
    .map((element) => element?.textContent ?? '')
    .join(' ');
}

describe('the contact form', () => {
  it('shows every field of the contact, from names to tags', async () => {
    const { form } = await editKaren();
    const field = (name: string) => within(form).getByLabelText<HTMLInputElement>(name);
    expect(field('Honorific').value).toBe('Ms');
    expect(field('Given name').value).toBe('Karen');
    expect(field('Family name').value).toBe('Jensen');
    expect(field('Display name').value).toBe('Karen Jensen');
    expect(field('Title or position').value).toBe('Head of the Legal Department');
    expect(field('Country').value).toBe('dk');
    expect(field('Organisation').value).toBe('org-dk-mfa');
    expect(within(form).getByRole('checkbox', { name: 'Focal point' })).toHaveProperty('checked', true);
    expect(within(form).getByRole('checkbox', { name: 'Alternate' })).toHaveProperty('checked', false);
    expect(field('Address 1').value).toBe('karen.jensen@example.dk');
    expect(field('Number 1').value).toBe('+45 33 92 00 00');
    expect(field('Languages').value).toBe('da, en');
    expect(field('Appointed on').value).toBe('2012-05-14');
    expect(field('Tags').value).toBe('co-host');
    expect(field('Notes').value).toBe('Met at the 2012 meeting.');
    expect(document.activeElement).toBe(within(form).getByRole('heading', { name: 'Edit Karen Jensen' }));
  });

  it('says what is wrong with a field as it is typed, and clears it once fixed', async () => {
    const { user, form } = await editKaren();
    const address = within(form).getByLabelText('Address 1');
    await user.clear(address);
    await user.type(address, 'karen.jensen@');
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(address)).toBe('Not a valid e-mail address.');
    await user.type(address, 'um.dk');
    expect(address.getAttribute('aria-invalid')).toBe('false');
    expect(messageOf(address)).toBe('');

    const name = within(form).getByLabelText('Display name');
    await user.clear(name);
    expect(messageOf(name)).toBe('Enter a name.');
    const languages = within(form).getByLabelText('Languages');
    await user.clear(languages);
    await user.type(languages, 'da, english1');
    expect(messageOf(languages)).toBe('“english1”: Use a language tag such as en or fr.');
    const phone = within(form).getByLabelText('Number 1');
    await user.clear(phone);
    await user.type(phone, '+45 call me');
    expect(messageOf(phone)).toBe('Use digits, spaces and + ( ) - . / x.');
  });

  it('refuses to save while a field is wrong, and moves focus to it', async () => {
    const { user, form, directory } = await editKaren();
    const name = within(form).getByLabelText('Display name');
    await user.clear(name);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toContain('Some fields need attention before saving.');
    expect(document.activeElement).toBe(name);
    expect(directory.callsOf('directory.contacts.update')).toEqual([]);
  });

  it('saves with Ctrl+S, sending only the fields that changed, then shows the contact', async () => {
    const { user, form, directory } = await editKaren();
    const title = within(form).getByLabelText('Title or position');
    await user.clear(title);
    await user.type(title, 'Under-Secretary for Legal Affairs');
    await user.click(within(form).getByRole('checkbox', { name: 'Alternate' }));
    await user.click(within(form).getByRole('button', { name: 'Add an address' }));
    expect(document.activeElement).toBe(within(form).getByLabelText('Address 2'));
    await user.keyboard('legal@um.dk');
    await user.keyboard('{Control>}s{/Control}');
    expect(directory.callsOf('directory.contacts.update')).toEqual([
      {
        id: 'con-dk-fp',
        changes: {
          title: 'Under-Secretary for Legal Affairs',
          roles: ['focal-point', 'alternate'],
          emails: [
            { value: 'karen.jensen@example.dk', kind: 'work' },
            { value: 'legal@um.dk', kind: 'work' },
          ],
        },
      },
    ]);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Karen Jensen' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole('link', { name: 'legal@um.dk' }).getAttribute('href')).toBe('mailto:legal@um.dk');
    expect(screen.getByText('Under-Secretary for Legal Affairs')).toBeTruthy();
    expect(screen.getByText('Saved.')).toBeTruthy();
  });

  it('shows the core’s issues beside their fields, and what no field shows above Save', async () => {
    const refuse = () =>
      Promise.resolve(
        fail<ContactDetail>('invalid-input', 'Some of the information given is not valid.', [
          { path: 'changes.countryId', code: 'unknown-country', message: 'There is no country with the code GH in the directory.' },
          { path: 'changes.emails.0.value', code: 'duplicate-email', message: 'Ole Hansen already has this address.' },
          { path: 'changes.somethingElse', message: 'The core found something else.' },
        ]),
      );
    const { user, form } = await editKaren({ 'directory.contacts.update': refuse });
    await user.selectOptions(within(form).getByLabelText('Country'), 'gh');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const country = within(form).getByLabelText('Country');
    await waitFor(() => {
      expect(messageOf(country)).toBe('There is no country with the code GH in the directory.');
    });
    expect(messageOf(within(form).getByLabelText('Address 1'))).toBe('Ole Hansen already has this address.');
    const alert = within(form).getByRole('alert');
    expect(alert.textContent).toContain('The contact was not saved: Some of the information given is not valid.');
    expect(alert.textContent).toContain('somethingElse: The core found something else.');
    await waitFor(() => {
      expect(document.activeElement).toBe(country);
    });
    // Changing the field clears the core's message about it: it may no longer apply.
    await user.selectOptions(country, 'dk');
    expect(messageOf(country)).toBe('');
  });

  it('words the core’s issues and the schema’s in French', async () => {
    useSettingsStore.getState().setLanguage('fr');
    const refuse = () =>
      Promise.resolve(
        fail<ContactDetail>('invalid-input', 'Not valid.', [{ path: 'changes.organisationId', code: 'unknown-organisation', message: 'No such organisation.' }]),
      );
    const directory = sampleDirectory();
    const { user } = await renderWithDirectory(directory, { 'directory.contacts.update': refuse });
    await screen.findByText('1 contact');
    screen.getByRole('listbox', { name: 'Contacts' }).focus();
    await user.keyboard('e');
    const form = await screen.findByRole('form', { name: 'Modifier Karen Jensen' });
    const address = within(form).getByLabelText('Adresse 1');
    await user.type(address, '@@');
    expect(messageOf(address)).toBe("Cette adresse électronique n'est pas valide.");
    await user.clear(address);
    await user.type(address, 'k@um.dk{Control>}s{/Control}');
    await waitFor(() => {
      expect(messageOf(within(form).getByLabelText('Organisation'))).toBe("Cette organisation ne figure pas dans l'annuaire.");
    });
  });

  it('asks before Escape throws changes away, and leaves at once when nothing changed', async () => {
    const { user, form } = await editKaren();
    await user.type(within(form).getByLabelText('Notes'), ' Again in 2013.');
    await user.keyboard('{Escape}');
    const dialog = screen.getByRole('alertdialog', { name: 'Discard your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Notes').value).toBe('Met at the 2012 meeting. Again in 2013.');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Karen Jensen' })).toBeTruthy();
    expect(screen.getByText('Met at the 2012 meeting.')).toBeTruthy();

    await user.keyboard('e');
    await screen.findByRole('form', { name: 'Edit Karen Jensen' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: 'Karen Jensen' })).toBeTruthy();
  });

  it('creates a contact with Ctrl+N, its display name following the names typed', async () => {
    const directory = sampleDirectory();
    const { user } = await renderWithDirectory(directory);
    await screen.findByText('1 contact');
    await user.keyboard('{Control>}n{/Control}');
    const form = await screen.findByRole('form', { name: 'New contact' });
    await user.type(within(form).getByLabelText('Given name'), 'Ole');
    await user.type(within(form).getByLabelText('Family name'), 'Hansen');
    expect(within(form).getByLabelText<HTMLInputElement>('Display name').value).toBe('Ole Hansen');
    await user.selectOptions(within(form).getByLabelText('Country'), 'dk');
    await user.selectOptions(within(form).getByLabelText('Organisation'), 'org-dk-legal');
    await user.click(within(form).getByRole('checkbox', { name: 'Stakeholder' }));
    await user.type(within(form).getByLabelText('Address 1'), 'ole.hansen@um.dk');
    await user.click(within(form).getByRole('button', { name: 'Remove address 1' }));
    expect(document.activeElement).toBe(within(form).getByRole('button', { name: 'Add an address' }));
    await user.click(within(form).getByRole('button', { name: 'Add a number' }));
    await user.keyboard('+45 33 00 00 01');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const [created] = directory.callsOf('directory.contacts.create');
    expect(created?.contact).toMatchObject({
      givenName: 'Ole',
      familyName: 'Hansen',
      displayName: 'Ole Hansen',
      countryId: 'dk',
      organisationId: 'org-dk-legal',
      roles: ['stakeholder'],
      emails: [],
      phones: [{ value: '+45 33 00 00 01', kind: 'work' }],
      appointedOn: null,
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Ole Hansen' })).toBeTruthy();
    expect(screen.getByText('Ministry of Foreign Affairs › Legal Department')).toBeTruthy();
    expect(await screen.findByText('2 contacts')).toBeTruthy();
  });
});
