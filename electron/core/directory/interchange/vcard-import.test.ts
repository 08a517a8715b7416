import { describe, expect, it } from 'vitest';
import { decodeImportBytes } from './decode-bytes';
import { fixtureBytes, fixtureText } from './fixtures/directory';
import { InterchangeFileError } from './interchange-error';
import type { ParsedRecord } from './interchange-types';
import { parseVCardFile } from './vcard-import';

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

describe('parseVCardFile: Outlook (2.1 with CHARSET and QUOTED-PRINTABLE, and Outlook for Mac 3.0)', () => {
  const file = parseVCardFile(fixtureText('outlook.vcf'));

  it('reads every card, each starting on its BEGIN line', () => {
    expect(file.format).toBe('vcard');
    expect(file.delimiter).toBeNull();
    expect(file.records.map((r) => [r.record, r.line, r.displayName])).toEqual([
      [1, 1, 'Dr. Jürg Müller'],
      [2, 21, 'Amélie Dubois'],
      [3, 36, 'Chinedu Okafor'],
    ]);
  });

  it('reads names, organisation path, bare TYPE parameters and the quoted-printable note of a 2.1 card', () => {
    const juerg = contactOf(file.records[0]);
    expect(juerg.fields).toMatchObject({ honorific: 'Dr.', givenName: 'Jürg', familyName: 'Müller', title: 'Stellvertretender Chef' });
    expect(juerg.organisationName).toBe('Eidgenössisches Departement für auswärtige Angelegenheiten EDA');
    expect(juerg.departmentName).toBe('Abteilung Frieden und Menschenrechte');
    expect(juerg.countryText).toBe('Schweiz');
    expect(juerg.fields.emails).toEqual([{ value: 'juerg.mueller@eda.admin.ch', kind: 'work' }]);
    expect(juerg.fields.phones).toEqual([
      { value: '+41 58 462 30 50', kind: 'work' },
      { value: '+41 79 555 12 34', kind: 'mobile' },
      { value: '+41 58 464 90 47', kind: 'fax' },
    ]);
    expect(juerg.fields.notes).toBe('Nationaler R2P-Fokalpunkt seit 2013.\nZuständig für das Netzwerk der Fokalpunkte.');
  });

  it('decodes quoted-printable names and organisations, and skips the photo', () => {
    const amelie = contactOf(file.records[1]);
    expect(amelie.fields).toMatchObject({ honorific: 'Mme', givenName: 'Amélie', familyName: 'Dubois', displayName: 'Amélie Dubois' });
    expect(amelie.fields.title).toBe("Sous-directrice des droits de l'Homme");
    expect(amelie.organisationName).toBe("Ministère de l'Europe et des Affaires étrangères");
    expect(amelie.departmentName).toBe('Direction des Nations unies');
    expect(amelie.countryText).toBe('France');
  });

  it('reads a 3.0 card with an empty second ORG component and a quoted-printable note', () => {
    const chinedu = contactOf(file.records[2]);
    expect(chinedu.fields.title).toBe('Director, International Organisations');
    expect(chinedu.organisationName).toBe('Federal Ministry of Foreign Affairs');
    expect(chinedu.departmentName).toBe('');
    expect(chinedu.fields.emails).toEqual([{ value: 'c.okafor@foreignaffairs.gov.ng', kind: 'work' }]);
    expect(chinedu.fields.phones.map((p) => p.kind)).toEqual(['work', 'mobile']);
    expect(chinedu.fields.notes).toBe('Attended the 2023 annual meeting.\nSpeaks English and Igbo.');
    expect(chinedu.countryText).toBe('Nigeria');
  });
});

describe('parseVCardFile: Apple Contacts (3.0, item groups, labels, folded lines, photo)', () => {
  const file = parseVCardFile(fixtureText('apple.vcf'));
  const mette = contactOf(file.records[0]);
  const haruto = contactOf(file.records[1]);

  it('reads item1.EMAIL with type=pref first, a custom label as other, type=HOME as home', () => {
    expect(mette.fields.displayName).toBe('Mette Sørensen');
    expect(mette.fields.emails).toEqual([
      { value: 'mets@um.dk', kind: 'other' },
      { value: 'mette.sorensen@example.dk', kind: 'home' },
    ]);
    expect(haruto.fields.emails).toEqual([{ value: 'haruto.nakamura@mofa.go.jp', kind: 'work' }]);
  });

  it("takes a number's kind from Apple's built-in labels", () => {
    expect(mette.fields.phones).toEqual([
      { value: '+45 33 92 00 00', kind: 'work' },
      { value: '+45 20 12 34 56', kind: 'mobile' },
      { value: '+45 33 92 05 10', kind: 'fax' },
    ]);
    expect(haruto.fields.phones).toEqual([{ value: '+81 3 3580 3311', kind: 'work' }]);
  });

  it('unfolds a folded note and unescapes \\; and \\, ; takes the country from X-ABADR', () => {
    expect(mette.fields.notes).toBe(
      'Met at the 2023 annual meeting of the Global Network of R2P Focal Points in Copenhagen.\n' +
        'Follow up on the national report; draft due in May, final in June.',
    );
    expect(mette.fields.tags).toEqual(['R2P', 'Nordic']);
    expect(mette.organisationName).toBe('Udenrigsministeriet');
    expect(mette.departmentName).toBe('Juridisk Tjeneste');
    expect(mette.countryText).toBe('dk');
    expect(haruto.countryText).toBe('jp');
  });
});

