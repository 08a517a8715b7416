import { z } from 'zod';
import {
  contactChanges,
  contactInput,
  countryChanges,
  countryIdInput,
  documentIdInput,
  organisationChanges,
  organisationInput,
} from '../domain/directory-input';
import type { Contact, ContactRole } from '../schemas/contact';
import { contactRoles } from '../schemas/contact';
import type { Country, NetworkStatus, Region } from '../schemas/country';
import { networkStatuses, regions } from '../schemas/country';
import type { Organisation, OrganisationKind } from '../schemas/organisation';
import { defineMethod } from './define-method';
import type { ImportIssue } from './import-issues';

/**
 * The network directory: countries, organisations and contacts, their live lists, search, interchange (vCard, CSV)
 * and the demo data. Deleting is soft: a deleted document keeps its data, carries `deletedAt`, drops out of lists
 * unless `includeDeleted`, and comes back with `restore`.
 */

/** One line of a contact list: what the list and its filters show, with names resolved. */
export interface ContactRow {
  readonly id: string;
  readonly displayName: string;
  readonly title: string;
  readonly countryId: string;
  /** '' when the contact has no country. */
  readonly countryName: string;
  readonly organisationId: string;
  /** '' when the contact has no organisation. */
  readonly organisationName: string;
  readonly roles: readonly ContactRole[];
  readonly demo: boolean;
  readonly deleted: boolean;
  /** True when the contact's organisation is deleted (the contact keeps it; the list shows it as deleted). */
  readonly organisationDeleted?: boolean;
}

/** A contact with its names resolved, for the detail view and the edit form. */
export interface ContactDetail extends Contact {
  readonly countryName: string;
  /** From the top organisation down to the contact's own ('' names none), e.g. ["Ministry…", "Legal Department"]. */
  readonly organisationPath: readonly string[];
}

export interface OrganisationRow {
  readonly id: string;
  readonly name: string;
  readonly acronym: string;
  readonly kind: OrganisationKind;
  readonly parentId: string;
  readonly countryId: string;
  readonly countryName: string;
  readonly contactCount: number;
  readonly demo: boolean;
  readonly deleted: boolean;
}

export type OrganisationDetail = Organisation & {
  readonly countryName: string;
  /** Names from the top organisation down to this one (itself included). */
  readonly path: readonly string[];
  /**
   * What still points at it: live contacts linked to it and live organisations inside it. Deleting an organisation
   * that has some is allowed (they keep the link and show it as deleted); the UI can say so before and after.
   */
  readonly linked?: { readonly contacts: number; readonly organisations: number };
};

/** An organisation with the people linked to it and the organisations inside it: one node of a stakeholder map. */
export interface OrganisationNode {
  readonly organisation: OrganisationRow;
  readonly contacts: readonly ContactRow[];
  readonly children: readonly OrganisationNode[];
}

export interface CountrySummary {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly region: Region;
  readonly networkStatus: NetworkStatus;
  readonly coHost: boolean;
  readonly focalPointCount: number;
  readonly contactCount: number;
  readonly organisationCount: number;
}

/** A country page: the country, its focal points, and its stakeholder map (organisation tree with their people). */
export interface CountryPage {
  readonly country: Country;
  readonly focalPoints: readonly ContactRow[];
  readonly stakeholderMap: readonly OrganisationNode[];
  /** Contacts of the country linked to no organisation of it. */
  readonly otherContacts: readonly ContactRow[];
}

/** Which contacts a list shows. Every field narrows; an empty filter lists every live contact. */
export const contactFilter = z
  .object({
    countryId: countryIdInput.optional(),
    region: z.enum(regions).optional(),
    role: z.enum(contactRoles).optional(),
    networkStatus: z.enum(networkStatuses).optional(),
    organisationId: documentIdInput.optional(),
    /** Type-ahead text: names, titles, organisations, countries and tags, accent- and case-insensitive. */
    search: z.string().max(200, 'At most 200 characters').optional(),
    includeDeleted: z.boolean().optional(),
  })
  .strict();

export type ContactFilter = z.input<typeof contactFilter>;

/** The slice of a list a virtualised view shows. */
const listRange = z
  .object({ offset: z.number().int().min(0), limit: z.number().int().min(0).max(500, 'At most 500 rows per window') })
  .strict();

/** A window of a live contact list: pushed again (event `directory.contacts.window`) whenever it changes. */
export interface ContactWindow {
  readonly subscriptionId: string;
  /** Contacts matching the filter, in display-name order (search results: best match first). */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly ContactRow[];
}

