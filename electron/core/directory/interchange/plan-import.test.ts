import { describe, expect, it } from 'vitest';
import type { ContactFields } from '../../../../shared/domain/directory-input';
import { parseCsvFile } from './csv-import';
import { contact, countries, directory, emptyDirectory, fixtureText, organisations } from './fixtures/directory';
import type { ImportedContact, ParsedFile } from './interchange-types';
import { planImport } from './plan-import';
import { parseVCardFile } from './vcard-import';

const baseFields: ContactFields = {
  honorific: '',
  givenName: '',
  familyName: '',
  displayName: '',
  title: '',
  organisationId: '',
  countryId: '',
  roles: [],
  emails: [],
  phones: [],
  languages: [],
  appointedOn: null,
  notes: '',
  tags: [],
};

/** A file of records built directly, for rules that need no parsing. */
function file(...contacts: (Partial<ContactFields> & Partial<Omit<ImportedContact, 'fields'>> & { displayName: string })[]): ParsedFile {
  return {
    format: 'csv',
    columns: [],
    mapping: {},
    delimiter: ',',
    records: contacts.map(({ organisationName = '', departmentName = '', countryText = '', ...fields }, i) => ({
      record: i + 1,
      line: i + 2,
      errors: [],
      contact: { fields: { ...baseFields, ...fields }, organisationName, departmentName, countryText },
    })),
  };
}

describe('planImport: duplicates', () => {
  it('matches an existing contact by e-mail regardless of case, and updates it with what the record adds', () => {
    const plan = planImport(
      file({
        displayName: 'Dr. J. Müller',
        countryText: 'CH',
        emails: [{ value: 'JUERG.MUELLER@eda.admin.ch', kind: 'work' }],
        phones: [
          { value: '+41-58-462-30-50', kind: 'work' },
          { value: '+41 79 555 12 34', kind: 'mobile' },
        ],
        honorific: 'Dr.',
        title: 'Head of Division',
        tags: ['R2P'],
      }),
      directory,
    );
    expect(plan.rows).toEqual([
      {
        record: 1,
        line: 2,
        action: 'update',
        displayName: 'Dr. J. Müller',
        messages: ['adds to Jürg Müller: honorific, title "Head of Division", phone +41 79 555 12 34, tag R2P'],
        issues: [
          {
            code: 'adds-to',
            params: { name: 'Jürg Müller' },
            items: [
              { field: 'honorific' },
              { field: 'title', value: 'Head of Division' },
              { field: 'phone', value: '+41 79 555 12 34' },
              { field: 'tags', value: 'R2P' },
            ],
            message: 'adds to Jürg Müller: honorific, title "Head of Division", phone +41 79 555 12 34, tag R2P',
          },
        ],
        matchesContactId: 'con-juerg',
      },
    ]);
    expect(plan.updates).toEqual([
      {
        record: 1,
        id: 'con-juerg',
        changes: {
          honorific: 'Dr.',
          title: 'Head of Division',
          phones: [
            { value: '+41 58 462 30 50', kind: 'work' },
            { value: '+41 79 555 12 34', kind: 'mobile' },
          ],
          tags: ['R2P'],
        },
      },
    ]);
    expect(plan.creates).toEqual([]);
    expect(plan.counts).toEqual({ create: 0, update: 1, skip: 0, error: 0 });
  });

  it('matches by display name without accents or case in the same country, and skips a record adding nothing', () => {
    const plan = planImport(
      file(
        { displayName: 'METTE SØRENSEN', countryText: 'Denmark', title: 'Chefkonsulent' },
        { displayName: 'Mette Sørensen', countryText: 'Sweden' },
      ),
      directory,
    );
    expect(plan.rows.map((r) => [r.action, r.messages, r.matchesContactId])).toEqual([
      ['skip', ['same as Mette Sorensen'], 'con-mette'],
      ['create', [], null],
    ]);
    expect(plan.creates.map((c) => c.fields.countryId)).toEqual(['se']);
  });

  it('does not count deleted contacts as duplicates', () => {
    const plan = planImport(file({ displayName: 'Amélie Dubois', countryText: 'FR', emails: [{ value: 'amelie.dubois@diplomatie.gouv.fr', kind: 'work' }] }), directory);
    expect(plan.rows[0]?.action).toBe('create');
  });

  it('skips the second of two records of the same person in one file', () => {
    const plan = planImport(
      file(
        { displayName: 'Kofi Boateng', countryText: 'GH', emails: [{ value: 'k.boateng@mfa.gov.gh', kind: 'work' }] },
        { displayName: 'K. Boateng', countryText: 'GH', emails: [{ value: 'K.Boateng@mfa.gov.gh', kind: 'home' }] },
        { displayName: 'Kofi Boateng', countryText: 'Ghana' },
        { displayName: 'Mette Sørensen', countryText: 'DK' },
        { displayName: 'Mette Sorensen', countryText: 'DK', title: 'Head of Section' },
      ),
      directory,
    );
    expect(plan.rows.map((r) => [r.action, r.messages, r.matchesContactId])).toEqual([
      ['create', [], null],
      ['skip', ['same as Kofi Boateng (record 1 of this file)'], null],
      ['skip', ['same as Kofi Boateng (record 1 of this file)'], null],
      ['skip', ['same as Mette Sorensen'], 'con-mette'],
      ['skip', ['same as Mette Sorensen (record 4 of this file)'], 'con-mette'],
    ]);
    expect(plan.rows.map((r) => r.issues.map((issue) => [issue.code, issue.params]))).toEqual([
      [],
      [['duplicate-in-file', { name: 'Kofi Boateng', record: 1 }]],
      [['duplicate-in-file', { name: 'Kofi Boateng', record: 1 }]],
      [['duplicate-of', { name: 'Mette Sorensen' }]],
      [['duplicate-in-file', { name: 'Mette Sorensen', record: 4 }]],
    ]);
    expect(plan.counts).toEqual({ create: 1, update: 0, skip: 4, error: 0 });
  });
});

