import type { ContactRole } from '../../../../shared/schemas/contact';
import type { NetworkStatus, Region } from '../../../../shared/schemas/country';
import type { OrganisationKind } from '../../../../shared/schemas/organisation';

/**
 * The demo network, drawn only from the report of the Second Annual Meeting of the Network of National R2P Focal
 * Points (29 September 2012), kept beside this file as meeting-report-2012.txt. Every fact carries, in `sources`, the
 * report's own words it rests on; demo-network.test.ts checks each quote is in the report. Contacts are named by
 * their role ("R2P Focal Point — Denmark"), never by an invented personal name, and have no e-mail address or phone
 * number: the report gives none. Seeded documents are marked `demo: true`.
 *
 * What does not come from the report: a country's ISO code and its `region` (the schema's geographic grouping),
 * which are reference data. `regionalOrganisations` stays empty: the report names the African Union, the EU and
 * ECOWAS, but not which country belongs to which. Thailand is named only as the venue of a conference Australia
 * sponsored, not as part of the network, so it is left out. The report does not describe Ghana's focal point, so
 * Ghana — a co-host and co-founder of the initiative — has no placement here (`none`).
 */

/** Words of the report, verbatim (line breaks of the report may be spaces here). */
export type Quote = string;

export interface DemoCountry {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly region: Region;
  readonly networkStatus: NetworkStatus;
  readonly coHost: boolean;
  readonly yearJoined: number | null;
  /** A short summary of what the report says of the country, in its own terms. */
  readonly nationalExperience: string;
  readonly sources: {
    readonly networkStatus: Quote;
    readonly coHost?: Quote;
    readonly yearJoined?: Quote;
    readonly nationalExperience: readonly Quote[];
  };
}

export interface DemoOrganisation {
  /** Names the organisation inside this file; the seed gives it an `org-…` id. */
  readonly key: string;
  readonly parentKey: string | null;
  readonly name: string;
  readonly acronym: string;
  readonly kind: OrganisationKind;
  /** '' for regional, UN and international bodies. */
  readonly countryId: string;
  readonly sources: { readonly name: Quote; readonly parent?: Quote };
}

export interface DemoContact {
  readonly key: string;
  readonly displayName: string;
  readonly title: string;
  readonly organisationKey: string | null;
  readonly countryId: string;
  readonly roles: readonly ContactRole[];
  readonly sources: { readonly title: Quote; readonly organisation?: Quote };
}

export { demoContacts } from './demo-contacts';
export { demoCountries } from './demo-countries';
export { demoOrganisations } from './demo-organisations';
