import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../shared/api/contract';
import type { CountryPage } from '../../../../shared/api/directory';
import { fail, ok, type FieldIssue } from '../../../../shared/api/result';
import { isoCountry } from '../../../../shared/domain/iso-countries';
import type { Country } from '../../../../shared/schemas/country';
import { useSettingsStore } from '../../stores/use-settings-store';
import type { FakeHandlers } from '../../test/fake-bridge';
import { fakeDirectory, sampleContact, sampleCountry, sampleOrganisation, type FakeDirectory } from '../../test/fake-directory';
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

type CountryUpdate = MethodInput<'directory.countries.update'>;

/**
 * The country methods as the core answers them, over the fake directory: a page for any ISO country, held or not
 * (one not held starts with no standing), and edits that change a country or create it. `refuse` makes the next
 * update fail with these issues.
 */
function countryMethods(directory: FakeDirectory) {
  const edited = new Map<string, Country>();
  const updates: CountryUpdate[] = [];
  const refusals: (readonly FieldIssue[])[] = [];
  const reference = (id: string): Country | undefined => {
    const iso = isoCountry(id);
    if (iso === undefined) return undefined;
    return {
      id: iso.code.toLowerCase(),
      code: iso.code,
      name: iso.name,
      region: iso.region,
      regionalOrganisations: [],
      networkStatus: 'none',
      coHost: false,
      yearJoined: null,
      nationalExperience: '',
      updatedAt: '2025-03-04T10:00:00.000Z',
    };
  };
  const page = async (id: string) => {
    const held = await directory.handlers['directory.countries.get']?.({ id });
    const own = edited.get(id.toLowerCase());
    if (held?.ok === true) return ok<CountryPage>(own === undefined ? held.value : { ...held.value, country: own });
    const country = own ?? reference(id);
    if (country === undefined) return fail<CountryPage>('not-found', 'No such country.');
    return ok<CountryPage>({ country, focalPoints: [], stakeholderMap: [], otherContacts: [] });
  };
  const handlers: FakeHandlers = {
    'directory.countries.get': (input) => page(input.id),
    'directory.countries.update': async (input) => {
      updates.push(input);
      const issues = refusals.shift();
      if (issues !== undefined) return fail<Country>('invalid-input', 'Some of the information given is not valid.', issues);
      const current = await page(input.id);
      if (!current.ok) return fail<Country>('not-found', 'No such country.');
      const next: Country = { ...current.value.country, ...input.changes };
      edited.set(next.id, next);
      return ok(next);
    },
  };
  return {
    handlers,
    updates,
    refuse: (issues: readonly FieldIssue[]) => {
      refusals.push(issues);
    },
  };
}

async function openCountries() {
  const directory = network();
  const countries = countryMethods(directory);
  const rendered = await renderWithDirectory(directory, countries.handlers);
  await screen.findByText('3 contacts');
  await rendered.user.click(screen.getByRole('tab', { name: 'Countries' }));
  await screen.findByText('3 countries');
  return { directory, countries, ...rendered };
}

