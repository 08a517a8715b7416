import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactInput, type ContactFields } from '../../../../shared/domain/directory-input';
import { channelKinds, contactRoles, type Contact } from '../../../../shared/schemas/contact';
import type { Organisation } from '../../../../shared/schemas/organisation';
import { contact, countries, organisation, organisations } from './fixtures/directory';
import type { DirectorySnapshot, ExportableContact } from './interchange-types';
import { normaliseKey } from './normalise-key';
import { planImport } from './plan-import';
import { exportVCards } from './vcard-export';
import { parseVCardFile } from './vcard-import';

/**
 * exportVCards → parseVCardFile → planImport, over random contacts whose text holds accents, emoji, commas,
 * semicolons, colons, backslashes, quotes, carets and line breaks: against the directory they came from, every card
 * is a duplicate with nothing to add; against that directory without its contacts, every card creates a contact whose
 * fields equal the original's.
 */

/** Characters vCard must escape or that folding and unfolding could break, and text from many scripts. */
const TRICKY = [',', ';', ':', '\\', '\\n', '\n', '"', '^', '=', ' ', '\t', '\u2028', 'é', 'ø', 'ß', 'Ç', 'e\u0301', '漢', 'ع', '😀', '👩‍⚕️', 'ᄀ'];

/** Texts a directory may hold; not the two marks the import refuses a whole file for (see text-checks.ts). */
const text = (maxLength: number) =>
  fc
    .string({ unit: fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength })
    .filter((value) => !value.includes('\uFFFD') && !/Ã[\u0080-\u00BF]|â€/.test(value));

const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,10}[a-z0-9])?$/), fc.stringMatching(/^[a-z]{1,10}$/), fc.constantFrom('org', 'int', 'gov.gh', 'DK'))
  .filter(([local]) => !local.includes('..'))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

const phone = fc.stringMatching(/^[+0-9 ().\-/x]{3,40}$/);
const kind = fc.constantFrom(...channelKinds);
const language = fc.stringMatching(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/);

/** Organisations the contacts may belong to: the fixture's, and international ones with tricky names. */
const ORG_CHOICES: readonly (readonly [string, string])[] = [
  ['', ''],
  ['org-osapg', ''],
  ['org-gcr2p', ''],
  ['org-um', 'dk'],
  ['org-um-legal', 'dk'],
  ['org-mofa-jp', 'jp'],
  ['org-mofa-jp-hr', 'jp'],
  ['org-mofa-gh', 'gh'],
];

