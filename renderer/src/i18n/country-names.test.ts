import { describe, expect, it } from 'vitest';
import { countryDisplayName } from './country-names';

describe('countryDisplayName', () => {
  it('names a country in the interface language, whatever the case of its code', () => {
    expect(countryDisplayName('dk', 'en')).toBe('Denmark');
    expect(countryDisplayName('DK', 'fr')).toBe('Danemark');
    expect(countryDisplayName('ci', 'fr')).toBe('Côte d’Ivoire');
  });

  it('falls back to the stored name, then to the code, for what CLDR does not know', () => {
    expect(countryDisplayName('xy', 'en', 'Nowhere')).toBe('Nowhere');
    expect(countryDisplayName('xy', 'en')).toBe('XY');
    expect(countryDisplayName('', 'en', '')).toBe('');
  });
});