describe('planImport: countries and organisations', () => {
  it('resolves countries by code, English name, local names, and reports an unknown one on field country', () => {
    const plan = planImport(
      file(
        { displayName: 'A', countryText: 'dk' },
        { displayName: 'B', countryText: 'Danemark' },
        { displayName: 'C', countryText: 'Schweiz' },
        { displayName: 'D', countryText: "côte d'ivoire" },
        { displayName: 'E', countryText: 'Atlantis' },
        { displayName: 'F', countryText: 'ZZ' },
        { displayName: 'G', countryText: 'USA' },
        { displayName: 'H', countryText: 'Sénégal' },
        { displayName: 'I', countryText: 'Czech Republic' },
      ),
      emptyDirectory,
    );
    expect(plan.rows.map((r) => [r.displayName, r.action, r.messages])).toEqual([
      ['A', 'create', []],
      ['B', 'create', []],
      ['C', 'create', []],
      ['D', 'error', ['country: unknown country "côte d\'ivoire": use a two-letter ISO code such as DK, or the country\'s name']],
      ['E', 'error', ['country: unknown country "Atlantis": use a two-letter ISO code such as DK, or the country\'s name']],
      ['F', 'error', ['country: "ZZ" is not an ISO 3166 country code']],
      ['G', 'create', []],
      ['H', 'create', []],
      ['I', 'create', []],
    ]);
    expect(plan.creates.map((c) => c.fields.countryId)).toEqual(['dk', 'dk', 'ch', 'us', 'sn', 'cz']);
    expect(plan.rows.slice(4, 6).map((r) => r.issues.map((issue) => [issue.code, issue.field, issue.params]))).toEqual([
      [['unknown-country', 'country', { value: 'Atlantis' }]],
      [['country-not-in-directory', 'country', { value: 'ZZ' }]],
    ]);
  });

  it('links an existing organisation of the same country or an international one, by name or acronym, down to a department', () => {
    const plan = planImport(
      file(
        { displayName: 'A', countryText: 'JP', organisationName: 'Ministry of Foreign Affairs', departmentName: 'Human Rights and Humanitarian Affairs Division' },
        { displayName: 'B', countryText: 'GH', organisationName: 'ministry of foreign affairs' },
        { displayName: 'C', countryText: 'DK', organisationName: 'UM', departmentName: 'Juridisk tjeneste' },
        { displayName: 'D', countryText: 'US', organisationName: 'OSAPG' },
        { displayName: 'E', organisationName: 'Global Centre for the Responsibility to Protect' },
        { displayName: 'F', countryText: 'JP', organisationName: 'Ministry of Foreign Affairs', departmentName: 'Treaties Division' },
        { displayName: 'G', countryText: 'FR', organisationName: 'Ministry of Foreign Affairs' },
        { displayName: 'H', countryText: 'SE', organisationName: 'Utrikesdepartementet' },
      ),
      emptyDirectory,
    );
    expect(plan.creates.map((c) => [c.fields.organisationId, c.organisationName, c.departmentName])).toEqual([
      ['org-mofa-jp-hr', 'Ministry of Foreign Affairs', 'Human Rights and Humanitarian Affairs Division'],
      ['org-mofa-gh', 'ministry of foreign affairs', ''],
      ['org-um-legal', 'UM', 'Juridisk tjeneste'],
      ['org-osapg', 'OSAPG', ''],
      ['org-gcr2p', 'Global Centre for the Responsibility to Protect', ''],
      ['', 'Ministry of Foreign Affairs', 'Treaties Division'],
      ['', 'Ministry of Foreign Affairs', ''],
      ['', 'Utrikesdepartementet', ''],
    ]);
    expect(plan.rows[5]?.messages).toEqual(['new organisation: Ministry of Foreign Affairs › Treaties Division']);
    expect(plan.rows[5]?.issues).toEqual([
      {
        code: 'new-organisation',
        field: 'organisation',
        params: { path: 'Ministry of Foreign Affairs › Treaties Division' },
        message: 'new organisation: Ministry of Foreign Affairs › Treaties Division',
      },
    ]);
  });
});