describe('parseVCardFile: Google Contacts (3.0)', () => {
  const file = parseVCardFile(fixtureText('google.vcf'));

  it('joins given and additional names, reads TYPE kinds and "ext." numbers, drops system groups', () => {
    const ana = contactOf(file.records[0]);
    expect(ana.fields).toMatchObject({ givenName: 'Ana María', familyName: 'Gutiérrez', displayName: 'Ana María Gutiérrez' });
    expect(ana.fields.emails).toEqual([
      { value: 'amgutierrez@cancilleria.gov.co', kind: 'work' },
      { value: 'anamaria.g@gmail.com', kind: 'home' },
    ]);
    expect(ana.fields.phones).toEqual([
      { value: '+57 310 555 0142', kind: 'mobile' },
      { value: '+57 1 381 4000 x1234', kind: 'work' },
    ]);
    expect(ana.fields.tags).toEqual(['R2P network', 'Americas']);
    expect(ana.fields.notes).toBe('Punto focal nacional desde 2015, coordina con la sociedad civil.');
    expect(ana.countryText).toBe('Colombia');
  });

  it('unfolds a folded ORG and leaves a contact without address without country', () => {
    const kwame = contactOf(file.records[1]);
    expect(kwame.organisationName).toBe('United Nations Office on Genocide Prevention and the Responsibility to Protect');
    expect(kwame.countryText).toBe('');
    expect(kwame.fields.tags).toEqual([]);
  });
});

describe('parseVCardFile: vCard 4.0', () => {
  const file = parseVCardFile(fixtureText('v4.vcf'));

  it('reads tel: URIs with extensions, LANG by preference, quoted TYPE lists and escaped commas', () => {
    const aiko = contactOf(file.records[0]);
    expect(aiko.fields).toMatchObject({ honorific: 'H.E. Ms.', givenName: 'Aiko', familyName: 'Tanaka', displayName: 'H.E. Ms. Aiko Tanaka' });
    expect(aiko.fields.title).toBe('Ambassador, Deputy Permanent Representative');
    expect(aiko.fields.phones).toEqual([
      { value: '+81-3-3580-3311 x2045', kind: 'work' },
      { value: '+81-90-1234-5678', kind: 'mobile' },
    ]);
    expect(aiko.fields.languages).toEqual(['ja', 'en']);
    expect(aiko.fields.notes).toBe('Focal point since 2014; co-chair of the Asia-Pacific group.\nPrefers e-mail.');
    expect(aiko.fields.tags).toEqual(['Asia-Pacific', 'Co-host']);
    expect(aiko.departmentName).toBe('Human Rights and Humanitarian Affairs Division');
    expect(aiko.countryText).toBe('Japan');
  });

  it('reads a minimal 4.0 card', () => {
    const lucia = contactOf(file.records[1]);
    expect(lucia.fields.emails).toEqual([{ value: 'lucia.fernandez@example.org', kind: 'home' }]);
    expect(lucia.fields.phones).toEqual([{ value: '+1 212 255 2800', kind: 'work' }]);
    expect(lucia.organisationName).toBe('Global Centre for the Responsibility to Protect');
  });
});