const fieldsArbitrary = fc
  .record({
    honorific: text(12),
    givenName: text(30),
    familyName: text(30),
    displayName: text(60),
    title: text(80),
    roles: fc.subarray([...contactRoles]),
    emails: fc.array(fc.record({ value: email, kind }), { maxLength: 3 }),
    phones: fc.array(fc.record({ value: phone, kind }), { maxLength: 3 }),
    languages: fc.array(language, { maxLength: 3 }),
    appointedOn: fc.option(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
    notes: text(300),
    tags: fc.uniqueArray(text(20), { maxLength: 4, selector: (tag) => tag.trim().toLowerCase() }),
    organisation: fc.oneof(fc.constantFrom(...ORG_CHOICES), fc.constant(['random', ''] as const)),
    countryId: fc.constantFrom('', ...countries.map((c) => c.id)),
    randomOrganisation: text(40),
  })
  .map(({ organisation: [organisationId, organisationCountry], countryId, randomOrganisation, ...fields }) => ({
    fields,
    organisationId,
    countryId: organisationCountry === '' ? countryId : organisationCountry,
    randomOrganisation,
  }));

interface Generated {
  readonly original: ContactFields;
  readonly randomOrganisation: string;
}

/** Canonical fields (what contactInput makes of the draw), or null when the draw is not a valid contact. */
function canonical(input: unknown): ContactFields | null {
  const parsed = contactInput.safeParse(input);
  return parsed.success ? parsed.data : null;
}

function toInput(draw: { fields: Record<string, unknown>; organisationId: string; countryId: string }): Record<string, unknown> {
  return { ...draw.fields, organisationId: draw.organisationId === 'random' ? '' : draw.organisationId, countryId: draw.countryId };
}

const fixtureKeys = new Set(organisations.flatMap((o) => [normaliseKey(o.name), normaliseKey(o.acronym)]));

const generated = fc
  .array(fieldsArbitrary, { minLength: 1, maxLength: 6 })
  .map((draws) =>
    draws.flatMap((draw): Generated[] => {
      const original = canonical(toInput(draw));
      if (original === null) return [];
      const randomName = draw.organisationId === 'random' ? draw.randomOrganisation.trim() : '';
      if (draw.organisationId === 'random' && (normaliseKey(randomName) === '' || fixtureKeys.has(normaliseKey(randomName)))) return [];
      return [{ original, randomOrganisation: randomName }];
    }),
  )
  // Two contacts of one list must not be duplicates of each other (same e-mail, or same name and country), and two
  // random organisations must not share a name.
  .filter((list) => {
    if (list.length === 0) return false;
    const emails = list.flatMap((g) => g.original.emails.map((e) => e.value.toLowerCase()));
    const names = list.map((g) => `${g.original.countryId}|${normaliseKey(g.original.displayName)}`);
    const orgs = list.filter((g) => g.randomOrganisation !== '').map((g) => normaliseKey(g.randomOrganisation));
    return new Set(emails).size === emails.length && new Set(names).size === names.length && new Set(orgs).size === orgs.length;
  });

/** The directory the contacts live in, and what the export is given for each. */
function directoryOf(list: readonly Generated[]): { snapshot: DirectorySnapshot; exportable: ExportableContact[]; contacts: Contact[] } {
  const extra: Organisation[] = [];
  const contacts: Contact[] = list.map((g, i) => {
    let organisationId = g.original.organisationId;
    if (g.randomOrganisation !== '') {
      organisationId = `org-r${i}`;
      extra.push(organisation({ id: organisationId, name: g.randomOrganisation, kind: 'other' }));
    }
    return contact({ ...g.original, organisationId, id: `con-${i}`, updatedAt: '2024-03-12T10:15:30.123Z' });
  });
  const allOrganisations = [...organisations, ...extra];
  const byId = new Map(allOrganisations.map((o) => [o.id, o]));
  const pathOf = (id: string): string[] => {
    const found = byId.get(id);
    return found === undefined ? [] : [...pathOf(found.parentId), found.name];
  };
  const exportable = contacts.map((c) => {
    const found = countries.find((country) => country.id === c.countryId);
    return { contact: c, organisationPath: pathOf(c.organisationId), countryName: found?.name ?? '', countryCode: found?.code ?? '' };
  });
  return { snapshot: { contacts, organisations: allOrganisations, countries }, exportable, contacts };
}

describe('vCard round trip (fast-check)', () => {
  it('re-imports an export into an empty directory as creates whose fields equal the originals', () => {
    fc.assert(
      fc.property(generated, (list) => {
        const { snapshot, exportable, contacts } = directoryOf(list);
        const parsed = parseVCardFile(exportVCards(exportable));
        expect(parsed.records.map((r) => r.errors)).toEqual(list.map(() => []));
        const plan = planImport(parsed, { ...snapshot, contacts: [] });
        expect(plan.rows.map((r) => r.action)).toEqual(list.map(() => 'create'));
        const originals = contacts.map((c) => {
          const { id: _id, demo: _demo, deletedAt: _deletedAt, updatedAt: _updatedAt, ...fields } = c;
          return fields;
        });
        expect(plan.creates.map((c) => c.fields)).toEqual(originals);
        expect(plan.creates.map((c) => [c.organisationName, c.departmentName])).toEqual(
          exportable.map((e) => [e.organisationPath[0] ?? '', e.organisationPath.length > 1 ? (e.organisationPath.at(-1) ?? '') : '']),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('re-imports an export into the directory it came from as skips only ("same as …")', () => {
    fc.assert(
      fc.property(generated, (list) => {
        const { snapshot, exportable, contacts } = directoryOf(list);
        const plan = planImport(parseVCardFile(exportVCards(exportable)), snapshot);
        expect(plan.rows.map((r) => [r.action, r.messages, r.matchesContactId])).toEqual(
          contacts.map((c) => ['skip', [`same as ${c.displayName}`], c.id]),
        );
        expect(plan.creates).toEqual([]);
        expect(plan.updates).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('normalises CR and CRLF line breaks to LF, and drops control characters vCard cannot carry', () => {
    const list: Generated[] = [
      {
        original: { ...(canonical(toInput({ fields: { displayName: 'A\u0007B' }, organisationId: '', countryId: '' })) as ContactFields), notes: 'one\r\ntwo\rthree' },
        randomOrganisation: '',
      },
    ];
    const { exportable } = directoryOf(list);
    const [record] = parseVCardFile(exportVCards(exportable)).records;
    expect(record?.contact?.fields).toMatchObject({ displayName: 'AB', notes: 'one\ntwo\nthree' });
  });
});
