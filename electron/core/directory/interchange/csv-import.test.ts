import { describe, expect, it } from 'vitest';
import { parseCsvFile } from './csv-import';
import { decodeImportBytes } from './decode-bytes';
import { fixtureBytes, fixtureText } from './fixtures/directory';
import { InterchangeFileError } from './interchange-error';
import type { ParsedRecord } from './interchange-types';

function contactOf(record: ParsedRecord | undefined) {
  expect(record?.errors).toEqual([]);
  const contact = record?.contact;
  if (contact == null) throw new Error('expected a contact');
  return contact;
}

function refusal(run: () => unknown): InterchangeFileError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof InterchangeFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('parseCsvFile: Google Contacts export', () => {
  const file = parseCsvFile(decodeImportBytes(fixtureBytes('google.csv')));

  it('guesses the comma, keeps the header and mapping, and starts each record on its line', () => {
    expect(file.format).toBe('csv');
    expect(file.delimiter).toBe(',');
    expect(file.columns).toHaveLength(36);
    expect(file.mapping['E-mail 1 - Value']).toBe('email');
    // Ana's note and formatted address span lines 2-5.
    expect(file.records.map((r) => [r.record, r.line, r.displayName])).toEqual([
      [1, 2, 'Ana María Gutiérrez'],
      [2, 6, 'Kwame Mensah'],
      [3, 7, 'Fatou Ndiaye'],
    ]);
  });

  it('takes kinds from the "- Label" columns and splits " ::: " lists', () => {
    const ana = contactOf(file.records[0]);
    expect(ana.fields).toMatchObject({ givenName: 'Ana María', familyName: 'Gutiérrez', title: 'Directora de Derechos Humanos y DIH' });
    expect(ana.fields.emails).toEqual([
      { value: 'amgutierrez@cancilleria.gov.co', kind: 'work' },
      { value: 'anamaria.g@gmail.com', kind: 'home' },
    ]);
    expect(ana.fields.phones).toEqual([
      { value: '+57 310 555 0142', kind: 'mobile' },
      { value: '+57 1 381 4000', kind: 'work' },
    ]);
    expect(ana.fields.notes).toBe('Punto focal nacional desde 2015.\nCoordina con la sociedad civil.');
    expect(ana.fields.tags).toEqual(['R2P network']);
    expect(ana.organisationName).toBe('Ministerio de Relaciones Exteriores');
    expect(ana.countryText).toBe('Colombia');
    const kwame = contactOf(file.records[1]);
    expect(kwame.fields.emails.map((e) => e.value)).toEqual(['kwame.mensah@un.org', 'osapg@un.org']);
    expect(kwame.fields.tags).toEqual([]);
    const fatou = contactOf(file.records[2]);
    expect(fatou.fields.honorific).toBe('Mme');
    expect(fatou.fields.emails).toEqual([{ value: 'fatou.ndiaye@diplomatie.gouv.sn', kind: 'other' }]);
    expect(fatou.fields.phones).toEqual([{ value: '+221 33 823 84 88', kind: 'fax' }]);
    expect(fatou.countryText).toBe('Sénégal');
  });
});

describe('parseCsvFile: Outlook export (UTF-8 with BOM, every value quoted)', () => {
  const file = parseCsvFile(decodeImportBytes(fixtureBytes('outlook.csv')));

  it('reads names, company, job title, kinds from the headers, categories and language', () => {
    expect(file.columns[0]).toBe('Title');
    const juerg = contactOf(file.records[0]);
    expect(juerg.fields).toMatchObject({ honorific: 'Dr.', givenName: 'Jürg', familyName: 'Müller', displayName: 'Jürg Müller', title: 'Stellvertretender Chef' });
    expect(juerg.organisationName).toBe('Eidgenössisches Departement für auswärtige Angelegenheiten EDA');
    expect(juerg.countryText).toBe('Switzerland');
    expect(juerg.fields.emails).toEqual([{ value: 'juerg.mueller@eda.admin.ch', kind: 'work' }]);
    expect(juerg.fields.phones).toEqual([
      { value: '+41 58 464 90 47', kind: 'fax' },
      { value: '+41 58 462 30 50', kind: 'work' },
      { value: '+41 79 555 12 34', kind: 'mobile' },
    ]);
    expect(juerg.fields.tags).toEqual(['R2P', 'Europe']);
    expect(juerg.fields.languages).toEqual(['de']);
    expect(juerg.fields.notes).toBe('Focal point since 2013.\nPrefers calls in the morning.');
  });

  it('takes the home country when the business one is empty, and every e-mail column', () => {
    expect(file.records.map((r) => r.line)).toEqual([2, 4, 5]);
    const chinedu = contactOf(file.records[2]);
    expect(chinedu.countryText).toBe('Nigeria');
    expect(chinedu.fields.emails.map((e) => e.value)).toEqual(['c.okafor@foreignaffairs.gov.ng', 'chinedu.okafor@example.com']);
    expect(chinedu.fields.phones).toEqual([
      { value: '+234 9 523 0570', kind: 'work' },
      { value: '+234 803 555 0199', kind: 'home' },
    ]);
    expect(chinedu.fields.title).toBe('Director, International Organisations');
  });
});

