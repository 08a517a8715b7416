import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields';
import { checkContact, emptyContactValues, splitList } from './contact-form-values';

describe('contact form values', () => {
  it('become a contact input: lists split, blank rows left out, no date as null', () => {
    const check = checkContact({
      ...emptyContactValues(),
      displayName: ' Ole Hansen ',
      emails: [
        { value: '', kind: 'work' },
        { value: 'ole@um.dk', kind: 'home' },
      ],
      languages: 'da, en fr',
      tags: 'co-host; 2012 ,',
    });
    expect(check.issues).toEqual([]);
    expect(check.input).toMatchObject({
      displayName: 'Ole Hansen',
      emails: [{ value: 'ole@um.dk', kind: 'home' }],
      languages: ['da', 'en', 'fr'],
      tags: ['co-host', '2012'],
      appointedOn: null,
    });
  });

  it('name the form’s own row in an issue, even when blank rows before it were left out', () => {
    const check = checkContact({
      ...emptyContactValues(),
      displayName: 'Ole',
      emails: [
        { value: ' ', kind: 'work' },
        { value: '', kind: 'work' },
        { value: 'not an address', kind: 'work' },
      ],
    });
    expect(check.input).toBeNull();
    expect(check.issues.map((issue) => issue.path)).toEqual(['emails.2.value']);
  });

  it('send only what changed', () => {
    expect(changedFields({ a: 1, b: ['x'], c: 'same' }, { a: 2, b: ['x'], c: 'same' })).toEqual({ a: 2 });
    expect(changedFields({ b: ['x'] }, { b: ['x', 'y'] })).toEqual({ b: ['x', 'y'] });
  });

  it('split typed lists on their separators only', () => {
    expect(splitList(' a, b ,,c ', /,/)).toEqual(['a', 'b', 'c']);
    expect(splitList('', /,/)).toEqual([]);
  });
});
