import type { CountrySummary } from '../../../../shared/api/directory';
import { isoCountries } from '../../../../shared/domain/iso-countries';
import type { Language } from '../../i18n/i18n';
import { countryDisplayName } from '../../i18n/country-names';

/**
 * Countries as the interface offers them: every ISO 3166-1 country can be chosen, held by the directory or not (the
 * core creates a country on demand when something first refers to it), and every name is shown in the interface
 * language, sorted the way that language sorts.
 */

/** A country as a picker or a list shows it. */
export interface CountryChoice {
  readonly id: string;
  readonly code: string;
  /** In the interface language (CLDR), else the stored English name, else the code. */
  readonly label: string;
}

/** `held` plus, as summaries with zero counts and no standing, every ISO country it lacks. */
export function withReferenceCountries(held: readonly CountrySummary[]): CountrySummary[] {
  const heldIds = new Set(held.map((country) => country.id));
  const reference = isoCountries
    .filter((country) => !heldIds.has(country.code.toLowerCase()))
    .map(
      (country): CountrySummary => ({
        id: country.code.toLowerCase(),
        code: country.code,
        name: country.name,
        region: country.region,
        networkStatus: 'none',
        coHost: false,
        focalPointCount: 0,
        contactCount: 0,
        organisationCount: 0,
      }),
    );
  return [...held, ...reference];
}

/** The name of a held country in the interface language (its stored name when CLDR does not know the code). */
export function countryLabel(country: Pick<CountrySummary, 'code' | 'name'>, language: Language): string {
  return countryDisplayName(country.code, language, country.name);
}

const collators = new Map<Language, Intl.Collator>();

/** Compares labels as the interface language sorts them ("Égypte" among the E's in French). */
export function compareLabels(language: Language): (a: string, b: string) => number {
  let collator = collators.get(language);
  if (collator === undefined) {
    collator = new Intl.Collator(language, { sensitivity: 'base' });
    collators.set(language, collator);
  }
  return collator.compare;
}

/** Every country a picker offers: the held ones and every ISO country, each once, by label. */
export function countryChoices(held: readonly CountrySummary[], language: Language): CountryChoice[] {
  const compare = compareLabels(language);
  return withReferenceCountries(held)
    .map((country) => ({ id: country.id, code: country.code, label: countryLabel(country, language) }))
    .sort((a, b) => compare(a.label, b.label) || (a.id < b.id ? -1 : 1));
}
