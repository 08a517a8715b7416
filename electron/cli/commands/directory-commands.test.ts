import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContactDetail, ContactRow, CountrySummary, ImportPreview, ImportReport } from '../../../shared/api/directory';
import { useTempDir } from '../../core/testing/temp-dir';
import type { CliIo } from '../cli-io';
import { runCli } from '../run-cli';

function capture(): CliIo & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), text: () => stdout.join('\n') };
}

describe('directory commands', () => {
  const temp = useTempDir('focal-cli-');
  const dataDir = () => join(temp.path, 'data');

  async function cli(...argv: string[]) {
    const io = capture();
    const code = await runCli([...argv, '--data', dataDir()], io);
    return { code, io };
  }
  async function json<T>(...argv: string[]): Promise<T> {
    const { code, io } = await cli(...argv, '--json');
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    return JSON.parse(io.text()) as T;
  }

  it("seeds the demo network and lists Denmark's focal point with its title", async () => {
    const seeded = await cli('seed');
    expect(seeded.code).toBe(0);
    expect(seeded.io.stdout).toEqual([
      'Loaded the demo network: 11 countries, 30 organisations, 16 contacts, 1 library document(s) and 1 meeting(s) (marked as demo data).',
    ]);
    const rows = await json<ContactRow[]>('contacts', 'list', '--country', 'DK', '--role', 'focal-point');
    expect(rows).toEqual([
      expect.objectContaining({
        displayName: 'R2P Focal Point — Denmark',
        title: 'Under-Secretary for Legal Affairs',
        countryName: 'Denmark',
        organisationName: 'Ministry of Foreign Affairs',
        demo: true,
      }),
    ]);
    expect((await json<ContactRow[]>('contacts', 'list', '--country', 'DK')).length).toBe(8);
    expect((await json<ContactRow[]>('contacts', 'list', '--search', 'cote')).length).toBe(0);
    expect((await json<ContactRow[]>('contacts', 'list', '--search', 'war crimes')).map((row) => row.countryName)).toEqual(['United States']);

    const again = await cli('seed');
    expect(again.code).toBe(1);
    expect(again.io.stderr).toEqual(['focal-desk: The directory already holds data. The demo network loads only into an empty directory.']);
  });

  it('lists countries, gets and updates a contact', async () => {
    await cli('seed');
    const countries = await json<CountrySummary[]>('countries', 'list', '--status', 'announced');
    expect(countries.map((country) => country.code)).toEqual(['CI', 'SI']);
    const human = await cli('countries', 'list');
    expect(human.io.text().split('\n')[0]).toMatch(/^AU {2}Australia +asia-pacific +appointed +co-host {2}1 focal point\(s\), 1 contact\(s\), 2 organisation\(s\)$/);

    const [focal] = await json<ContactRow[]>('contacts', 'list', '--country', 'dk', '--role', 'focal-point');
    const id = focal?.id ?? '';
    const updated = await json<ContactDetail>(
      'contacts', 'update', id,
      '--set', 'emails=legal@example.dk,home:home@example.dk',
      '--set', 'emails=other@example.dk',
      '--set', 'phones=mobile:+45 20 12 34 56',
      '--set', 'languages=da,en',
      '--set', 'appointedOn=2011-03-01',
    );
    expect(updated).toMatchObject({
      title: 'Under-Secretary for Legal Affairs',
      emails: [
        { value: 'legal@example.dk', kind: 'work' },
        { value: 'home@example.dk', kind: 'home' },
        { value: 'other@example.dk', kind: 'work' },
      ],
      phones: [{ value: '+45 20 12 34 56', kind: 'mobile' }],
      languages: ['da', 'en'],
      appointedOn: '2011-03-01',
    });
    const shown = await cli('contacts', 'get', id);
    expect(shown.io.text()).toContain('Organisation: Ministry of Foreign Affairs');
    expect(shown.io.text()).toContain('E-mail:       legal@example.dk (work), home@example.dk (home), other@example.dk (work)');

    const cleared = await json<ContactDetail>('contacts', 'update', id, '--set', 'appointedOn=', '--set', 'tags=');
    expect(cleared).toMatchObject({ appointedOn: null, tags: [], languages: ['da', 'en'] });
  });

  it('refuses bad input in one line naming the field, and exits non-zero', async () => {
    await cli('seed');
    const [focal] = await json<ContactRow[]>('contacts', 'list', '--country', 'dk', '--role', 'focal-point');
    const badEmail = await cli('contacts', 'update', focal?.id ?? '', '--set', 'emails=not-an-address');
    expect(badEmail.code).toBe(1);
    expect(badEmail.io.stderr).toEqual(['focal-desk: Some of the information given is not valid. changes.emails.0.value: Not a valid e-mail address.']);
    const badCountry = await cli('contacts', 'update', focal?.id ?? '', '--set', 'countryId=ZZ');
    expect(badCountry.io.stderr[0]).toContain('changes.countryId: ZZ is not an ISO 3166 country code.');
    const emptyName = await cli('contacts', 'update', focal?.id ?? '', '--set', 'displayName=  ');
    expect(emptyName.io.stderr[0]).toContain('changes.displayName: Enter a name.');
    const unknownField = await cli('contacts', 'update', focal?.id ?? '', '--set', 'shoeSize=44');
    expect(unknownField.code).toBe(2);
    expect(unknownField.io.stderr[0]).toMatch(/^focal-desk: --set shoeSize=44: use field=value, with field one of honorific, /);
    const missing = await cli('contacts', 'get', 'con-missing');
    expect(missing).toMatchObject({ code: 1, io: { stderr: ['focal-desk: This contact is not in the directory.'] } });
    const wrongOption = await cli('contacts', 'get', 'x', '--country', 'dk');
    expect(wrongOption.code).toBe(2);
    expect(wrongOption.io.stderr[0]).toBe('focal-desk: contacts get does not take --country.');
    const badCountry2 = await cli('contacts', 'list', '--country', 'XX');
    expect(badCountry2).toMatchObject({ code: 1, io: { stdout: [] } });
    expect(badCountry2.io.stderr[0]).toContain('filter.countryId: XX is not an ISO 3166 country code.');
    const badRole = await cli('contacts', 'list', '--role', 'king');
    expect(badRole.code).toBe(1);
    expect(badRole.io.stderr[0]).toMatch(/filter\.role/);
  });

  it('imports a vCard all or nothing, with a dry run first, and exports vCard atomically', async () => {
    await cli('seed');
    const file = join(temp.path, 'people.vcf');
    writeFileSync(
      file,
      [
        'BEGIN:VCARD', 'VERSION:4.0', 'FN:Mette Sørensen', 'ORG:Ministry of Foreign Affairs;Legal service', 'EMAIL:mets@example.dk', 'ADR:;;;;;;Denmark', 'END:VCARD',
        'BEGIN:VCARD', 'VERSION:3.0', 'FN:Kofi Boateng', 'ADR:;;;;;;Ghana', 'END:VCARD',
      ].join('\r\n'),
    );
    const dry = await cli('contacts', 'import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.io.stdout).toEqual([
      'line 1, record 1 (Mette Sørensen): create',
      'line 8, record 2 (Kofi Boateng): create',
      'Dry run: would create 2, update 0 and skip 0 contact(s); nothing was written.',
    ]);
    expect((await json<ContactRow[]>('contacts', 'list', '--search', 'mette')).length).toBe(0);

    const imported = await json<{ preview: ImportPreview; report: ImportReport }>('contacts', 'import', file);
    expect(imported.report).toMatchObject({ created: 2, updated: 0, skipped: 0 });
    const again = await cli('contacts', 'import', file);
    expect(again.io.stdout.at(-1)).toBe('Imported people.vcf: 0 created, 0 updated, 2 skipped.');

    const out = join(temp.path, 'exports', 'denmark.vcf');
    const missingFolder = await cli('contacts', 'export', '--out', out, '--country', 'dk');
    expect(missingFolder.code).toBe(1);
    expect(missingFolder.io.stderr[0]).toMatch(/^focal-desk: Cannot write /);
    const exported = await cli('contacts', 'export', '--out', join(temp.path, 'denmark.vcf'), '--country', 'dk');
    expect(exported.io.stdout).toEqual([`Exported 9 contact(s) to ${join(temp.path, 'denmark.vcf')}.`]);
    const text = readFileSync(join(temp.path, 'denmark.vcf'), 'utf8');
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(9);
    expect(text).toContain('FN:Mette Sørensen');
    const refused = await cli('contacts', 'export', '--out', join(temp.path, 'denmark.vcf'), '--country', 'se');
    expect(refused.io.stderr).toEqual([`focal-desk: ${join(temp.path, 'denmark.vcf')} already exists; add --force to replace it.`]);
    expect(readFileSync(join(temp.path, 'denmark.vcf'), 'utf8')).toBe(text);
    const forced = await cli('contacts', 'export', '--out', join(temp.path, 'denmark.vcf'), '--country', 'dk', '--force');
    expect(forced.code).toBe(0);
    expect(readdirSync(temp.path).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('imports nothing from a file with a bad record, printing its line', async () => {
    await cli('seed');
    const file = join(temp.path, 'mixed.vcf');
    writeFileSync(
      file,
      ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Good Person', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:4.0', 'FN:Jane Doe', 'EMAIL:jane@', 'END:VCARD'].join('\n'),
    );
    const result = await cli('contacts', 'import', file);
    expect(result.code).toBe(1);
    expect(result.io.stdout).toEqual(['line 5, record 2 (Jane Doe): error: email: Not a valid e-mail address: "jane@" (line 8, EMAIL)']);
    expect(result.io.stderr).toEqual(['focal-desk: 1 record(s) of mixed.vcf are in error (lines above); nothing was imported.']);
    expect((await json<ContactRow[]>('contacts', 'list', '--search', 'good person')).length).toBe(0);
  });

  it('refuses a binary file named .vcf, a CSV in another encoding, and an unknown format, in one line', async () => {
    const binary = join(temp.path, 'photo.vcf');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 0, 0]));
    const refused = await cli('contacts', 'import', binary);
    expect(refused.code).toBe(1);
    expect(refused.io.stderr).toHaveLength(1);
    expect(refused.io.stderr[0]).toMatch(/^focal-desk: photo\.vcf: /);

    const latin1 = join(temp.path, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('Name;Country\nJos\xe9 Mart\xednez;CR\n', 'latin1'));
    const encoding = await cli('contacts', 'import', latin1);
    expect(encoding.code).toBe(1);
    expect(encoding.io.stderr[0]).toMatch(/^focal-desk: latin1\.csv: Line 2: the file is not UTF-8/);

    const other = await cli('contacts', 'import', join(temp.path, 'contacts.xlsx'));
    expect(other.code).toBe(2);
    expect(existsSync(join(dataDir(), 'store'))).toBe(false);
  });

  it('imports a CSV with a mapping and a delimiter given on the command line', async () => {
    await cli('seed');
    const file = join(temp.path, 'people.csv');
    writeFileSync(file, 'Nom|Courriel|Pays|Fonction\nAna Pereira|ana@example.org|Costa Rica|Asesora\n');
    const result = await json<{ report: ImportReport }>(
      'contacts', 'import', file, '--delimiter', '|', '--map', 'Nom=displayName,Courriel=email', '--map', 'Pays=country,Fonction=title',
    );
    expect(result.report.created).toBe(1);
    const [ana] = await json<ContactRow[]>('contacts', 'list', '--search', 'ana pereira');
    expect(ana).toMatchObject({ title: 'Asesora', countryName: 'Costa Rica' });
    const badMap = await cli('contacts', 'import', file, '--map', 'Nom=shoe');
    expect(badMap.code).toBe(2);
    expect(badMap.io.stderr[0]).toMatch(/^focal-desk: --map Nom=shoe: use "Header=field" with field one of displayName, /);
  });
});
