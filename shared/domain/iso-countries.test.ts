import { describe, expect, it } from 'vitest';
import { regions } from '../schemas/country';
import { isoCountries, isoCountry } from './iso-countries';

describe('the ISO 3166-1 reference countries', () => {
  it('hold the 249 assigned codes plus Kosovo, each once, in order', () => {
    expect(isoCountries).toHaveLength(250);
    const codes = isoCountries.map((country) => country.code);
    expect(new Set(codes).size).toBe(250);
    expect([...codes].sort()).toEqual(codes);
    expect(codes.filter((code) => code.startsWith('X'))).toEqual(['XK']);
  });

  it('give every code as two upper-case letters, a name and one of our regions', () => {
    for (const country of isoCountries) {
      expect(country.code).toMatch(/^[A-Z]{2}$/);
      expect(country.name.trim()).not.toBe('');
      expect(country.name.length).toBeLessThanOrEqual(120);
      expect(regions).toContain(country.region);
    }
  });

  it('put countries in the region the network reports them by', () => {
    const regionOf = (code: string) => isoCountry(code)?.region;
    expect(regionOf('DK')).toBe('europe');
    expect(regionOf('CI')).toBe('africa');
    expect(regionOf('CR')).toBe('americas');
    expect(regionOf('AU')).toBe('asia-pacific');
    expect(regionOf('QA')).toBe('middle-east');
    expect(regionOf('EG')).toBe('africa');
    expect(regionOf('TR')).toBe('europe');
    expect(regionOf('RU')).toBe('europe');
    expect(regionOf('GE')).toBe('europe');
    expect(regionOf('IR')).toBe('middle-east');
    expect(regionOf('KZ')).toBe('asia-pacific');
    expect(regionOf('JM')).toBe('americas');
  });

  it('look codes up in any case, and nothing else', () => {
    expect(isoCountry('dk')).toEqual({ code: 'DK', name: 'Denmark', region: 'europe' });
    expect(isoCountry(' Ci ')?.name).toBe("Côte d'Ivoire");
    expect(isoCountry('xk')?.name).toBe('Kosovo');
    for (const text of ['ZZ', 'EU', 'UK', 'XX', '', 'DNK', 'Denmark']) expect(isoCountry(text)).toBeUndefined();
  });
});
