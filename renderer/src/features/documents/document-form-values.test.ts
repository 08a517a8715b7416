import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { sampleDocument } from '../../test/fake-documents';
import { checkDocument, splitThemes, valuesForFile, valuesFromDocument } from './document-form-values';
import { documentIssueMessage, wordedCoreIssues } from './document-issues';

describe('the document form values', () => {
  it('turn into the input the core parses, themes ticked and typed together, lower-cased and once each', () => {
    const values = {
      ...valuesForFile('Accra_statement.pdf'),
      themes: ['prevention'],
      themeText: 'Youth, prevention; Gender ',
      countryIds: ['GH'],
      date: '2013-06-01',
    };
    const { input, issues } = checkDocument(values);
    expect(issues).toEqual([]);
    expect(input).toMatchObject({
      title: 'Accra statement',
      themes: ['prevention', 'youth', 'gender'],
      countryIds: ['gh'],
      date: '2013-06-01',
      language: '',
      visibility: 'network',
    });
  });

  it('say what is wrong, by field, as the core’s schema does', () => {
    const { input, issues } = checkDocument({ ...valuesForFile('x.pdf'), title: ' ', language: 'english!', date: '2013-13-45' });
    expect(input).toBeNull();
    const t = i18n.t.bind(i18n);
    expect(Object.fromEntries(issues.map((issue) => [issue.path, documentIssueMessage(issue, t)]))).toEqual({
      title: 'Enter a title.',
      language: 'Use a language tag such as en or fr.',
      date: 'Use a date such as 2012-05-14.',
    });
  });

  it('start an edit from the document, the network’s themes as ticks and the others as text', () => {
    const values = valuesFromDocument(sampleDocument({ themes: ['early-warning', 'youth', 'gender'] }));
    expect(values.themes).toEqual(['early-warning']);
    expect(values.themeText).toBe('youth, gender');
    expect(splitThemes(values.themeText)).toEqual(['youth', 'gender']);
    expect(values.date).toBe('2012-05-14');
  });

  it('word the core’s issues with paths from the document, whatever the method wrapped them in', () => {
    const t = i18n.t.bind(i18n);
    expect(
      wordedCoreIssues(
        [
          { path: 'document.countryIds.1', message: 'xx is not in the directory', code: 'unknown-country' },
          { path: 'changes.organisationIds.0', message: 'Gone', code: 'unknown-organisation' },
          { path: 'uploadId', message: 'No finished upload with this id.' },
        ],
        t,
      ),
    ).toEqual([
      { path: 'countryIds.1', message: 'This is not an ISO 3166 country code.' },
      { path: 'organisationIds.0', message: 'This organisation is not in the directory.' },
      { path: 'uploadId', message: 'No finished upload with this id.' },
    ]);
  });
});
