import { countryChanges } from '../../../../shared/domain/directory-input';
import type { Country, NetworkStatus, Region } from '../../../../shared/schemas/country';
import { issuesFromZod, type Issue } from './field-issues';
import { splitList } from './contact-form-values';

/** The country form's state, field by field, as the controls hold it. */
export interface CountryFormValues {
  readonly networkStatus: NetworkStatus;
  readonly coHost: boolean;
  /** As typed: '' for not known. */
  readonly yearJoined: string;
  /** The suggested organisations that are ticked. */
  readonly regionalOrganisations: readonly string[];
  /** Any other organisation, typed, separated by commas. */
  readonly otherOrganisations: string;
  readonly nationalExperience: string;
}

/** What the form checks and sends: the country fields a person edits. */
export interface CountryEdit {
  readonly networkStatus: NetworkStatus;
  readonly coHost: boolean;
  readonly yearJoined: number | null;
  readonly regionalOrganisations: string[];
  readonly nationalExperience: string;
}

export type CountryFormField = keyof CountryEdit;

/** The fields whose messages the form shows (the core's issues name the same ones). */
export const countryFormFields: readonly CountryFormField[] = ['networkStatus', 'coHost', 'yearJoined', 'regionalOrganisations', 'nationalExperience'];

/** The code the form gives any problem with the year, worded by the form (zod's own words are about numbers). */
export const YEAR_ISSUE = 'year-joined';

/**
 * The regional organisations the form offers as ticks, by region (the ones the network's reports name most); any
 * other is typed in. Acronyms as the organisations write them in English.
 */
export const suggestedOrganisations: Readonly<Record<Region, readonly string[]>> = {
  africa: ['AU', 'ECOWAS', 'SADC', 'EAC', 'IGAD', 'ECCAS', 'ICGLR'],
  americas: ['OAS', 'CARICOM', 'SICA', 'MERCOSUR', 'CELAC'],
  'asia-pacific': ['ASEAN', 'PIF', 'SAARC', 'SCO'],
  europe: ['EU', 'CoE', 'OSCE'],
  'middle-east': ['LAS', 'GCC', 'OIC'],
};

/** The form's starting values for `country`: its organisations split into ticks and typed ones. */
export function valuesFromCountry(country: Country): CountryFormValues {
  const suggested = suggestedOrganisations[country.region];
  const held = country.regionalOrganisations;
  return {
    networkStatus: country.networkStatus,
    coHost: country.coHost,
    yearJoined: country.yearJoined == null ? '' : String(country.yearJoined),
    regionalOrganisations: suggested.filter((name) => held.includes(name)),
    otherOrganisations: held.filter((name) => !suggested.includes(name)).join(', '),
    nationalExperience: country.nationalExperience ?? '',
  };
}

/** Every organisation the values name, ticked ones first (in the suggestions' order), then typed ones, each once. */
export function organisationList(values: CountryFormValues, region: Region): string[] {
  const ticked = suggestedOrganisations[region].filter((name) => values.regionalOrganisations.includes(name));
  return [...new Set([...ticked, ...values.regionalOrganisations, ...splitList(values.otherOrganisations, /[,;]+/)])];
}

/** The year as typed: '' is not known (null); anything but digits is NaN, which the check refuses. */
function yearOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Checks the values against the core's own rules (`countryChanges`): the edit to send, or the issues by field. Every
 * problem with the year (not a number, out of range) is one issue coded `YEAR_ISSUE`.
 */
export function checkCountry(values: CountryFormValues, region: Region): { readonly input: CountryEdit | null; readonly issues: Issue[] } {
  const raw = {
    networkStatus: values.networkStatus,
    coHost: values.coHost,
    yearJoined: yearOf(values.yearJoined),
    regionalOrganisations: organisationList(values, region),
    nationalExperience: values.nationalExperience,
  };
  const parsed = countryChanges.safeParse(raw);
  if (parsed.success) {
    const data = parsed.data;
    return {
      input: {
        networkStatus: data.networkStatus ?? raw.networkStatus,
        coHost: data.coHost ?? raw.coHost,
        yearJoined: data.yearJoined ?? null,
        regionalOrganisations: data.regionalOrganisations ?? [],
        nationalExperience: data.nationalExperience ?? '',
      },
      issues: [],
    };
  }
  return { input: null, issues: yearIssues(issuesFromZod(parsed.error.issues)) };
}

/** Issues with the year, made one `YEAR_ISSUE` each (the form words it; the English message is the fallback). */
function yearIssues(issues: readonly Issue[]): Issue[] {
  return issues.map((issue) =>
    issue.path === 'yearJoined' ? { path: 'yearJoined', code: YEAR_ISSUE, message: 'Use a year from 2000 to 2100, or leave it empty.' } : issue,
  );
}
