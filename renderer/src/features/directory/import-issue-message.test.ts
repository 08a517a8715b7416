import { afterEach, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../../shared/api/import-issues';
import { importFileFieldIssue } from '../../../../shared/api/import-issues';
import { fail, type AppError } from '../../../../shared/api/result';
import { applyLanguage, i18n, type Language } from '../../i18n/i18n';
import { importFailureMessage, importIssueMessage } from './import-issue-message';

// Issues as the core's import preview writes them (see electron/core/directory/interchange/*.test.ts).
const invalidEmail: ImportIssue = {
  code: 'invalid-email',
  field: 'email',
  params: { column: 'E-mail Address', value: 'jane.doe@' },
  message: 'email: Not a valid e-mail address: "jane.doe@" (column "E-mail Address")',
};
const tooLong: ImportIssue = {
  code: 'too-long',
  field: 'notes',
  params: { line: 3, property: 'NOTE', value: 'ééé…', maximum: 8000 },
  message: 'notes: At most 8000 characters: "ééé…" (line 3, NOTE)',
};
const unreadable: ImportIssue = {
  code: 'unknown-charset',
  field: 'displayName',
  params: { line: 2, property: 'FN', charset: 'klingon-8' },
  message: 'name: cannot read this FN line (unknown character set "klingon-8") (line 2)',
};
const unknownCountry: ImportIssue = {
  code: 'unknown-country',
  field: 'country',
  params: { value: 'Atlantis' },
  message: 'country: unknown country "Atlantis": use a two-letter ISO code such as DK, or the country\'s name',
};
const addsTo: ImportIssue = {
  code: 'adds-to',
  params: { name: 'Jürg Müller' },
  items: [
    { field: 'honorific' },
    { field: 'title', value: 'Head of Division' },
    { field: 'roles', value: 'focal-point' },
    { field: 'languages', value: 'de' },
  ],
  message: 'adds to Jürg Müller: honorific, title "Head of Division", role focal-point, language de',
};
const listFull: ImportIssue = {
  code: 'list-full',
  items: [{ field: 'email', value: 'new@example.org' }, { field: 'notes' }],
  message: 'not added (the list is full): email new@example.org, notes (at most 8000 characters)',
};

function words(issue: ImportIssue, language: Language): string {
  applyLanguage(language);
  return importIssueMessage(issue, i18n.t, language);
}

afterEach(() => {
  applyLanguage('en');
});

describe('import issue messages', () => {
  it('word a field problem with its field, value and where it was found, in English and French', () => {
    expect(words(invalidEmail, 'en')).toBe('E-mail: not a valid e-mail address: “jane.doe@” (column “E-mail Address”)');
    expect(words(invalidEmail, 'fr')).toBe('Courriel\u00a0: adresse électronique non valide\u00a0: «\u00a0jane.doe@\u00a0» (colonne «\u00a0E-mail Address\u00a0»)');
    expect(words(tooLong, 'fr')).toBe('Notes\u00a0: au plus 8\u202f000 caractères\u00a0: «\u00a0ééé…\u00a0» (ligne 3, NOTE)');
    expect(words(unreadable, 'en')).toBe('Display name: cannot read this FN line (unknown character set “klingon-8”) (line 2)');
    expect(words(unknownCountry, 'fr')).toBe(
      'Pays\u00a0: pays inconnu «\u00a0Atlantis\u00a0»\u00a0: utilisez un code ISO à deux lettres comme DK, ou le nom du pays',
    );
  });

  it('word what a duplicate adds, naming roles and languages in the interface language', () => {
    expect(words(addsTo, 'en')).toBe('adds to Jürg Müller: honorific, title “Head of Division”, role Focal point, language German');
    expect(words(addsTo, 'fr')).toBe('complète Jürg Müller\u00a0: titre de civilité, fonction «\u00a0Head of Division\u00a0», rôle Point focal, langue allemand');
    expect(words(listFull, 'fr')).toBe('non ajouté (la liste est pleine)\u00a0: courriel new@example.org, notes (au plus 8\u202f000 caractères)');
    expect(words({ code: 'duplicate-in-file', params: { name: 'Kofi Boateng', record: 1 }, message: 'same as …' }, 'fr')).toBe(
      'identique à Kofi Boateng (fiche 1 de ce fichier)',
    );
  });

  it('keep the core’s English message for a code this interface does not know', () => {
    const newer = { code: 'from-a-newer-core', message: 'something the core found' } as unknown as ImportIssue;
    expect(words(newer, 'fr')).toBe('something the core found');
  });

  it('word a refused file from the issue its error carries, across a JSON boundary', () => {
    const refusal = (issue: ImportIssue): AppError => {
      const result = fail('invalid-input', `${issue.message} (from the core)`, [importFileFieldIssue(issue)]);
      if (result.ok) throw new Error('expected a failure');
      return (JSON.parse(JSON.stringify(result)) as { error: AppError }).error;
    };
    const binary = refusal({
      code: 'not-a-contact-file',
      params: { line: 1, format: 'any', looksLike: 'png' },
      message: 'This is not a vCard or CSV file: it looks like a PNG image.',
    });
    applyLanguage('fr');
    expect(importFailureMessage(binary, i18n.t, 'fr')).toBe("Ligne 1\u00a0: ce n'est pas un fichier vCard ou CSV\u00a0: il ressemble à une image PNG.");
    const delimiter = refusal({
      code: 'wrong-delimiter',
      params: { line: 1, header: 'Name;Email', found: 'semicolon', used: 'comma' },
      message: 'Line 1: the header is a single column …',
    });
    applyLanguage('en');
    expect(importFailureMessage(delimiter, i18n.t, 'en')).toBe(
      'Line 1: the header is a single column (“Name;Email”): the columns look separated by another delimiter. Choose “Semicolon (;)” as the delimiter.',
    );
    const tooLongLine = refusal({ code: 'line-too-long', params: { line: 3, megabytes: '5.0' }, message: 'Line 3 is longer than 1 MB' });
    applyLanguage('fr');
    expect(importFailureMessage(tooLongLine, i18n.t, 'fr')).toMatch(/^La ligne 3 dépasse 1\u00a0Mo \(5,0\u00a0Mo\)/);
    expect(importFailureMessage({ code: 'conflict', message: 'The directory changed.' }, i18n.t, 'fr')).toBe('The directory changed.');
  });
});