describe('planImport: files', () => {
  it('plans the Outlook vCards against the directory: an update, a create despite a deleted twin, a create', () => {
    const plan = planImport(parseVCardFile(fixtureText('outlook.vcf')), directory);
    expect(plan.rows.map((r) => [r.record, r.line, r.action, r.displayName, r.matchesContactId])).toEqual([
      [1, 1, 'update', 'Dr. Jürg Müller', 'con-juerg'],
      [2, 21, 'create', 'Amélie Dubois', null],
      [3, 36, 'create', 'Chinedu Okafor', null],
    ]);
    expect(plan.updates[0]?.changes).toEqual({
      honorific: 'Dr.',
      phones: [
        { value: '+41 58 462 30 50', kind: 'work' },
        { value: '+41 79 555 12 34', kind: 'mobile' },
        { value: '+41 58 464 90 47', kind: 'fax' },
      ],
      notes: 'Nationaler R2P-Fokalpunkt seit 2013.\nZuständig für das Netzwerk der Fokalpunkte.',
    });
    // The ministry exists, its "Direction des Nations unies" does not: nothing is linked, the names go to the service.
    expect(plan.creates[0]?.fields).toMatchObject({ countryId: 'fr', organisationId: '', displayName: 'Amélie Dubois' });
    expect(plan.creates[0]?.departmentName).toBe('Direction des Nations unies');
    expect(plan.rows[1]?.messages).toEqual([
      "new organisation: Ministère de l'Europe et des Affaires étrangères › Direction des Nations unies",
    ]);
    expect(plan.creates[1]?.fields).toMatchObject({ countryId: 'ng', organisationId: '' });
    expect(plan.creates[1]?.organisationName).toBe('Federal Ministry of Foreign Affairs');
  });

  it('plans Apple cards: an accent-insensitive name match fills the contact in; a new card links its organisation', () => {
    const plan = planImport(parseVCardFile(fixtureText('apple.vcf')), directory);
    expect(plan.rows.map((r) => [r.action, r.matchesContactId])).toEqual([
      ['update', 'con-mette'],
      ['create', null],
    ]);
    expect(plan.updates[0]?.changes).toMatchObject({
      givenName: 'Mette',
      familyName: 'Sørensen',
      organisationId: 'org-um-legal',
      emails: [
        { value: 'mets@um.dk', kind: 'other' },
        { value: 'mette.sorensen@example.dk', kind: 'home' },
      ],
      tags: ['R2P', 'Nordic'],
    });
    expect(plan.updates[0]?.changes.title).toBeUndefined();
    expect(plan.creates[0]?.fields).toMatchObject({ countryId: 'jp', organisationId: '', displayName: 'Haruto Nakamura' });
  });

  it('shows row-level errors before anything is written, and counts every action', () => {
    const plan = planImport(parseCsvFile(fixtureText('bad-records.csv')), directory);
    expect(plan.rows.map((r) => [r.line, r.action, r.displayName, r.messages.length])).toEqual([
      [2, 'error', 'Jane Doe', 1],
      [3, 'error', 'Pedro Alves', 1],
      [4, 'error', '', 1],
      [5, 'error', 'Sara Lindqvist', 1],
      [6, 'error', 'Kofi Boateng', 1],
      [7, 'create', 'Akua Mensah', 0],
      [8, 'error', 'Ministry of Foreign Affairs', 4],
    ]);
    expect(plan.rows[1]?.messages).toEqual(['country: unknown country "Atlantis": use a two-letter ISO code such as DK, or the country\'s name']);
    expect(plan.counts).toEqual({ create: 1, update: 0, skip: 0, error: 6 });
    expect(plan.creates.map((c) => c.fields.displayName)).toEqual(['Akua Mensah']);
  });

  it('keeps lists within their limits and says what did not fit', () => {
    const full = contact({
      id: 'con-full',
      displayName: 'Full Person',
      countryId: 'ch',
      emails: Array.from({ length: 10 }, (_, i) => ({ value: `p${i}@example.org`, kind: 'work' as const })),
    });
    const plan = planImport(
      file({ displayName: 'Full Person', countryText: 'CH', emails: [{ value: 'p0@example.org', kind: 'work' }, { value: 'new@example.org', kind: 'work' }] }),
      { contacts: [full], organisations, countries },
    );
    expect(plan.rows[0]?.messages).toEqual(['same as Full Person', 'not added (the list is full): email new@example.org']);
    expect(plan.rows[0]?.issues[1]).toEqual({
      code: 'list-full',
      items: [{ field: 'email', value: 'new@example.org' }],
      message: 'not added (the list is full): email new@example.org',
    });
  });
});
