// A deterministic directory for the search bench: 20,000 contacts by default, named in the scripts their countries
// write (Latin with accents, Cyrillic, Arabic, Chinese, Japanese, Korean, Greek, Hebrew, Thai), with titles,
// organisations (ministries, missions, departments; foreign ministries in their own language), sixty real countries
// and tags.
import type { SearchDocument } from '../../electron/core/search/index';
import { COUNTRIES, type BenchCountry } from './countries';
import { NAME_POOLS } from './name-pools';
import { createPrng, type Prng } from './prng';

export interface BenchOrganisation {
  readonly id: string;
  readonly name: string;
  /** '' for an international organisation. */
  readonly countryId: string;
}

export interface BenchContact {
  readonly id: string;
  readonly displayName: string;
  readonly title: string;
  readonly organisationId: string;
  readonly countryId: string;
  readonly tags: readonly string[];
}

export interface BenchDirectory {
  readonly countries: readonly BenchCountry[];
  readonly organisations: readonly BenchOrganisation[];
  readonly contacts: readonly BenchContact[];
}

/** Search weights, as the directory screen ranks fields. */
export const FIELD_WEIGHTS = { name: 3, title: 2, organisation: 1.5, country: 1.5, tags: 1 } as const;

const NATIONAL_BODIES = [
  'Permanent Mission of {country} to the United Nations',
  'Ministry of Justice',
  'Ministry of Defence',
  'National Human Rights Commission of {country}',
  'Office of the President, {country}',
  'Department of Peace and Security',
  'Directorate for Multilateral Affairs',
];

const INTERNATIONAL_BODIES = [
  'Office on Genocide Prevention and the Responsibility to Protect',
  'Global Centre for the Responsibility to Protect',
  'African Union Commission — Political Affairs, Peace and Security',
  'Organization for Security and Co-operation in Europe',
  'Office of the United Nations High Commissioner for Human Rights (OHCHR)',
  'Asia Pacific Centre for the Responsibility to Protect',
  'Stanley Center for Peace and Security',
  'International Coalition for the Responsibility to Protect (ICRtoP)',
];

const TITLES = [
  'Ambassador',
  'Ambassador and Permanent Representative',
  'Deputy Permanent Representative',
  'Minister Counsellor',
  'Counsellor',
  'First Secretary',
  'Second Secretary',
  'Legal Adviser',
  'Director, Human Rights Department',
  'Head of Division for Atrocity Prevention',
  'Desk Officer, United Nations Affairs',
  'Programme Officer',
  'Special Adviser on the Responsibility to Protect',
  'Under-Secretary for Multilateral Affairs',
  "Chargé d'affaires a.i.",
  'Directrice des affaires juridiques',
  'Conseiller politique',
  'Consejera de Derechos Humanos',
  'Посол',
  'Советник',
  'مستشار',
  'سفير',
  '参赞',
  '一等秘书',
  '参事官',
  'Σύμβουλος',
  'יועץ משפטי',
  'ที่ปรึกษา',
];

const TAGS = [
  'focal-point',
  'alternate',
  'secretariat',
  'stakeholder',
  'un',
  'civil-society',
  'friends-of-r2p',
  'ga-debate-2024',
  'ga-debate-2025',
  'early-warning',
  'training',
  'regional-forum',
  'women-peace-security',
  'atrocity-prevention',
  'annual-meeting',
  'steering-group',
];

function organisationsOf(next: Prng): BenchOrganisation[] {
  const organisations: BenchOrganisation[] = [];
  for (const country of COUNTRIES) {
    organisations.push({
      id: `org-${country.id}-mfa`,
      name: country.foreignMinistry ?? `Ministry of Foreign Affairs of ${country.name}`,
      countryId: country.id,
    });
    // Three to five more bodies per country.
    const count = 3 + next.below(3);
    const start = next.below(NATIONAL_BODIES.length);
    for (let i = 0; i < count; i += 1) {
      const template = NATIONAL_BODIES[(start + i) % NATIONAL_BODIES.length] ?? '';
      organisations.push({ id: `org-${country.id}-${i}`, name: template.replace('{country}', country.name), countryId: country.id });
    }
  }
  INTERNATIONAL_BODIES.forEach((name, i) => organisations.push({ id: `org-int-${i}`, name, countryId: '' }));
  return organisations;
}

