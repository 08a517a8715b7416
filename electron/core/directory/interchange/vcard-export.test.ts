import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { contact } from './fixtures/directory';
import type { ExportableContact } from './interchange-types';
import { exportVCards, telUri } from './vcard-export';

const juerg: ExportableContact = {
  contact: contact({
    id: 'con-01hx5v3k9q',
    displayName: 'Jürg Müller',
    honorific: 'Dr.',
    givenName: 'Jürg',
    familyName: 'Müller',
    title: 'Head, Division; Peace \\ Human Rights',
    countryId: 'ch',
    organisationId: 'org-fdfa-peace',
    roles: ['focal-point', 'alternate'],
    emails: [
      { value: 'juerg.mueller@eda.admin.ch', kind: 'work' },
      { value: 'jm@example.ch', kind: 'home' },
    ],
    phones: [
      { value: '+41 58 462 30 50', kind: 'work' },
      { value: '+41-79-555-12-34', kind: 'mobile' },
      { value: '+41 58 464 90 47 x12', kind: 'fax' },
    ],
    languages: ['de', 'fr'],
    appointedOn: '2013-05-14',
    notes: 'Focal point since 2013, re-appointed 2019; see "R2P\\2019".\r\nPrefers calls.',
    tags: ['R2P, Europe', 'Dialogue;2024'],
    updatedAt: '2024-03-12T10:15:30.123Z',
  }),
  organisationPath: ['Federal Department of Foreign Affairs', 'Peace; Human Rights Division'],
  countryName: 'Switzerland',
  countryCode: 'CH',
};

const unfold = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('exportVCards', () => {
  const text = exportVCards([juerg]);
  const lines = unfold(text);

  it('writes vCard 4.0 with CRLF line endings, every line at most 75 octets', () => {
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ICAL.foldLength).toBe(75); // restored after the call
  });

  it('writes names, organisation path, kinds, tel: URIs and the Focal Desk extensions, escaped per RFC 6350', () => {
    expect(lines).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'PRODID:-//Focal Desk//Focal Desk//EN',
      'KIND:individual',
      'UID:urn:focal-desk:con-01hx5v3k9q',
      'FN:Jürg Müller',
      'N:Müller;Jürg;;Dr.;',
      'TITLE:Head\\, Division; Peace \\\\ Human Rights',
      'ORG:Federal Department of Foreign Affairs;Peace\\; Human Rights Division',
      'EMAIL;TYPE=work;PREF=1:juerg.mueller@eda.admin.ch',
      'EMAIL;TYPE=home:jm@example.ch',
      'TEL;VALUE=uri;TYPE=work;X-FOCAL-DESK-TEXT=+41 58 462 30 50:tel:+41-58-462-30-50',
      'TEL;VALUE=uri;TYPE=cell:tel:+41-79-555-12-34',
      'TEL;VALUE=uri;TYPE=fax;X-FOCAL-DESK-TEXT=+41 58 464 90 47 x12:tel:+41-58-464-90-47;ext=12',
      'LANG;PREF=1:de',
      'LANG;PREF=2:fr',
      'ADR;TYPE=work:;;;;;;Switzerland',
      'NOTE:Focal point since 2013\\, re-appointed 2019; see "R2P\\\\2019".\\nPrefers calls.',
      'CATEGORIES:R2P\\, Europe,Dialogue;2024',
      'X-FOCAL-DESK-ROLES:focal-point,alternate',
      'X-FOCAL-DESK-APPOINTED:2013-05-14',
      'X-FOCAL-DESK-COUNTRY:CH',
      'REV:20240312T101530Z',
      'END:VCARD',
      '',
    ]);
  });

  it('folds long values without splitting a character', () => {
    const long = exportVCards([{ ...juerg, contact: { ...juerg.contact, notes: 'é😀'.repeat(100) } }]);
    for (const line of long.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(unfold(long)).toContain(`NOTE:${'é😀'.repeat(100)}`);
  });

  it('leaves out what a contact does not have, and writes one card per contact in order', () => {
    const bare: ExportableContact = {
      contact: contact({ id: 'con-2', displayName: 'Kwame Mensah', updatedAt: 'not a date' }),
      organisationPath: [],
      countryName: '',
      countryCode: '',
    };
    const two = exportVCards([bare, juerg]);
    expect(unfold(two).slice(0, 8)).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'PRODID:-//Focal Desk//Focal Desk//EN',
      'KIND:individual',
      'UID:urn:focal-desk:con-2',
      'FN:Kwame Mensah',
      'N:;;;;',
      'END:VCARD',
    ]);
    expect(two.match(/^BEGIN:VCARD$/gm)).toHaveLength(2);
    expect(exportVCards([])).toBe('');
  });

  it('is read back by ical.js itself as vCard 4.0', () => {
    const parsed: unknown = ICAL.parse(exportVCards([juerg, juerg]));
    const cards = (parsed as unknown[]).map((jcard) => new ICAL.Component(jcard as unknown[]));
    expect(cards).toHaveLength(2);
    const [card] = cards;
    expect(card?.getFirstPropertyValue('fn')).toBe('Jürg Müller');
    expect(card?.getFirstProperty('org')?.toJSON()).toEqual(['org', {}, 'text', ['Federal Department of Foreign Affairs', 'Peace; Human Rights Division']]);
    expect(card?.getAllProperties('categories')[0]?.getValues()).toEqual(['R2P, Europe', 'Dialogue;2024']);
  });
});

describe('telUri', () => {
  it('writes numbers as RFC 3966 tel: URIs', () => {
    expect(telUri('+45 33 92 00 00')).toBe('tel:+45-33-92-00-00');
    expect(telUri('+1 (212) 963-1234 x 56')).toBe('tel:+1-(212)-963-1234;ext=56');
    expect(telUri('030 / 1234')).toBe('tel:030-1234');
  });
});