describe('parseCsvFile: French Excel (semicolons)', () => {
  const file = parseCsvFile(fixtureText('semicolon.csv'));

  it('guesses the semicolon, skips an empty row, reads French headers, roles, languages and dates', () => {
    expect(file.delimiter).toBe(';');
    expect(file.records.map((r) => [r.record, r.line, r.displayName])).toEqual([
      [1, 2, 'Jean-Pierre Lefèvre'],
      [2, 5, 'Aïssatou Diallo'],
      [3, 6, 'Lars Eriksson'],
    ]);
    const jp = contactOf(file.records[0]);
    expect(jp.fields).toMatchObject({ honorific: 'M.', title: 'Conseiller juridique', roles: ['focal-point'], languages: ['fr', 'nl'], appointedOn: '2012-05-14' });
    expect(jp.fields.phones).toEqual([
      { value: '+32 2 501 81 11', kind: 'work' },
      { value: '+32 475 12 34 56', kind: 'mobile' },
    ]);
    expect(jp.fields.notes).toBe('Suit le dossier R2P; contact principal.\nJoignable le matin.');
    expect(jp.countryText).toBe('Belgique');
    expect(contactOf(file.records[1]).fields).toMatchObject({ roles: ['alternate'], appointedOn: '2016-09-01' });
    const lars = contactOf(file.records[2]);
    expect(lars.fields).toMatchObject({ roles: ['focal-point', 'stakeholder'], languages: ['en', 'sv'], appointedOn: '2019-02-03', notes: 'A dit : "à suivre"' });
    expect(lars.countryText).toBe('SE');
  });

  it('uses a mapping given for some columns and guesses the rest', () => {
    const mapped = parseCsvFile(fixtureText('semicolon.csv'), { mapping: { Remarques: 'ignore', Fonction: 'tags' } });
    expect(mapped.mapping).toMatchObject({ Remarques: 'ignore', Fonction: 'tags', Courriel: 'email' });
    expect(contactOf(mapped.records[0]).fields).toMatchObject({ notes: '', title: '', tags: ['Conseiller juridique'] });
  });

  it("follows Excel's sep= line", () => {
    const text = 'sep=|\r\nName|Email\r\nJane Doe|jane@example.org\r\n';
    const file = parseCsvFile(text);
    expect(file.delimiter).toBe('|');
    expect(file.records.map((r) => [r.line, r.contact?.fields.emails[0]?.value])).toEqual([[3, 'jane@example.org']]);
  });
});

describe('parseCsvFile: bad rows', () => {
  const file = parseCsvFile(fixtureText('bad-records.csv'));

  it('gives each bad row its errors naming field, value and column, and keeps the good rows', () => {
    expect(file.records.map((r) => [r.line, r.displayName, r.errors.map((e) => e.message)])).toEqual([
      [2, 'Jane Doe', ['email: Not a valid e-mail address: "jane.doe@" (column "E-mail Address")']],
      [3, 'Pedro Alves', []],
      [4, '', ['name: Enter a name (line 4)']],
      [5, 'Sara Lindqvist', ['appointed on: "05/04/2012" can be read as day/month or month/day: write it as YYYY-MM-DD (column "Appointed on")']],
      [6, 'Kofi Boateng', ['phone: Use digits, spaces and + ( ) - . / x: "+233 30 266 4951 (switchboard)" (column "Business Phone")']],
      [7, 'Akua Mensah', []],
      [
        8,
        'Ministry of Foreign Affairs',
        [
          'row: 6 values for 5 columns: a value holding the delimiter probably lacks its quotes (line 8)',
          'email: Not a valid e-mail address: "Legal Department" (column "E-mail Address")',
          'phone: Use digits, spaces and + ( ) - . / x: "legal@mfa.gov.gh" (column "Business Phone")',
          'appointed on: Use a date such as 2012-05-14: "Ghana" (column "Appointed on")',
        ],
      ],
    ]);
    expect(file.records[1]?.contact?.countryText).toBe('Atlantis');
  });

  it('gives each error a code, the field and what the interface needs to word it', () => {
    expect(file.records[0]?.errors).toEqual([
      {
        code: 'invalid-email',
        field: 'email',
        params: { column: 'E-mail Address', value: 'jane.doe@' },
        message: 'email: Not a valid e-mail address: "jane.doe@" (column "E-mail Address")',
      },
    ]);
    expect(file.records[2]?.errors.map((e) => [e.code, e.field, e.params])).toEqual([['empty-name', 'displayName', { line: 4 }]]);
    expect(file.records[3]?.errors.map((e) => [e.code, e.field, e.params])).toEqual([
      ['ambiguous-date', 'appointedOn', { column: 'Appointed on', value: '05/04/2012' }],
    ]);
    expect(file.records[6]?.errors.map((e) => e.code)).toEqual(['too-many-values', 'invalid-email', 'invalid-phone', 'invalid-date']);
    expect(file.records[6]?.errors[0]?.params).toEqual({ values: 6, columns: 5, line: 8 });
  });
});

