import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/api/contract';
import { fieldIssueOf } from '../../../../shared/api/field-issue';
import { i18n, initI18n } from '../../i18n/i18n';
import { conflictFieldsOf, valueText } from './conflict-detail';
import { issueText, problemText, scopedProblemText, statusText, syncProblemKinds } from './sync-words';

afterEach(() => {
  initI18n('en');
});

describe('sync wording', () => {
  it.each(['en', 'fr'] as const)('words every kind of failure in %s, each differently, never as the fallback', (language) => {
    initI18n(language);
    const texts = syncProblemKinds.map((kind) => problemText({ kind, message: 'English detail' }, i18n.t));
    expect(new Set(texts).size).toBe(syncProblemKinds.length);
    for (const text of texts) expect(text).not.toContain('English detail');
  });

  it('says what a captive portal is, and keeps the core sentence for a kind it does not know', () => {
    expect(problemText({ kind: 'captive-portal', message: '' }, i18n.t)).toMatch(/^A sign-in page answered instead of the server \(hotel or airport Wi-Fi\?\)/);
    expect(problemText({ kind: 'unauthorized', message: '' }, i18n.t)).toMatch(/^Wrong password/);
    expect(problemText({ kind: 'internal', message: 'The disk is full.' }, i18n.t)).toBe('Sync failed: The disk is full.');
    expect(scopedProblemText({ scope: 'agendaItems', kind: 'forbidden', message: '' }, i18n.t)).toMatch(/^Agenda items: No permission/);
    expect(scopedProblemText({ scope: 'server', kind: 'forbidden', message: '' }, i18n.t)).toMatch(/^No permission/);
  });

  it('counts the first sync in the language', () => {
    expect(statusText({ state: 'first-sync', firstSync: { done: 1200, total: 10000 } }, i18n.t, 'en')).toBe('First sync: 1,200 of 10,000 records');
    initI18n('fr');
    expect(statusText({ state: 'first-sync', firstSync: { done: 1200, total: 10000 } }, i18n.t, 'fr')).toMatch(/^Première synchronisation\u00a0: 1\u202f200 sur 10\u202f000/);
    expect(statusText({ state: 'paused', firstSync: null }, i18n.t, 'fr')).toBe('En pause');
  });

  it('words every message the contract gives the sign-in fields, in French too', () => {
    const parsed = contract['sync.configure'].input.safeParse({ url: 'ftp://x', user: ' ', password: '' });
    if (parsed.success) throw new Error('The input should be refused');
    const issues = parsed.error.issues.map(fieldIssueOf);
    expect(issues.map((issue) => issue.path).sort()).toEqual(['password', 'url', 'user']);
    initI18n('fr');
    const worded = issues.map((issue) => issueText(issue, i18n.t));
    expect(worded).toEqual(expect.arrayContaining(['Indiquez le mot de passe.', 'Indiquez le nom d’utilisateur.']));
    for (const [index, issue] of issues.entries()) expect(worded[index]).not.toBe(issue.message);
    expect(issueText({ path: 'password', message: 'Refused.', code: 'unauthorized' }, i18n.t)).toMatch(/^Mot de passe incorrect/);
    expect(issueText({ path: 'url', message: 'Something new.' }, i18n.t)).toBe('Something new.');
  });
});

describe('conflict values', () => {
  it('reads the fields of a conflict record, telling a missing side from a null one', () => {
    const fields = conflictFieldsOf({ fields: [{ field: 'note', local: null, base: 'x' }, { field: '_deleted', local: true, remote: false }] });
    expect(fields).toEqual([
      { field: 'note', local: { present: true, value: null }, remote: { present: false }, base: { present: true, value: 'x' } },
      { field: '_deleted', local: { present: true, value: true }, remote: { present: true, value: false }, base: { present: false } },
    ]);
    expect(conflictFieldsOf('{"fields": [cut')).toBeNull();
    expect(conflictFieldsOf({ fields: [] })).toBeNull();
    expect(conflictFieldsOf({ fields: [{ local: 1 }] })).toBeNull();
  });

  it('shows strings plainly and everything else as compact JSON', () => {
    const text = (value: unknown, field = 'x') => valueText({ present: true, value }, field, i18n.t);
    expect(text('<b>Ana</b>')).toBe('<b>Ana</b>');
    expect(text(['a', 'b'])).toBe('["a","b"]');
    expect(text({ kind: 'work', value: 'a@b.org' })).toBe('{"kind":"work","value":"a@b.org"}');
    expect(text(3)).toBe('3');
    expect(text(null)).toBe('(empty)');
    expect(text('')).toBe('(empty)');
    expect(text(true, '_deleted')).toBe('Record deleted');
    expect(valueText({ present: false }, 'x', i18n.t)).toBe('(no value)');
  });
});
