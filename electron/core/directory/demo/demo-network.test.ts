import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactRoles } from '../../../../shared/schemas/contact';
import { demoContacts, demoCountries, demoOrganisations } from './demo-network';

/** The report, with its line breaks as spaces: a quote may span a page break of the original. */
const report = readFileSync(new URL('./meeting-report-2012.txt', import.meta.url), 'utf8').replace(/\s+/g, ' ');

function quotesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(quotesOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(quotesOf);
  return [];
}

describe('the demo network', () => {
  it('rests every fact on words of the 2012 meeting report, quoted verbatim', () => {
    const all = [...demoCountries, ...demoOrganisations, ...demoContacts].flatMap((entry) => quotesOf(entry.sources));
    expect(all.length).toBeGreaterThan(60);
    const missing = all.filter((quote) => !report.includes(quote.replace(/\s+/g, ' ')));
    expect(missing).toEqual([]);
  });

  it('names only countries the report names, and gives each a placement, status and co-host flag it states', () => {
    for (const country of demoCountries) expect(report.includes(country.id === 'eu' ? 'European Union' : country.name), country.name).toBe(true);
    expect(demoCountries.filter((country) => country.coHost).map((country) => country.id).sort()).toEqual(['au', 'cr', 'dk', 'gh']);
    expect(demoCountries.filter((country) => country.networkStatus === 'announced').map((country) => country.name)).toEqual([
      "Côte d'Ivoire",
      'Slovenia',
    ]);
    expect(demoCountries.find((country) => country.id === 'eu')).toMatchObject({ networkStatus: 'none' });
    expect(demoCountries.filter((country) => country.networkStatus === 'appointed').map((country) => country.id).sort()).toEqual([
      'au',
      'ch',
      'cr',
      'de',
      'dk',
      'fr',
      'us',
    ]);
    for (const country of demoCountries) {
      expect(country.nationalExperience.length, country.id).toBeGreaterThan(40);
      expect(country.nationalExperience.length, country.id).toBeLessThan(800);
    }
  });

  it('places each focal point as the report does', () => {
    const titles = Object.fromEntries(
      demoContacts.filter((contact) => contact.roles.includes('focal-point')).map((contact) => [contact.countryId, contact.title]),
    );
    expect(titles).toEqual({
      au: 'Senior level official',
      cr: 'Senior diplomat',
      dk: 'Under-Secretary for Legal Affairs',
      fr: 'Head of the Division for Human Rights and Humanitarian Affairs',
      de: 'Director-General, UN department',
      ch: 'Head of the task force on dealing with the past and the prevention of atrocities',
      us: 'Director for War Crimes and Atrocities',
    });
    const organisationOf = (key: string) => demoOrganisations.find((organisation) => organisation.key === key);
    const dk = demoContacts.find((contact) => contact.key === 'dk-focal-point');
    expect(organisationOf(dk?.organisationKey ?? '')?.name).toBe('Ministry of Foreign Affairs');
    const au = demoContacts.find((contact) => contact.key === 'au-focal-point');
    expect(organisationOf(au?.organisationKey ?? '')).toMatchObject({ acronym: 'DFAT' });
  });

  it('names contacts by their role, never by an invented personal name', () => {
    for (const contact of demoContacts) {
      expect(contact.displayName).toMatch(
        /^(R2P Focal Point — .+|Representative — .+|Secretariat — .+|.+ — Denmark|Special Adviser for the Prevention of Genocide)$/,
      );
      for (const role of contact.roles) expect(contactRoles).toContain(role);
    }
    const keys = new Set(demoOrganisations.map((organisation) => organisation.key));
    for (const organisation of demoOrganisations) if (organisation.parentKey !== null) expect(keys).toContain(organisation.parentKey);
    for (const contact of demoContacts) if (contact.organisationKey !== null) expect(keys).toContain(contact.organisationKey);
  });

  it('includes the EU without a focal point, the Global Centre as secretariat and OSAPG', () => {
    expect(demoContacts.some((contact) => contact.countryId === 'eu')).toBe(false);
    expect(demoOrganisations.find((organisation) => organisation.acronym === 'OSAPG')).toMatchObject({ kind: 'un-office', countryId: '' });
    const secretariat = demoContacts.find((contact) => contact.roles.includes('secretariat'));
    expect(demoOrganisations.find((organisation) => organisation.key === secretariat?.organisationKey)?.name).toBe(
      'Global Centre for the Responsibility to Protect',
    );
  });
});
