import { isoCountries, isoCountry } from '../../../shared/domain/iso-countries';
import type { Country } from '../../../shared/schemas/country';
import type { DirectoryCache } from './directory-cache';
import type { DirectoryContext } from './directory-context';
import { createUndoableWrites } from './undoable-writes';

/**
 * Countries the directory does not hold yet. Any ISO 3166-1 code (shared/domain/iso-countries.ts) may be given to a
 * contact or an organisation: the country document is created on demand, in the same serialized write as what refers
 * to it, with the reference name and region and no standing in the network yet. A directory therefore holds only the
 * countries something refers to (or someone edited), and an empty directory stays empty until then.
 */

/** A country as it starts when something first refers to it; undefined for a code that is not ISO. */
export function referenceCountry(id: string, now: string): Country | undefined {
  const reference = isoCountry(id);
  if (reference === undefined) return undefined;
  return {
    id: reference.code.toLowerCase(),
    code: reference.code,
    name: reference.name,
    region: reference.region,
    regionalOrganisations: [],
    networkStatus: 'none',
    coHost: false,
    yearJoined: null,
    nationalExperience: '',
    updatedAt: now,
  };
}

/** Every ISO country the directory does not hold, as it would start (for lists and for the import's country lookup). */
export function referenceCountriesNotHeld(cache: DirectoryCache, now: string): Country[] {
  const out: Country[] = [];
  for (const reference of isoCountries) {
    const country = cache.countries.has(reference.code.toLowerCase()) ? undefined : referenceCountry(reference.code, now);
    if (country !== undefined) out.push(country);
  }
  return out;
}

/**
 * The country documents to create so that each of `countryIds` is held: ISO codes the directory lacks, once each.
 * '' (no country) and codes that are neither held nor ISO are left out — the reference checks refuse the latter.
 */
export function missingCountries(cache: DirectoryCache, countryIds: Iterable<string | undefined>, now: string): Country[] {
  const missing = new Map<string, Country>();
  for (const id of countryIds) {
    if (id === undefined || id === '' || cache.countries.has(id) || missing.has(id)) continue;
    const country = referenceCountry(id, now);
    if (country !== undefined) missing.set(id, country);
  }
  return [...missing.values()];
}

/**
 * Creates the countries `countryIds` need, then runs `write`; when `write` fails, the countries created for it are
 * removed again, so a refused or failed write leaves no country behind. Call it inside `context.writes.run`, after the
 * reference checks passed. Throws what `write` threw (or, if the countries could not be removed either, an error
 * naming both, which the dispatcher logs).
 */
export async function withReferencedCountries<T>(
  context: Pick<DirectoryContext, 'cache' | 'database'>,
  countryIds: readonly (string | undefined)[],
  now: string,
  write: () => Promise<T>,
): Promise<T> {
  const created = missingCountries(context.cache, countryIds, now);
  if (created.length === 0) return write();
  const undoable = createUndoableWrites();
  try {
    await undoable.insert(context.database.countries, created);
    return await write();
  } catch (error: unknown) {
    // Undefined when the countries were removed; else why they could not be.
    const undoFailure: unknown = await undoable.undo().then(
      () => undefined,
      (undoError: unknown) => undoError ?? 'unknown failure',
    );
    if (undoFailure === undefined) throw error;
    const message = `${describeFailure(error)}; the countries created for this write could not be removed: ${describeFailure(undoFailure)}`;
    throw new AggregateError([error, undoFailure], message, { cause: error });
  }
}

/** A thrown value as text for the log. */
function describeFailure(value: unknown): string {
  return value instanceof Error ? value.message : JSON.stringify(value);
}
