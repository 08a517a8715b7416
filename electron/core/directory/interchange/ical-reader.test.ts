import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { paramValues, propertyComponents, propertyText, readProperty, splitEscaped } from './ical-reader';

describe('readProperty', () => {
  it('reads group, parameters and value with ical.js', () => {
    const email = readProperty('item1.EMAIL;type=INTERNET;type=pref:mets@um.dk', 'vcard3', 7);
    expect([email.name, email.group, email.line, propertyText(email)]).toEqual(['email', 'item1', 7, 'mets@um.dk']);
    expect(paramValues(email, 'type')).toEqual(['internet', 'pref']);
    const tel = readProperty('TEL;VALUE=uri;TYPE="voice,work":tel:+81-3-3580-3311;ext=2045', 'vcard4', 1);
    expect([propertyText(tel), paramValues(tel, 'type')]).toEqual(['tel:+81-3-3580-3311;ext=2045', ['voice', 'work']]);
    expect(() => readProperty('EMAIL;=work:a@b.c', 'vcard4', 1)).toThrow();
  });

  it('splits structured values on unescaped separators only, even after an escaped backslash', () => {
    // ical.js alone takes the ";" after "\\\\" for an escaped one and merges two components:
    const library = ICAL.Property.fromString('N:Family\\\\;Given;;Dr.;', ICAL.design.vcard).toJSON() as unknown[];
    expect(library[3]).toEqual(['Family\\;Given', '', 'Dr.', '']);
    const n = readProperty('N:Family\\\\;Given\\, Jr;;Dr.;', 'vcard4', 1);
    expect(propertyComponents(n)).toEqual(['Family\\', 'Given, Jr', '', 'Dr.', '']);
    const multi = readProperty('N:Dubois;Jean,Pierre;;;', 'vcard3', 1);
    expect(propertyComponents(multi)).toEqual(['Dubois', 'Jean Pierre', '', '', '']);
    const org = readProperty('ORG:Ministry of Foreign Affairs, Trade and Development;Legal\\; Treaties', 'vcard3', 1);
    expect(propertyComponents(org)).toEqual(['Ministry of Foreign Affairs, Trade and Development', 'Legal; Treaties']);
    const categories = readProperty('CATEGORIES:a\\\\,b\\,c,d;e', 'vcard4', 1);
    expect(categories.values).toEqual(['a\\', 'b,c', 'd;e']);
  });

  it('unescapes \\; in every text value, which ical.js leaves in unstructured ones', () => {
    expect(ICAL.Property.fromString('NOTE:a\\;b', ICAL.design.vcard).getFirstValue()).toBe('a\\;b');
    expect(propertyText(readProperty('NOTE:a\\;b\\\\;c\\, d\\nx', 'vcard4', 1))).toBe('a;b\\;c, d\nx');
    expect(propertyText(readProperty('NOTE:one\\, two, three', 'vcard3', 1))).toBe('one, two, three');
    expect((ICAL.design.vcard.property as Record<string, unknown>)['n']).toEqual({ defaultType: 'text', structuredValue: ';', multiValue: ',' }); // untouched
  });
});

describe('splitEscaped', () => {
  it('skips the character after each backslash', () => {
    expect(splitEscaped('a\\;b;c\\\\;d', ';')).toEqual(['a\\;b', 'c\\\\', 'd']);
    expect(splitEscaped('', ',')).toEqual(['']);
  });
});
