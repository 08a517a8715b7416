import type { TFunction } from 'i18next';
import type { SearchHit } from '../../../../shared/api/directory';
import { countryDisplayName } from '../../i18n/country-names';
import type { Language } from '../../i18n/i18n';

/**
 * A type-ahead suggestion's two lines in the interface language. The core sends each hit's parts (title, country,
 * kind of organisation, region) beside an English second line; the parts are worded here. A hit without them keeps
 * the core's `detail`.
 */

/** The first line: the name, a country's in the interface language ("Danemark"). */
export function searchHitLabel(hit: SearchHit, language: Language): string {
  return hit.kind === 'country' ? countryDisplayName(hit.countryId ?? hit.id, language, hit.label) : hit.label;
}

/** The second line: "Title · Country" for a contact, "Kind · Country" for an organisation, the region for a country. */
export function searchHitDetail(hit: SearchHit, t: TFunction, language: Language): string {
  const country = hit.countryId === undefined || hit.countryId === '' ? '' : countryDisplayName(hit.countryId, language, hit.countryName ?? '');
  const join = (...parts: readonly string[]): string => parts.filter((part) => part !== '').join(' · ');
  switch (hit.kind) {
    case 'contact':
      return hit.countryId === undefined && hit.title === undefined ? hit.detail : join(hit.title ?? '', country);
    case 'organisation':
      if (hit.organisationKind === undefined) return hit.detail;
      // "Other" reads oddly on its own under a name: an organisation of no particular kind is just an organisation.
      return join(
        hit.organisationKind === 'other' ? t('directory.search.kinds.organisation') : t(`directory.organisationKinds.${hit.organisationKind}`),
        country,
      );
    case 'country':
      return hit.region === undefined ? hit.detail : t(`directory.regions.${hit.region}`);
  }
}
