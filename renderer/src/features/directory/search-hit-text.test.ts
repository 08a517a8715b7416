import { afterEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../shared/api/directory';
import { applyLanguage, i18n, type Language } from '../../i18n/i18n';
import { searchHitDetail, searchHitLabel } from './search-hit-text';

// Hits as the core's directory.search sends them (see electron/core/directory/directory-search.test.ts).
const contact: SearchHit = {
  kind: 'contact',
  id: 'con-1',
  label: 'R2P Focal Point — Denmark',
  detail: 'Under-Secretary for Legal Affairs · Denmark',
  title: 'Under-Secretary for Legal Affairs',
  countryId: 'dk',
  countryName: 'Denmark',
};
const ministry: SearchHit = {
  kind: 'organisation',
  id: 'org-1',
  label: 'Ministry of Foreign Affairs',
  detail: 'Ministry · Denmark',
  organisationKind: 'ministry',
  countryId: 'dk',
  countryName: 'Denmark',
};
const country: SearchHit = {
  kind: 'country',
  id: 'dk',
  label: 'Denmark',
  detail: 'Europe',
  countryId: 'dk',
  countryName: 'Denmark',
  region: 'europe',
};

function lines(hit: SearchHit, language: Language): [string, string] {
  applyLanguage(language);
  return [searchHitLabel(hit, language), searchHitDetail(hit, i18n.t, language)];
}

afterEach(() => {
  applyLanguage('en');
});

describe('search hit lines', () => {
  it('name countries, regions and kinds of organisation in the interface language', () => {
    expect(lines(contact, 'fr')).toEqual(['R2P Focal Point — Denmark', 'Under-Secretary for Legal Affairs · Danemark']);
    expect(lines(ministry, 'fr')).toEqual(['Ministry of Foreign Affairs', 'Ministère · Danemark']);
    expect(lines(country, 'fr')).toEqual(['Danemark', 'Europe']);
    expect(lines({ ...country, id: 'ci', label: "Côte d'Ivoire", countryId: 'ci', region: 'africa' }, 'fr')).toEqual(['Côte d’Ivoire', 'Afrique']);
    expect(lines(country, 'en')).toEqual(['Denmark', 'Europe']);
  });

  it('leave out what a hit does not have, and call an organisation of no particular kind an organisation', () => {
    expect(lines({ ...contact, title: '', countryId: '', countryName: '' }, 'fr')).toEqual(['R2P Focal Point — Denmark', '']);
    expect(lines({ ...ministry, organisationKind: 'other', countryId: '', countryName: '' }, 'en')).toEqual(['Ministry of Foreign Affairs', 'Organisation']);
  });

  it('keep the core’s second line for a hit without its parts', () => {
    const bare: SearchHit = { kind: 'organisation', id: 'org-2', label: 'OSAPG', detail: 'UN office' };
    expect(lines(bare, 'fr')).toEqual(['OSAPG', 'UN office']);
  });
});
