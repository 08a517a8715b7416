import type { OrganisationKind } from '../../../shared/schemas/organisation';
import type { Region } from '../../../shared/schemas/country';

/** English words for enum values in the few texts the core composes itself (search hits' second line, CLI output). */
export const organisationKindLabels: Readonly<Record<OrganisationKind, string>> = {
  ministry: 'Ministry',
  department: 'Department',
  agency: 'Agency',
  'regional-organisation': 'Regional organisation',
  'un-office': 'UN office',
  'civil-society': 'Civil society',
  other: 'Organisation',
};

export const regionLabels: Readonly<Record<Region, string>> = {
  africa: 'Africa',
  americas: 'Americas',
  'asia-pacific': 'Asia-Pacific',
  europe: 'Europe',
  'middle-east': 'Middle East',
};

/** Joins the non-empty parts with a middle dot: "Under-Secretary for Legal Affairs · Denmark". */
export function joinDetail(...parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join(' · ');
}