export type SearchHitKind = 'contact' | 'organisation' | 'country';

/**
 * One type-ahead suggestion. `detail` is its second line in English (for the CLI); the interface composes its own
 * from the parts below, which the core sets for every hit of the kind they concern.
 */
export interface SearchHit {
  readonly kind: SearchHitKind;
  readonly id: string;
  /** The name as the directory stores it (a country's English name: the interface names it from `countryId`). */
  readonly label: string;
  /** A second line: title and country for a contact, kind and country for an organisation, region for a country. */
  readonly detail: string;
  /** A contact's title ('' when none). */
  readonly title?: string;
  /** The country of a contact or organisation ('' when international), or the country a country hit is. */
  readonly countryId?: string;
  /** That country's stored (English) name, for a code the interface cannot name ('' when none). */
  readonly countryName?: string;
  /** An organisation's kind. */
  readonly organisationKind?: OrganisationKind;
  /** A country's region. */
  readonly region?: Region;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** Time the core spent, for the status line and the bench. */
  readonly tookMs: number;
}

export type ImportFormat = 'vcard' | 'csv';
export type ImportAction = 'create' | 'update' | 'skip' | 'error';

/** One record of a file to import, as it would be applied. */
export interface ImportRowPreview {
  /** 1-based record number in the file. */
  readonly record: number;
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly action: ImportAction;
  readonly displayName: string;
  /** Why it is skipped (a duplicate of an existing contact: which one) or in error (field and problem). */
  readonly messages: readonly string[];
  /** The same, one issue per message in the same order, with codes and values the interface words in its language. */
  readonly issues: readonly ImportIssue[];
  /** The existing contact an `update` or duplicate `skip` refers to. */
  readonly matchesContactId: string | null;
}

/** Contact fields a CSV column can be mapped to. */
export const csvTargetFields = [
  'displayName',
  'honorific',
  'givenName',
  'familyName',
  'title',
  'organisation',
  'country',
  'roles',
  'email',
  'phone',
  'languages',
  'appointedOn',
  'notes',
  'tags',
] as const;

export type CsvTargetField = (typeof csvTargetFields)[number];

export interface ImportPreview {
  /** Commit with this id (valid until the next preview or 30 minutes). */
  readonly previewId: string;
  readonly format: ImportFormat;
  /** CSV only: the header row, and the mapping used (given or guessed from the headers). */
  readonly columns: readonly string[];
  readonly mapping: Readonly<Record<string, CsvTargetField | 'ignore'>>;
  readonly rows: readonly ImportRowPreview[];
  readonly counts: Readonly<Record<ImportAction, number>>;
}

export interface ImportReport {
  readonly created: number;
  readonly updated: number;
  readonly skipped: number;
  readonly createdIds: readonly string[];
}

export interface SeedReport {
  readonly countries: number;
  readonly organisations: number;
  readonly contacts: number;
  /** Library documents added with the demo network (the meeting report and its PDF). */
  readonly documents?: number;
  /** Meetings added with the demo network (the 2012 meeting the report records). */
  readonly meetings?: number;
}

export interface DirectoryStatus {
  /** No country, organisation or contact yet: the app offers the demo data. */
  readonly empty: boolean;
  readonly demoLoaded: boolean;
}

const byId = z.object({ id: documentIdInput.min(1, 'Give an id') }).strict();
const countryById = z.object({ id: countryIdInput.refine((id) => id !== '', 'Give a country code') }).strict();

