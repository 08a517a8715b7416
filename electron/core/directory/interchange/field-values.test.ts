import { describe, expect, it } from 'vitest';
import { cleanTags, dateFromText, kindFromWords, languageFromText, normaliseEmail, normalisePhone, phoneDigits, roleFromText } from './field-values';
import { normaliseKey } from './normalise-key';

describe('normalisePhone', () => {
  it('turns tel: URIs and typed numbers into what contactInput accepts', () => {
    expect(normalisePhone('tel:+81-3-3580-3311;ext=2045')).toBe('+81-3-3580-3311 x2045');
    expect(normalisePhone('TEL:+45-33-92-00-00;phone-context=example.dk')).toBe('+45-33-92-00-00');
    expect(normalisePhone('+57 1 381 4000 ext. 1234')).toBe('+57 1 381 4000 x1234');
    expect(normalisePhone('+33\u00A01\u202F43 17 53 53 poste 12')).toBe('+33 1 43 17 53 53 x12');
    expect(normalisePhone("'+41 58 462 30 50")).toBe('+41 58 462 30 50');
    expect(normalisePhone('+1 212–963–1234')).toBe('+1 212-963-1234');
  });

  it('leaves what it cannot fix for validation to report', () => {
    expect(normalisePhone('call the switchboard')).toBe('call the switchboard');
    expect(normalisePhone(`+${'1'.repeat(300)} ext. 1`)).toBe(`+${'1'.repeat(300)} ext. 1`);
  });

  it('compares numbers by their digits', () => {
    expect(phoneDigits('+45 33 92 00 00')).toBe(phoneDigits('+45-33-92-00-00'));
  });
});

describe('normaliseEmail', () => {
  it('drops mailto: and a display name', () => {
    expect(normaliseEmail(' mailto:jane@example.org ')).toBe('jane@example.org');
    expect(normaliseEmail('Jürg Müller <juerg.mueller@eda.admin.ch>')).toBe('juerg.mueller@eda.admin.ch');
  });
});

describe('kindFromWords', () => {
  it('reads kinds from TYPE values, Apple labels and headers, a fax before a work number', () => {
    expect(kindFromWords('work voice pref', 'phone')).toBe('work');
    expect(kindFromWords('cell', 'phone')).toBe('mobile');
    expect(kindFromWords('_$!<Mobile>!$_', 'phone')).toBe('mobile');
    expect(kindFromWords('_$!<WorkFAX>!$_', 'phone')).toBe('fax');
    expect(kindFromWords('Business Fax', 'phone')).toBe('fax');
    expect(kindFromWords('Home Phone 2', 'phone')).toBe('home');
    expect(kindFromWords('Téléphone portable', 'phone')).toBe('mobile');
    expect(kindFromWords('voice', 'phone')).toBeNull();
    expect(kindFromWords('internet home', 'email')).toBe('home');
    expect(kindFromWords('* Work', 'email')).toBe('work');
    expect(kindFromWords('internet pref', 'email')).toBeNull();
    expect(kindFromWords('E-mail 2 Address', 'email')).toBeNull();
  });
});

describe('roleFromText and languageFromText', () => {
  it('reads roles in English, French and Spanish', () => {
    expect(['Focal point', 'focal-point', 'Point focal', 'Punto focal'].map(roleFromText)).toEqual(Array(4).fill('focal-point'));
    expect(roleFromText('Suppléant')).toBe('alternate');
    expect(roleFromText('Société civile')).toBe('civil-society');
    expect(roleFromText('UN')).toBe('un');
    expect(roleFromText('chairperson')).toBeNull();
  });

  it('keeps language tags and turns language names into codes', () => {
    expect(languageFromText('es-419')).toBe('es-419');
    expect(languageFromText('English')).toBe('en');
    expect(languageFromText('Français')).toBe('fr');
    expect(languageFromText('néerlandais')).toBe('nl');
    expect(languageFromText('Deutsch')).toBe('de');
    expect(languageFromText('Klingonese')).toBe('Klingonese');
  });
});

describe('dateFromText', () => {
  it('reads ISO, vCard basic and unambiguous local dates', () => {
    expect(dateFromText('2012-05-14')).toEqual({ date: '2012-05-14' });
    expect(dateFromText('2012-5-4T00:00:00Z')).toEqual({ date: '2012-05-04' });
    expect(dateFromText('20120514')).toEqual({ date: '2012-05-14' });
    expect(dateFromText('14/05/2012')).toEqual({ date: '2012-05-14' });
    expect(dateFromText('05/14/2012')).toEqual({ date: '2012-05-14' });
    expect(dateFromText('03.02.2019')).toEqual({ date: '2019-02-03' });
    expect(dateFromText('04/04/2019')).toEqual({ date: '2019-04-04' });
  });

  it('refuses to guess the order of day and month, and passes other text on', () => {
    expect(dateFromText('05/04/2012')).toEqual({ error: '"05/04/2012" can be read as day/month or month/day: write it as YYYY-MM-DD' });
    expect(dateFromText('May 2012')).toEqual({ date: 'May 2012' });
  });
});

describe('cleanTags and normaliseKey', () => {
  it("drops Google's system groups and duplicate tags", () => {
    expect(cleanTags(['myContacts', '* starred', 'R2P network', ' r2p NETWORK ', '* Africa', ''], true)).toEqual(['R2P network', 'Africa']);
    expect(cleanTags(['myContacts', 'starred', '*, important', 'Nordic'])).toEqual(['*, important', 'Nordic']);
  });

  it('compares names without accents, case or punctuation', () => {
    expect(normaliseKey('Côte d’Ivoire')).toBe(normaliseKey("COTE D'IVOIRE"));
    expect(normaliseKey('Mette Sørensen')).toBe('mette sorensen');
    expect(normaliseKey('Straße')).toBe('strasse');
    expect(normaliseKey('E-mail 1 - Value')).toBe('e mail 1 value');
  });
});