describe('parseVCardFile: bad records', () => {
  const file = parseVCardFile(fixtureText('bad-records.vcf'));

  it('gives each bad card its errors, naming field, value and line, and keeps the good ones', () => {
    expect(file.records.map((r) => [r.line, r.displayName, r.contact === null, r.errors.map((e) => e.message)])).toEqual([
      [1, 'Jane Doe', true, ['email: Not a valid e-mail address: "jane.doe@" (line 5, EMAIL)']],
      [9, 'Pedro Alves', false, []],
      [15, '', true, ['name: Enter a name (line 17, N)']],
      [
        20,
        'Sara Lindqvist',
        true,
        [
          'roles: unknown role (use focal-point, alternate, secretariat, stakeholder, un, civil-society): "chairperson" (line 24, X-FOCAL-DESK-ROLES)',
          'phone: Use digits, spaces and + ( ) - . / x: "call the switchboard" (line 23, TEL)',
        ],
      ],
      [26, 'Tomás Novák', true, ['the card starting on line 26 has no END:VCARD']],
    ]);
    expect(file.records[1]?.contact?.countryText).toBe('Atlantis');
    expect(file.records[0]?.errors.map((e) => [e.code, e.field, e.params])).toEqual([
      ['invalid-email', 'email', { line: 5, property: 'EMAIL', value: 'jane.doe@' }],
    ]);
    expect(file.records[3]?.errors.map((e) => [e.code, e.field, e.params])).toEqual([
      ['unknown-role', 'roles', { line: 24, property: 'X-FOCAL-DESK-ROLES', value: 'chairperson' }],
      ['invalid-phone', 'phone', { line: 23, property: 'TEL', value: 'call the switchboard' }],
    ]);
  });

  it('reports a line ical.js cannot read as an error of its card', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok\r\nEMAIL;=work:a@b.c\r\nTEL;TYPE="unclosed:+1 555\r\nEND:VCARD\r\n';
    const [record] = parseVCardFile(text).records;
    expect(record?.errors).toEqual([
      {
        code: 'unreadable-line',
        field: 'email',
        params: { line: 4, property: 'EMAIL' },
        message: 'email: cannot read this EMAIL line (the line is not valid vCard) (line 4)',
      },
      {
        code: 'not-a-property-line',
        params: { line: 5, text: 'TEL;TYPE="unclosed:+1 555' },
        message: 'line 5: not a vCard property line: "TEL;TYPE="unclosed:+1 555"',
      },
    ]);
    const qp = parseVCardFile('BEGIN:VCARD\r\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:M=FCller\r\nEND:VCARD\r\n');
    expect(qp.records[0]?.errors.map((e) => [e.code, e.message])).toEqual([
      ['bad-quoted-printable', 'name: cannot read this FN line (the quoted-printable text is not valid utf-8) (line 2)'],
      ['empty-name', 'name: Enter a name (line 1)'],
    ]);
    expect(qp.records[0]?.errors[0]?.params).toEqual({ line: 2, property: 'FN', charset: 'utf-8' });
  });
});

describe('parseVCardFile: files refused as a whole', () => {
  it('refuses a binary file named .vcf', () => {
    const lossy = new TextDecoder('utf-8').decode(fixtureBytes('binary.vcf'));
    expect(refusal(() => parseVCardFile(lossy)).message).toBe('Line 1: this is not a vCard file: it looks like a PNG image.');
    expect(refusal(() => decodeImportBytes(fixtureBytes('binary.vcf'))).message).toContain('PNG image');
  });

  it('refuses a 5 MB line before parsing, naming it', () => {
    const text = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big\r\nNOTE:${'x'.repeat(5 * 1024 * 1024)}\r\nEND:VCARD\r\n`;
    const error = refusal(() => parseVCardFile(text));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^Line 4 is longer than 1 MB \(5\.0 MB\)/);
  });

  it('counts a line in UTF-8 octets: 400,000 "é" are 800,000 octets, accepted; 600,000 are refused', () => {
    const note = (n: number): string => `BEGIN:VCARD\r\nFN:A\r\nNOTE:${'é'.repeat(n)}\r\nEND:VCARD\r\n`;
    expect(parseVCardFile(note(400_000)).records[0]?.errors).toEqual([
      {
        code: 'too-long',
        field: 'notes',
        params: { line: 3, property: 'NOTE', value: `${'é'.repeat(57)}…`, maximum: 8000 },
        message: `notes: At most 8000 characters: "${'é'.repeat(57)}…" (line 3, NOTE)`,
      },
    ]);
    expect(refusal(() => parseVCardFile(note(600_000))).line).toBe(3);
  });

  it('refuses more than 20,000 cards', () => {
    const text = 'BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n'.repeat(20_001);
    expect(refusal(() => parseVCardFile(text)).message).toBe(
      'The file holds 20,001 contacts; at most 20,000 can be imported at once. Split it into smaller files.',
    );
  });

  it('refuses a file without cards, empty, mis-decoded or double-encoded text', () => {
    expect(refusal(() => parseVCardFile('Name,Email\r\nJane,jane@example.org\r\n')).message).toMatch(/^No vCard found/);
    expect(refusal(() => parseVCardFile(' \r\n')).message).toBe('The file is empty: there is no vCard data to import.');
    const lossy = refusal(() => parseVCardFile('BEGIN:VCARD\r\nFN:M\uFFFDller\r\nEND:VCARD'));
    expect([lossy.line, lossy.message.startsWith('Line 2: the file is not UTF-8')]).toEqual([2, true]);
    const double = refusal(() => parseVCardFile('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:AmÃ©lie\r\nEND:VCARD'));
    expect(double.message).toBe(
      'Line 3: the text looks converted to UTF-8 twice ("Ã©" stands for one accented letter); export the file again as UTF-8.',
    );
  });
});