function personName(next: Prng, country: BenchCountry): string {
  const pool = NAME_POOLS[next.pick(country.nameScripts)];
  let given = next.pick(pool.given);
  if (pool.givenSyllables !== undefined && next.chance(0.5)) given = next.pick(pool.givenSyllables) + next.pick(pool.givenSyllables);
  if (pool.separator === ' ' && next.chance(0.12)) given = `${given}${next.chance(0.5) ? '-' : ' '}${next.pick(pool.given)}`;
  let family = next.pick(pool.family);
  if (pool.syllables.length > 0 && next.chance(pool.madeUpShare)) {
    const parts = Array.from({ length: 2 + next.below(2) }, () => next.pick(pool.syllables)).join('');
    family = (parts[0] ?? '').toUpperCase() + parts.slice(1);
  }
  return pool.familyFirst ? `${family}${pool.separator}${given}` : `${given}${pool.separator}${family}`;
}

/** The same `contactCount` contacts (and their organisations and countries) for the same `seed`. */
export function generateDirectory(contactCount: number, seed: number): BenchDirectory {
  const next = createPrng(seed);
  const organisations = organisationsOf(next);
  const byCountry = new Map<string, BenchOrganisation[]>();
  for (const organisation of organisations) {
    const list = byCountry.get(organisation.countryId) ?? [];
    list.push(organisation);
    byCountry.set(organisation.countryId, list);
  }
  const contacts: BenchContact[] = [];
  for (let i = 0; i < contactCount; i += 1) {
    const international = next.chance(0.06);
    const country = next.pick(COUNTRIES);
    const organisation = next.pick(byCountry.get(international ? '' : country.id) ?? organisations);
    const tags = new Set<string>();
    const tagCount = next.below(4);
    for (let t = 0; t < tagCount; t += 1) tags.add(next.pick(TAGS));
    contacts.push({
      id: `con-${i.toString(36).padStart(6, '0')}`,
      displayName: personName(next, country),
      title: next.chance(0.9) ? next.pick(TITLES) : '',
      organisationId: organisation.id,
      countryId: international ? '' : country.id,
      tags: [...tags],
    });
  }
  return { countries: COUNTRIES, organisations, contacts };
}

/** The directory as search documents: contacts, organisations and countries, weighted as FIELD_WEIGHTS says. */
export function toSearchDocuments(directory: BenchDirectory): SearchDocument[] {
  const countryName = new Map(directory.countries.map((country) => [country.id, country.name]));
  const organisationName = new Map(directory.organisations.map((organisation) => [organisation.id, organisation.name]));
  const documents: SearchDocument[] = directory.contacts.map((contact) => contactDocument(contact, countryName, organisationName));
  for (const organisation of directory.organisations) {
    documents.push({
      kind: 'organisation',
      id: organisation.id,
      fields: [
        { text: organisation.name, weight: FIELD_WEIGHTS.name },
        { text: countryName.get(organisation.countryId) ?? '', weight: FIELD_WEIGHTS.country },
      ],
    });
  }
  for (const country of directory.countries) {
    documents.push({
      kind: 'country',
      id: country.id,
      fields: [
        { text: country.name, weight: FIELD_WEIGHTS.name },
        { text: country.id, weight: FIELD_WEIGHTS.tags },
      ],
    });
  }
  return documents;
}

/** One contact as a search document (also used to build edited versions of it). */
export function contactDocument(
  contact: BenchContact,
  countryName: ReadonlyMap<string, string>,
  organisationName: ReadonlyMap<string, string>,
): SearchDocument {
  return {
    kind: 'contact',
    id: contact.id,
    fields: [
      { text: contact.displayName, weight: FIELD_WEIGHTS.name },
      { text: contact.title, weight: FIELD_WEIGHTS.title },
      { text: organisationName.get(contact.organisationId) ?? '', weight: FIELD_WEIGHTS.organisation },
      { text: countryName.get(contact.countryId) ?? '', weight: FIELD_WEIGHTS.country },
      { text: contact.tags.join(' '), weight: FIELD_WEIGHTS.tags },
    ],
  };
}