/** Methods of the `directory` domain. */
export const directoryMethods = {
  /** Whether the directory is empty (first run) and whether the demo data is loaded. */
  'directory.status': defineMethod<DirectoryStatus>()(z.object({}).strict(), 'Whether the directory is empty'),
  /** Loads the demo network drawn from the meeting report; `conflict` when the directory is not empty. */
  'directory.seed': defineMethod<SeedReport>()(z.object({}).strict(), 'Loads the demo network'),

  /**
   * The countries the directory holds (a country is held once something refers to it or it was edited);
   * `includeReference` adds every other ISO 3166-1 country, with zero counts and status `none`.
   */
  'directory.countries.list': defineMethod<readonly CountrySummary[]>()(
    z
      .object({
        region: z.enum(regions).optional(),
        networkStatus: z.enum(networkStatuses).optional(),
        includeReference: z.boolean().optional(),
      })
      .strict(),
    'Countries, by name',
  ),
  /**
   * An ISO 3166-1 country the directory does not hold yet has a page as it would start (status `none`, empty lists);
   * `not-found` for a code that is neither held nor ISO.
   */
  'directory.countries.get': defineMethod<CountryPage>()(countryById, 'A country page with its stakeholder map'),
  /** Editing an ISO country the directory does not hold yet creates it with the changes; `not-found` for other codes. */
  'directory.countries.update': defineMethod<Country>()(
    z.object({ id: countryIdInput, changes: countryChanges }).strict(),
    'Edits a country',
  ),

  'directory.organisations.list': defineMethod<readonly OrganisationRow[]>()(
    z.object({ countryId: countryIdInput.optional(), includeDeleted: z.boolean().optional() }).strict(),
    'Organisations, by name',
  ),
  'directory.organisations.get': defineMethod<OrganisationDetail>()(byId, 'One organisation'),
  /** `invalid-input` with field issues (unknown country or parent, a parent cycle). */
  'directory.organisations.create': defineMethod<OrganisationDetail>()(
    z.object({ organisation: organisationInput }).strict(),
    'Creates an organisation',
  ),
  'directory.organisations.update': defineMethod<OrganisationDetail>()(
    z.object({ id: documentIdInput, changes: organisationChanges }).strict(),
    'Edits an organisation',
  ),
  'directory.organisations.delete': defineMethod<OrganisationDetail>()(byId, 'Deletes an organisation (recoverable)'),
  'directory.organisations.restore': defineMethod<OrganisationDetail>()(byId, 'Restores a deleted organisation'),

  'directory.contacts.get': defineMethod<ContactDetail>()(byId, 'One contact'),
  /** `invalid-input` with field issues (bad e-mail, unknown country or organisation, empty name). */
  'directory.contacts.create': defineMethod<ContactDetail>()(z.object({ contact: contactInput }).strict(), 'Creates a contact'),
  'directory.contacts.update': defineMethod<ContactDetail>()(
    z.object({ id: documentIdInput, changes: contactChanges }).strict(),
    'Edits a contact',
  ),
  'directory.contacts.delete': defineMethod<ContactDetail>()(byId, 'Deletes a contact (recoverable)'),
  'directory.contacts.restore': defineMethod<ContactDetail>()(byId, 'Restores a deleted contact'),
  /**
   * Starts a live contact list and returns its first window; the core pushes `directory.contacts.window` with the same
   * subscription id whenever the window's content or the total changes. End it with `directory.contacts.unwatch`.
   */
  'directory.contacts.watch': defineMethod<ContactWindow>()(
    z.object({ filter: contactFilter, range: listRange }).strict(),
    'Starts a live contact list',
  ),
  /** Moves a live list's window (scrolling) or changes its filter; answers with the new window. */
  'directory.contacts.rewatch': defineMethod<ContactWindow>()(
    z.object({ subscriptionId: z.string().min(1).max(64), filter: contactFilter.optional(), range: listRange }).strict(),
    'Changes a live list',
  ),
  'directory.contacts.unwatch': defineMethod<{ readonly stopped: boolean }>()(
    z.object({ subscriptionId: z.string().min(1).max(64) }).strict(),
    'Ends a live list',
  ),

  /** Type-ahead over contacts, organisations and countries. */
  'directory.search': defineMethod<SearchResult>()(
    z.object({ text: z.string().max(200, 'At most 200 characters'), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    'Finds contacts, organisations and countries',
  ),

  /** Reads a vCard (3.0/4.0) or CSV text and says what importing it would do; writes nothing. */
  'directory.import.preview': defineMethod<ImportPreview>()(
    z
      .object({
        format: z.enum(['vcard', 'csv']),
        /** The file's text (the renderer reads it as UTF-8; at most 20 MB). */
        text: z.string().max(20 * 1024 * 1024, 'The file is larger than 20 MB'),
        /** CSV: column header → field; omitted columns are guessed from their headers. */
        mapping: z.record(z.string().max(200), z.enum([...csvTargetFields, 'ignore'])).optional(),
        /** CSV: the delimiter; guessed when omitted. */
        delimiter: z.enum([',', ';', '\t', '|']).optional(),
      })
      .strict(),
    'Previews an import',
  ),
  /** Applies a preview all-or-nothing; `conflict` when the directory changed since, `not-found` for an expired id. */
  'directory.import.commit': defineMethod<ImportReport>()(
    z.object({ previewId: z.string().min(1).max(64) }).strict(),
    'Applies an import',
  ),
  /** vCard 4.0 of the contacts a filter selects. */
  'directory.export.vcard': defineMethod<{ readonly text: string; readonly count: number }>()(
    z.object({ filter: contactFilter.default({}) }).strict(),
    'Exports contacts as vCard 4.0',
  ),
} as const;
