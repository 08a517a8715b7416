import type {
  ContactDetail,
  ContactFilter,
  ContactRow,
  ContactWindow,
  CountryPage,
  CountrySummary,
  ImportPreview,
  OrganisationDetail,
  OrganisationRow,
  SearchHit,
} from '../../../shared/api/directory';
import { fail, ok } from '../../../shared/api/result';
import type { Country } from '../../../shared/schemas/country';
import type { Organisation } from '../../../shared/schemas/organisation';
import type { FakeHandlers } from './fake-bridge';
import { fakeWiring } from './fake-wiring';

/** Text folded as the core's search folds it: no accents, lower case. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

const stamp = '2025-03-04T10:00:00.000Z';

/** Denmark as the directory holds it; `overrides` make any other country. */
export function sampleCountry(overrides: Partial<Country> = {}): Country {
  return {
    id: 'dk',
    code: 'DK',
    name: 'Denmark',
    region: 'europe',
    regionalOrganisations: ['EU'],
    networkStatus: 'appointed',
    coHost: true,
    yearJoined: 2010,
    nationalExperience: 'Denmark co-founded the network in 2010.',
    updatedAt: stamp,
    ...overrides,
  };
}

/** Denmark's foreign ministry (demo data); `overrides` make any other organisation. */
export function sampleOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 'org-dk-mfa',
    name: 'Ministry of Foreign Affairs',
    acronym: 'MFA',
    kind: 'ministry',
    parentId: '',
    countryId: 'dk',
    notes: '',
    demo: true,
    deletedAt: null,
    updatedAt: stamp,
    ...overrides,
  };
}

/** A contact as the core returns it from `get`, with names resolved by the fake. */
export type FakeContact = Omit<ContactDetail, 'countryName' | 'organisationPath'>;

/** Denmark's focal point with every field filled; `overrides` make any other contact. */
export function sampleContact(overrides: Partial<FakeContact> = {}): FakeContact {
  return {
    id: 'con-dk-fp',
    honorific: 'Ms',
    givenName: 'Karen',
    familyName: 'Jensen',
    displayName: 'Karen Jensen',
    title: 'Head of the Legal Department',
    organisationId: 'org-dk-mfa',
    countryId: 'dk',
    roles: ['focal-point'],
    emails: [{ value: 'karen.jensen@example.dk', kind: 'work' }],
    phones: [{ value: '+45 33 92 00 00', kind: 'work' }],
    languages: ['da', 'en'],
    appointedOn: '2012-05-14',
    notes: 'Met at the 2012 meeting.',
    tags: ['co-host'],
    demo: true,
    deletedAt: null,
    updatedAt: stamp,
    ...overrides,
  };
}

/** `count` contacts named "Contact 00001"… in display-name order, spread over the sample country. */
export function manyContacts(count: number): FakeContact[] {
  return Array.from({ length: count }, (_unused, index) => {
    const n = String(index + 1).padStart(5, '0');
    return sampleContact({
      id: `con-${n}`,
      displayName: `Contact ${n}`,
      givenName: 'Contact',
      familyName: n,
      emails: [],
      roles: index % 10 === 0 ? ['focal-point'] : ['stakeholder'],
    });
  });
}

export interface FakeDirectoryData {
  readonly countries?: readonly Country[];
  readonly organisations?: readonly Organisation[];
  readonly contacts?: readonly FakeContact[];
}

/**
 * An in-memory directory answering every `directory.*` method the way the core does (filters, live windows pushed as
 * events, soft delete, import preview and commit), so renderer tests can drive the screens end to end. It records
 * every call, and pushes `directory.contacts.window` and `directory.changed` through `connect`'s emitter.
 */