/** Opens a country page from the list and waits for its heading. */
async function openPage(user: Awaited<ReturnType<typeof openCountries>>['user'], name: string) {
  await user.click(screen.getByRole('button', { name }));
  return screen.findByRole('heading', { level: 2, name });
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

/** The value a term of the country page's details shows. */
function fact(term: string): string {
  const row = screen.getByText(term, { selector: 'dt' }).closest('.details__row');
  return row?.querySelector('dd')?.textContent ?? '';
}

function countryNames(table = 'Countries'): string[] {
  return within(screen.getByRole('table', { name: table }))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

describe('the countries', () => {
  it('list status, co-host and focal points, filtered by region, status and a name typed without accents', async () => {
    const { user } = await openCountries();
    const denmark = screen.getByRole('row', { name: /Denmark/ });
    expect(within(denmark).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Europe', 'Focal point appointed', 'Yes', '1']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'africa');
    // Names come from CLDR in the interface language (its apostrophe is typographic).
    expect(countryNames()).toEqual(['Côte d’Ivoire', 'Ghana']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Network status' }), 'announced');
    expect(countryNames()).toEqual(['Côte d’Ivoire']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Network status' }), '');
    await user.type(screen.getByRole('searchbox', { name: 'Find a country' }), 'cote');
    expect(countryNames()).toEqual(['Côte d’Ivoire']);
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

// Whole-app renders with several forms filled in: slower than the default 5 s on a busy machine.
describe('the country form', { timeout: 30_000 }, () => {
  it('edits where a country stands from its page, sending only what changed', async () => {
    const { user, countries } = await openCountries();
    await openPage(user, 'Denmark');
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Denmark' });
    expect(document.activeElement).toBe(within(form).getByRole('heading', { name: 'Edit Denmark' }));
    expect(within(form).getByLabelText<HTMLSelectElement>('Network status').value).toBe('appointed');
    expect(within(form).getByRole('checkbox', { name: 'Co-host of the network' })).toHaveProperty('checked', true);
    expect(within(form).getByRole('checkbox', { name: 'EU' })).toHaveProperty('checked', true);
    expect(within(form).getByRole('checkbox', { name: 'OSCE' })).toHaveProperty('checked', false);
    expect(within(form).getByLabelText<HTMLTextAreaElement>('National experience').value).toBe('Denmark co-founded the network in 2010.');

    await user.selectOptions(within(form).getByLabelText('Network status'), 'announced');
    const year = within(form).getByLabelText<HTMLInputElement>('Year joined');
    expect(year.value).toBe('2010');
    await user.clear(year);
    await user.type(year, '1999');
    expect(messageOf(year)).toBe('Use a year from 2000 to 2100, or leave it empty.');
    await user.clear(year);
    await user.type(year, '2011');
    expect(messageOf(year)).toBe('');
    await user.click(within(form).getByRole('checkbox', { name: 'OSCE' }));
    await user.click(within(form).getByLabelText('Other organisations'));
    await user.paste('Nordic Council, EU');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(screen.queryByRole('form')).toBeNull();
    });
    expect(countries.updates).toEqual([
      { id: 'dk', changes: { networkStatus: 'announced', yearJoined: 2011, regionalOrganisations: ['EU', 'OSCE', 'Nordic Council'] } },
    ]);
    await waitFor(() => {
      expect(fact('Network status')).toBe('Appointment announced');
    });
    expect(fact('Joined the network')).toBe('2011');
    expect(fact('Regional organisations')).toBe('EU, OSCE, Nordic Council');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' }));
  });

  it('opens with E and cancels with Escape, asking first when something changed', async () => {
    const { user, countries } = await openCountries();
    await openPage(user, 'Denmark');
    expect(screen.getByRole('button', { name: 'Edit' }).getAttribute('aria-keyshortcuts')).toBe('E');
    await user.keyboard('e');
    const form = screen.getByRole('form', { name: 'Edit Denmark' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    // Escape closed the form only; the page is still open, with focus back on Edit.
    expect(screen.getByRole('heading', { level: 2, name: 'Denmark' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' }));

    await user.keyboard('E');
    const again = screen.getByRole('form', { name: 'Edit Denmark' });
    expect(again).not.toBe(form);
    await user.type(within(again).getByLabelText('National experience'), ' And more.');
    await user.keyboard('{Escape}');
    const dialog = screen.getByRole('alertdialog', { name: 'Discard your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('region', { name: 'National experience' }).textContent).toContain('Denmark co-founded the network in 2010.');
    expect(countries.updates).toEqual([]);
  });

  it('checks each field as it is typed, refuses to save until fixed, and shows the core’s issues beside their field', async () => {
    const { user, countries } = await openCountries();
    await openPage(user, 'Denmark');
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Denmark' });
    const experience = within(form).getByLabelText('National experience');
    await user.clear(experience);
    await user.click(experience);
    await user.paste('x'.repeat(4001));
    expect(messageOf(experience)).toBe('Use at most 4000 characters.');
    const other = within(form).getByLabelText('Other organisations');
    await user.click(other);
    await user.paste(`AU, ${'Organisation '.repeat(4)}`);
    expect(messageOf(other)).toBe('“Organisation Organisation Organisation Organisation”: Use at most 40 characters.');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toContain('Some fields need attention before saving.');
    // The first field in error, in the form's order, takes focus.
    expect(document.activeElement).toBe(other);
    expect(countries.updates).toEqual([]);

    await user.clear(experience);
    await user.type(experience, 'Shorter.');
    await user.clear(other);
    countries.refuse([{ path: 'changes.yearJoined', code: 'too_small', message: 'Too small: expected number to be >=2000' }]);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const year = within(form).getByLabelText('Year joined');
    await waitFor(() => {
      expect(messageOf(year)).toBe('Use a year from 2000 to 2100, or leave it empty.');
    });
    expect(within(form).getByRole('alert').textContent).toContain('The country was not saved: Some of the information given is not valid.');
    expect(countries.updates).toEqual([{ id: 'dk', changes: { nationalExperience: 'Shorter.' } }]);
    await waitFor(() => {
      expect(document.activeElement).toBe(year);
    });
  });

  it('edits an ISO country the directory does not hold yet, offering its region’s organisations', async () => {
    const { user, countries } = await openCountries();
    await user.click(screen.getByRole('checkbox', { name: 'Every country, including those not in the directory yet' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find a country' }), 'ke');
    await openPage(user, 'Kenya');
    expect(fact('Network status')).toBe('No focal point');
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Kenya' });
    expect(within(form).queryByRole('checkbox', { name: 'EU' })).toBeNull();
    await user.click(within(form).getByRole('checkbox', { name: 'AU' }));
    await user.click(within(form).getByRole('checkbox', { name: 'IGAD' }));
    await user.selectOptions(within(form).getByLabelText('Network status'), 'appointed');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => {
      expect(fact('Network status')).toBe('Focal point appointed');
    });
    expect(countries.updates).toEqual([{ id: 'ke', changes: { networkStatus: 'appointed', regionalOrganisations: ['AU', 'IGAD'] } }]);
    expect(fact('Regional organisations')).toBe('AU, IGAD');
  });

  it('speaks French', async () => {
    useSettingsStore.getState().setLanguage('fr');
    const directory = network();
    const { user } = await renderWithDirectory(directory, countryMethods(directory).handlers);
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('tab', { name: 'Pays' }));
    await openPage(user, 'Danemark');
    await user.click(screen.getByRole('button', { name: 'Modifier' }));
    const form = screen.getByRole('form', { name: 'Modifier Danemark' });
    const year = within(form).getByLabelText("Année d'adhésion");
    await user.clear(year);
    await user.type(year, '2200');
    expect(messageOf(year)).toBe('Indiquez une année de 2000 à 2100, ou laissez le champ vide.');
    expect(within(form).getByRole('button', { name: 'Enregistrer' })).toBeTruthy();
  });
});

describe('the country picker', { timeout: 30_000 }, () => {
  it('offers every ISO country, named and sorted in the interface language', async () => {
    const directory = network();
    const { user } = await renderWithDirectory(directory);
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    const form = await screen.findByRole('form', { name: 'New contact' });
    const picker = within(form).getByLabelText<HTMLSelectElement>('Country');
    // The options themselves: role queries over 250 of them are slow under jsdom.
    const options = () => [...picker.options].map((option) => option.textContent);
    // "None", then the 250 reference countries (the three held ones are among them).
    expect(options()).toHaveLength(251);
    expect(options().slice(0, 3)).toEqual(['None', 'Afghanistan', 'Åland Islands']);
    expect(options()).toContain('Kenya');
    await user.selectOptions(picker, 'ke');
    expect(picker.value).toBe('ke');

    useSettingsStore.getState().setLanguage('fr');
    await waitFor(() => {
      expect(options()).toContain('Danemark');
    });
    expect(options().indexOf('Égypte')).toBeLessThan(options().indexOf('Érythrée'));
    expect(options().indexOf('Égypte')).toBeGreaterThan(options().indexOf('Danemark'));
  });
});

// Every ISO country in a table: slower than the default 5 s on a busy machine.
describe('the country list', { timeout: 30_000 }, () => {
  it('name and sort countries in the interface language, and find them by either name or code', async () => {
    useSettingsStore.getState().setLanguage('fr');
    const directory = network();
    const { user } = await renderWithDirectory(directory);
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('tab', { name: 'Pays' }));
    await screen.findByText('3 pays');
    expect(countryNames('Pays')).toEqual(['Côte d’Ivoire', 'Danemark', 'Ghana']);
    const find = screen.getByRole('searchbox', { name: 'Trouver un pays' });
    await user.type(find, 'denmark');
    expect(countryNames('Pays')).toEqual(['Danemark']);
    await user.clear(find);
    await user.type(find, 'gh');
    expect(countryNames('Pays')).toEqual(['Ghana']);
  });

  it('list every ISO country on request, each of which opens a page', async () => {
    const { user } = await openCountries();
    await user.click(screen.getByRole('checkbox', { name: 'Every country, including those not in the directory yet' }));
    expect(await screen.findByText('250 countries')).toBeTruthy();
    // A plain DOM walk: role queries over 250 rows are slow under jsdom.
    const kenya = document.querySelector('[data-country-id="ke"]')?.closest('tr');
    expect([...(kenya?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent)).toEqual(['Africa', 'No focal point', 'No', '0']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'middle-east');
    expect(countryNames()).toContain('Qatar');
    expect(countryNames()).not.toContain('Denmark');
    await user.click(screen.getByRole('button', { name: 'Qatar' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Qatar' })).toBeTruthy();
    expect(screen.getByText('No focal point recorded.')).toBeTruthy();
  });
});