describe('parseCsvFile: files refused as a whole', () => {
  it('refuses a Windows-1252 file, naming the line, whether given as bytes or as lossily decoded text', () => {
    expect(refusal(() => decodeImportBytes(fixtureBytes('windows-1252.csv'))).message).toBe(
      'Line 1: the file is not UTF-8 (looks like Windows-1252); save it as UTF-8.',
    );
    const lossy = new TextDecoder('utf-8').decode(fixtureBytes('windows-1252.csv'));
    const error = refusal(() => parseCsvFile(lossy));
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/^Line 1: the file is not UTF-8/);
  });

  it('reads UTF-16 with a byte-order mark once decoded', () => {
    const text = '\uFEFFPrénom\tNom\tCourriel\r\nAïssatou\tDiallo\ta.diallo@diplomatie.gouv.sn\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], i * 2);
    const file = parseCsvFile(decodeImportBytes(bytes));
    expect(file.delimiter).toBe('\t');
    expect(contactOf(file.records[0]).fields).toMatchObject({ givenName: 'Aïssatou', familyName: 'Diallo', displayName: 'Aïssatou Diallo' });
  });

  it('refuses a wrong delimiter that leaves the header one column, saying which one to choose', () => {
    const error = refusal(() => parseCsvFile(fixtureText('semicolon.csv'), { delimiter: ',' }));
    expect(error.line).toBe(1);
    expect(error.message).toBe(
      'Line 1: the header is a single column ("Civilité;Prénom;Nom;Fonction;Organisation;Pays;Courriel;Télé…"): the columns look ' +
        'separated by semicolons, not commas. Choose ";" as the delimiter.',
    );
    expect(error.issue).toEqual({
      code: 'wrong-delimiter',
      params: { line: 1, header: 'Civilité;Prénom;Nom;Fonction;Organisation;Pays;Courriel;Télé…', found: 'semicolon', used: 'comma' },
      message: error.message,
    });
  });

  it('refuses an unclosed quote, a header without rows, a vCard, an empty file and more than 20,000 rows', () => {
    expect(refusal(() => parseCsvFile('Name,Notes\r\nJane,ok\r\n\r\nJoan,"never closed\r\nJohn,ok\r\n')).message).toBe(
      'Line 4: the CSV cannot be read: a quoted value in the row starting here is never closed (a closing " is missing).',
    );
    expect(refusal(() => parseCsvFile('Name,Email\r\n\r\n')).message).toBe('Line 1: the file has a header but no contacts below it.');
    expect(refusal(() => parseCsvFile(fixtureText('v4.vcf'))).message).toBe('This is a vCard file, not CSV: import it as vCard.');
    expect(refusal(() => parseCsvFile('')).message).toBe('The file is empty: there is no CSV data to import.');
    const big = `Name,Email\r\n${'Jane,jane@example.org\r\n'.repeat(20_001)}`;
    expect(refusal(() => parseCsvFile(big)).message).toMatch(/^The file holds more than 20,000 rows/);
    expect(parseCsvFile(`Name,Email\r\n${'Jane,jane@example.org\r\n'.repeat(20_000)}`).records).toHaveLength(20_000);
  });

  it('gives each refusal a code and the values its wording needs', () => {
    const issue = (text: string) => refusal(() => parseCsvFile(text)).issue;
    expect(issue('Name,Notes\r\nJoan,"never closed\r\n')).toMatchObject({ code: 'csv-unclosed-quote', params: { line: 2 } });
    expect(issue('Name,Email\r\n\r\n')).toMatchObject({ code: 'no-rows', params: { line: 1 } });
    expect(issue(fixtureText('v4.vcf'))).toMatchObject({ code: 'vcard-not-csv', params: { line: 1 } });
    expect(issue('')).toMatchObject({ code: 'empty-file', params: { format: 'csv' } });
    expect(issue(`Name,Email\r\n${'Jane,jane@example.org\r\n'.repeat(20_001)}`)).toMatchObject({ code: 'too-many-records', params: { max: 20_000 } });
    expect(issue('Name\r\nJos\u00c3\u00a9\r\n')).toMatchObject({ code: 'double-encoded', params: { line: 2, sample: '\u00c3\u00a9' } });
    expect(refusal(() => decodeImportBytes(fixtureBytes('windows-1252.csv'))).issue).toMatchObject({ code: 'not-utf8', params: { line: 1 } });
  });

  it('refuses a 5 MB line, naming it', () => {
    const error = refusal(() => parseCsvFile(`Name,Notes\r\nJane,ok\r\nJohn,${'x'.repeat(5 * 1024 * 1024)}\r\n`));
    expect([error.line, error.message.startsWith('Line 3 is longer than 1 MB (5.0 MB)')]).toEqual([3, true]);
    expect(error.issue).toMatchObject({ code: 'line-too-long', params: { line: 3, megabytes: '5.0' } });
  });
});