export function fakeDirectory(data: FakeDirectoryData = {}) {
  const countries = new Map((data.countries ?? []).map((country) => [country.id, country]));
  const organisations = new Map((data.organisations ?? []).map((organisation) => [organisation.id, organisation]));
  const contacts = new Map((data.contacts ?? []).map((contact) => [contact.id, contact]));
  const subscriptions = new Map<string, { filter: ContactFilter; range: { offset: number; limit: number } }>();
  const wiring = fakeWiring();
  const { calls, emit } = wiring;
  let nextId = 1;
  let nextPreview: ImportPreview | null = null;

  const record = (method: string, input: unknown): void => {
    calls.push({ method, input });
  };

  const row = (contact: FakeContact): ContactRow => ({
    id: contact.id,
    displayName: contact.displayName,
    title: contact.title,
    countryId: contact.countryId,
    countryName: countries.get(contact.countryId)?.name ?? '',
    organisationId: contact.organisationId,
    organisationName: organisations.get(contact.organisationId)?.name ?? '',
    roles: contact.roles,
    demo: contact.demo,
    deleted: contact.deletedAt !== null,
  });

  const organisationRow = (organisation: Organisation): OrganisationRow => ({
    id: organisation.id,
    name: organisation.name,
    acronym: organisation.acronym,
    kind: organisation.kind,
    parentId: organisation.parentId,
    countryId: organisation.countryId,
    countryName: countries.get(organisation.countryId)?.name ?? '',
    contactCount: [...contacts.values()].filter((contact) => contact.organisationId === organisation.id && contact.deletedAt === null).length,
    demo: organisation.demo,
    deleted: organisation.deletedAt !== null,
  });

  const path = (id: string): string[] => {
    const out: string[] = [];
    let current = organisations.get(id);
    while (current !== undefined && out.length < 20) {
      out.unshift(current.name);
      current = organisations.get(current.parentId);
    }
    return out;
  };

  const detail = (contact: FakeContact): ContactDetail => ({
    ...contact,
    countryName: countries.get(contact.countryId)?.name ?? '',
    organisationPath: path(contact.organisationId),
  });

  const organisationDetail = (organisation: Organisation): OrganisationDetail => ({
    ...organisation,
    countryName: countries.get(organisation.countryId)?.name ?? '',
    path: path(organisation.id),
  });

  const matching = (filter: ContactFilter): ContactRow[] => {
    const wanted = fold(filter.search?.trim() ?? '');
    return [...contacts.values()]
      .filter((contact) => {
        if (contact.deletedAt !== null && filter.includeDeleted !== true) return false;
        const country = countries.get(contact.countryId);
        if (filter.countryId !== undefined && contact.countryId !== filter.countryId) return false;
        if (filter.region !== undefined && country?.region !== filter.region) return false;
        if (filter.networkStatus !== undefined && country?.networkStatus !== filter.networkStatus) return false;
        if (filter.role !== undefined && !contact.roles.includes(filter.role)) return false;
        if (filter.organisationId !== undefined && contact.organisationId !== filter.organisationId) return false;
        if (wanted === '') return true;
        const haystack = [contact.displayName, contact.title, country?.name ?? '', ...contact.tags].map(fold).join(' ');
        return haystack.includes(wanted);
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map(row);
  };

  const window = (subscriptionId: string): ContactWindow => {
    const subscription = subscriptions.get(subscriptionId);
    if (subscription === undefined) throw new Error(`No subscription ${subscriptionId}`);
    const all = matching(subscription.filter);
    const { offset, limit } = subscription.range;
    return { subscriptionId, total: all.length, offset, rows: all.slice(offset, offset + limit) };
  };

  /** Pushes what a change in the core would push: fresh windows of every live list, and `directory.changed`. */
  const changed = (): void => {
    for (const id of subscriptions.keys()) emit({ name: 'directory.contacts.window', payload: window(id) });
    emit({ name: 'directory.changed', payload: { collections: ['contacts'] } });
  };

  const summary = (country: Country): CountrySummary => {
    const live = [...contacts.values()].filter((contact) => contact.countryId === country.id && contact.deletedAt === null);
    return {
      id: country.id,
      code: country.code,
      name: country.name,
      region: country.region,
      networkStatus: country.networkStatus,
      coHost: country.coHost,
      focalPointCount: live.filter((contact) => contact.roles.includes('focal-point')).length,
      contactCount: live.length,
      organisationCount: [...organisations.values()].filter((organisation) => organisation.countryId === country.id).length,
    };
  };

  const write = (id: string, fields: Partial<FakeContact>) => {
    const existing = contacts.get(id);
    if (existing === undefined) return fail<ContactDetail>('not-found', 'No such contact.');
    const next = { ...existing, ...fields, updatedAt: stamp };
    contacts.set(id, next);
    changed();
    return ok(detail(next));
  };

  const handlers: FakeHandlers = {
    'directory.status': async (input) => {
      record('directory.status', input);
      return ok({ empty: countries.size + organisations.size + contacts.size === 0, demoLoaded: false });
    },
    'directory.seed': async (input) => {
      record('directory.seed', input);
      countries.set('dk', sampleCountry());
      organisations.set('org-dk-mfa', sampleOrganisation());
      contacts.set('con-dk-fp', sampleContact());
      changed();
      return ok({ countries: 1, organisations: 1, contacts: 1 });
    },
    'directory.countries.list': async (input) => {
      record('directory.countries.list', input);
      return ok([...countries.values()].sort((a, b) => a.name.localeCompare(b.name)).map(summary));
    },
    'directory.countries.get': async (input) => {
      record('directory.countries.get', input);
      const country = countries.get(input.id.toLowerCase());
      if (country === undefined) return fail<CountryPage>('not-found', 'No such country.');
      const live = [...contacts.values()].filter((contact) => contact.countryId === country.id && contact.deletedAt === null);
      const ofCountry = [...organisations.values()].filter((organisation) => organisation.countryId === country.id);
      const node = (organisation: Organisation): CountryPage['stakeholderMap'][number] => ({
        organisation: organisationRow(organisation),
        contacts: live.filter((contact) => contact.organisationId === organisation.id).map(row),
        children: ofCountry.filter((child) => child.parentId === organisation.id).map(node),
      });
      return ok({
        country,
        focalPoints: live.filter((contact) => contact.roles.includes('focal-point')).map(row),
        stakeholderMap: ofCountry.filter((organisation) => organisation.parentId === '').map(node),
        otherContacts: live.filter((contact) => contact.organisationId === '').map(row),
      });
    },
    'directory.organisations.list': async (input) => {
      record('directory.organisations.list', input);
      return ok([...organisations.values()].sort((a, b) => a.name.localeCompare(b.name)).map(organisationRow));
    },
    'directory.organisations.get': async (input) => {
      record('directory.organisations.get', input);
      const organisation = organisations.get(input.id);
      return organisation === undefined ? fail('not-found', 'No such organisation.') : ok(organisationDetail(organisation));
    },
    'directory.organisations.create': async (input) => {
      record('directory.organisations.create', input);
      const organisation = sampleOrganisation({ ...input.organisation, id: `org-new-${nextId++}`, demo: false });
      organisations.set(organisation.id, organisation);
      emit({ name: 'directory.changed', payload: { collections: ['organisations'] } });
      return ok(organisationDetail(organisation));
    },
    'directory.organisations.update': async (input) => {
      record('directory.organisations.update', input);
      const existing = organisations.get(input.id);
      if (existing === undefined) return fail('not-found', 'No such organisation.');
      const next: Organisation = { ...existing, ...input.changes };
      organisations.set(next.id, next);
      return ok(organisationDetail(next));
    },
    'directory.organisations.delete': async (input) => {
      record('directory.organisations.delete', input);
      const existing = organisations.get(input.id);
      if (existing === undefined) return fail('not-found', 'No such organisation.');
      const next = { ...existing, deletedAt: stamp };
      organisations.set(next.id, next);
      return ok(organisationDetail(next));
    },
    'directory.organisations.restore': async (input) => {
      record('directory.organisations.restore', input);
      const existing = organisations.get(input.id);
      if (existing === undefined) return fail('not-found', 'No such organisation.');
      const next = { ...existing, deletedAt: null };
      organisations.set(next.id, next);
      return ok(organisationDetail(next));
    },
    'directory.contacts.get': async (input) => {
      record('directory.contacts.get', input);
      const contact = contacts.get(input.id);
      return contact === undefined ? fail('not-found', 'No such contact.') : ok(detail(contact));
    },
    'directory.contacts.create': async (input) => {
      record('directory.contacts.create', input);
      const contact = sampleContact({ ...(input.contact as Partial<FakeContact>), id: `con-new-${nextId++}`, demo: false });
      contacts.set(contact.id, contact);
      changed();
      return ok(detail(contact));
    },
    'directory.contacts.update': async (input) => {
      record('directory.contacts.update', input);
      return write(input.id, input.changes as Partial<FakeContact>);
    },
    'directory.contacts.delete': async (input) => {
      record('directory.contacts.delete', input);
      return write(input.id, { deletedAt: stamp });
    },
    'directory.contacts.restore': async (input) => {
      record('directory.contacts.restore', input);
      return write(input.id, { deletedAt: null });
    },
    'directory.contacts.watch': async (input) => {
      record('directory.contacts.watch', input);
      const id = `sub-${nextId++}`;
      subscriptions.set(id, { filter: input.filter, range: input.range });
      return ok(window(id));
    },
    'directory.contacts.rewatch': async (input) => {
      record('directory.contacts.rewatch', input);
      const subscription = subscriptions.get(input.subscriptionId);
      if (subscription === undefined) return fail<ContactWindow>('not-found', 'No such list.');
      subscriptions.set(input.subscriptionId, { filter: input.filter ?? subscription.filter, range: input.range });
      return ok(window(input.subscriptionId));
    },
    'directory.contacts.unwatch': async (input) => {
      record('directory.contacts.unwatch', input);
      return ok({ stopped: subscriptions.delete(input.subscriptionId) });
    },
    'directory.search': async (input) => {
      record('directory.search', input);
      const wanted = fold(input.text.trim());
      const hits: SearchHit[] = [
        ...[...countries.values()]
          .filter((country) => fold(country.name).includes(wanted))
          .map((country): SearchHit => ({ kind: 'country', id: country.id, label: country.name, detail: country.region })),
        ...[...organisations.values()]
          .filter((organisation) => organisation.deletedAt === null && fold(organisation.name).includes(wanted))
          .map((organisation): SearchHit => ({ kind: 'organisation', id: organisation.id, label: organisation.name, detail: organisation.kind })),
        ...matching({ search: input.text }).map(
          (contact): SearchHit => ({ kind: 'contact', id: contact.id, label: contact.displayName, detail: contact.countryName }),
        ),
      ];
      return ok({ hits: hits.slice(0, input.limit ?? 20), tookMs: 1 });
    },
    'directory.import.preview': async (input) => {
      record('directory.import.preview', input);
      return nextPreview === null ? fail('invalid-input', 'No preview prepared by the test.') : ok(nextPreview);
    },
    'directory.import.commit': async (input) => {
      record('directory.import.commit', input);
      return ok({ created: nextPreview?.counts.create ?? 0, updated: nextPreview?.counts.update ?? 0, skipped: nextPreview?.counts.skip ?? 0, createdIds: [] });
    },
    'directory.export.vcard': async (input) => {
      record('directory.export.vcard', input);
      const rows = matching(input.filter ?? {});
      const text = rows.map((contact) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${contact.displayName}\r\nEND:VCARD\r\n`).join('');
      return ok({ text, count: rows.length });
    },
  };

  return {
    handlers,
    ...wiring.exposed,
    /** What the next `directory.import.preview` answers (and the commit reports). */
    preparePreview: (preview: ImportPreview) => {
      nextPreview = preview;
    },
    liveLists: () => subscriptions.size,
    contact: (id: string) => contacts.get(id),
  };
}

export type FakeDirectory = ReturnType<typeof fakeDirectory>;
