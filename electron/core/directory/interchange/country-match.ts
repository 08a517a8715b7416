import type { Country } from '../../../../shared/schemas/country';
import { normaliseKey } from './normalise-key';

/**
 * Which country of the directory a text from a file names: an ISO 3166-1 alpha-2 code in any case ("DK", "dk"), the
 * directory's own name, or the country's name in one of the languages contact files come in ("Danemark", "Dänemark",
 * "Dinamarca", "Schweiz"), taken from the runtime's CLDR data (Intl.DisplayNames) rather than a hand-kept table. A few
 * common English short forms (USA, UK, Ivory Coast…) are added.
 */

/** Languages contact files of the network come in (address books write the country in the owner's language). */
const LOCALES = ['en', 'fr', 'es', 'de', 'pt', 'it', 'nl', 'da', 'sv', 'nb', 'fi', 'pl', 'cs', 'tr', 'id', 'ar', 'ru', 'zh', 'ja', 'ko'] as const;

const ALIASES: Readonly<Record<string, string>> = {
  usa: 'us',
  'united states of america': 'us',
  uk: 'gb',
  'great britain': 'gb',
  britain: 'gb',
  'ivory coast': 'ci',
  'south korea': 'kr',
  'republic of korea': 'kr',
  'north korea': 'kp',
  'czech republic': 'cz',
  holland: 'nl',
  burma: 'mm',
  swaziland: 'sz',
  macedonia: 'mk',
  'cape verde': 'cv',
  'east timor': 'tl',
  turkey: 'tr',
  'viet nam': 'vn',
  drc: 'cd',
  'dr congo': 'cd',
  'democratic republic of the congo': 'cd',
  'republic of the congo': 'cg',
  'state of palestine': 'ps',
  palestine: 'ps',
  'holy see': 'va',
  vatican: 'va',
  uae: 'ae',
};

const namesByCode = new Map<string, readonly string[]>();
let regionDisplays: readonly Intl.DisplayNames[] | null = null;

function displays(): readonly Intl.DisplayNames[] {
  regionDisplays ??= [
    ...LOCALES.map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })),
    new Intl.DisplayNames(['en'], { type: 'region', style: 'short', fallback: 'none' }),
  ];
  return regionDisplays;
}

/** Keys of a country's names in every locale (and the short English form: "UK", "US"), cached per code. */
function localisedKeys(code: string): readonly string[] {
  const cached = namesByCode.get(code);
  if (cached !== undefined) return cached;
  const keys = new Set<string>();
  for (const display of displays()) {
    try {
      const name = display.of(code.toUpperCase());
      if (name !== undefined) keys.add(normaliseKey(name));
    } catch {
      // A code ICU does not know has no localised names; the directory's own name still matches.
    }
  }
  const list = [...keys].filter((key) => key !== '');
  namesByCode.set(code, list);
  return list;
}

/** The outcome of resolving a country text: the country's id, or why not (a code and a message for the person). */
export type CountryMatch =
  | { readonly countryId: string }
  | { readonly error: string; readonly code: 'country-not-in-directory' | 'unknown-country'; readonly value: string };

/** Builds a resolver over the directory's countries (build once per plan: it indexes every name). */
export function createCountryResolver(countries: readonly Country[]): (text: string) => CountryMatch {
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const country of countries) {
    byCode.set(country.id.toLowerCase(), country.id);
    byCode.set(country.code.toLowerCase(), country.id);
    const key = normaliseKey(country.name);
    if (key !== '') byName.set(key, country.id);
  }
  for (const country of countries) {
    for (const key of localisedKeys(country.code || country.id)) if (!byName.has(key)) byName.set(key, country.id);
  }
  return (text) => {
    const trimmed = text.trim();
    if (trimmed === '') return { countryId: '' };
    if (/^[A-Za-z]{2}$/.test(trimmed)) {
      const id = byCode.get(trimmed.toLowerCase());
      if (id !== undefined) return { countryId: id };
      const code = trimmed.toUpperCase();
      return { error: `"${code}" is not an ISO 3166 country code`, code: 'country-not-in-directory', value: code };
    }
    const key = normaliseKey(trimmed).replace(/^the /, '');
    const id = byName.get(key) ?? byCode.get(ALIASES[key] ?? '');
    if (id !== undefined) return { countryId: id };
    return {
      error: `unknown country "${trimmed}": use a two-letter ISO code such as DK, or the country's name`,
      code: 'unknown-country',
      value: trimmed,
    };
  };
}
