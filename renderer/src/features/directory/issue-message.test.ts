import { describe, expect, it } from 'vitest';
import { contactInput, organisationInput } from '../../../../shared/domain/directory-input';
import { applyLanguage, i18n } from '../../i18n/i18n';
import { issuesFromCore, issuesFromZod } from './field-issues';
import { issueMessage } from './issue-message';

function messagesFor(input: unknown): Record<string, string> {
  const parsed = contactInput.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(issuesFromZod(parsed.error.issues).map((issue) => [issue.path, issueMessage(issue, i18n.t)]));
}

describe('issue messages', () => {
  it('word the schema’s issues by code and field', () => {
    expect(
      messagesFor({
        displayName: ' ',
        emails: [{ value: 'nobody@', kind: 'work' }],
        phones: [{ value: '12', kind: 'work' }],
        languages: ['english'],
        appointedOn: '2012-02-30',
        countryId: 'dnk',
        notes: 'x'.repeat(8001),
      }),
    ).toEqual({
      displayName: 'Enter a name.',
      'emails.0.value': 'Not a valid e-mail address.',
      'phones.0.value': 'Too short for a phone number.',
      'languages.0': 'Use a language tag such as en or fr.',
      appointedOn: 'Use a date such as 2012-05-14.',
      countryId: 'Use a two-letter country code (ISO 3166-1), e.g. DK.',
      notes: 'Use at most 8000 characters.',
    });
    expect(messagesFor({ displayName: 'A', emails: Array.from({ length: 11 }, () => ({ value: 'a@b.dk' })) })).toEqual({
      emails: 'At most 10 entries.',
    });
  });

  it('speak French, and keep the core’s precise English message in English', () => {
    const [core] = issuesFromCore([
      { path: 'contact.emails.0.value', code: 'duplicate-email', message: 'Ole Hansen already has this address.' },
    ]);
    expect(core?.path).toBe('emails.0.value');
    expect(issueMessage(core!, i18n.t)).toBe('Ole Hansen already has this address.');
    applyLanguage('fr');
    expect(issueMessage(core!, i18n.t)).toBe('Un autre contact a déjà cette adresse électronique.');
    const parsed = organisationInput.safeParse({ name: '', kind: 'ministry' });
    const [issue] = parsed.success ? [] : issuesFromZod(parsed.error.issues);
    expect(issueMessage(issue!, i18n.t)).toBe('Saisissez un nom.');
    applyLanguage('en');
  });

  it('fall back to the message given for codes they do not know', () => {
    expect(issueMessage({ path: 'x', code: 'custom', message: 'As the core said.' }, i18n.t)).toBe('As the core said.');
    expect(issueMessage({ path: 'x', message: 'No code at all.' }, i18n.t)).toBe('No code at all.');
  });
});
