import { describe, expect, it } from 'vitest';
import { countCards, normaliseLegacyLine, splitCards, splitContentLine } from './vcard-lines';

const card = (...lines: string[]): string => lines.join('\r\n');

describe('splitCards', () => {
  it('finds each card with the line it starts on and unfolds its lines, keeping their line numbers', () => {
    const cards = splitCards(
      card('', 'BEGIN:VCARD', 'VERSION:3.0', 'FN:Mette', '  Sørensen', 'NOTE:one\\, two', '\tthree', 'END:VCARD', 'junk between', 'begin:vcard', 'FN:B', 'end:vcard', ''),
    );
    expect(cards).toEqual([
      {
        record: 1,
        line: 2,
        problems: [],
        lines: [
          { line: 3, text: 'VERSION:3.0' },
          { line: 4, text: 'FN:Mette Sørensen' },
          { line: 6, text: 'NOTE:one\\, twothree' },
        ],
      },
      { record: 2, line: 10, problems: [], lines: [{ line: 11, text: 'FN:B' }] },
    ]);
  });

  it('joins quoted-printable soft line breaks verbatim (a leading space is text) and 2.1 base64 continuations', () => {
    const [first] = splitCards(
      card('BEGIN:VCARD', 'NOTE;ENCODING=QUOTED-PRINTABLE:a=', ' b=', 'c', 'PHOTO;ENCODING=BASE64:AAAA', 'BBBB', '', 'FN:x', 'END:VCARD'),
    );
    expect(first?.lines).toEqual([
      { line: 2, text: 'NOTE;ENCODING=QUOTED-PRINTABLE:a bc' },
      { line: 5, text: 'PHOTO;ENCODING=BASE64:AAAABBBB' },
      { line: 8, text: 'FN:x' },
    ]);
  });

  it('reports a card that never ends', () => {
    const cards = splitCards(card('BEGIN:VCARD', 'FN:A', 'BEGIN:VCARD', 'FN:B', 'END:VCARD', 'BEGIN:VCARD', 'FN:C'));
    expect(cards.map((c) => [c.line, c.problems])).toEqual([
      [1, [{ code: 'missing-end', params: { line: 1, before: 3 }, message: 'the card starting on line 1 has no END:VCARD before line 3' }]],
      [3, []],
      [6, [{ code: 'missing-end', params: { line: 6 }, message: 'the card starting on line 6 has no END:VCARD' }]],
    ]);
    expect(countCards(card('BEGIN:VCARD', 'END:VCARD', 'BEGIN:VCARD  ', 'END:VCARD', 'X-BEGIN:VCARD'))).toBe(2);
  });
});

describe('splitContentLine', () => {
  it('splits group, name, parameters (quotes respected) and value', () => {
    expect(splitContentLine('item1.EMAIL;type=INTERNET;X-Q="a;b:c":x@y.z')).toEqual({
      group: 'item1',
      name: 'EMAIL',
      params: ['type=INTERNET', 'X-Q="a;b:c"'],
      value: 'x@y.z',
    });
    expect(splitContentLine('no colon here')).toBeNull();
    expect(splitContentLine('bad name:value')).toBeNull();
  });
});

describe('normaliseLegacyLine', () => {
  it('names bare vCard 2.1 parameters', () => {
    expect(normaliseLegacyLine('TEL;WORK;VOICE:+41 58 462 30 50')).toBe('TEL;TYPE=WORK;TYPE=VOICE:+41 58 462 30 50');
    expect(normaliseLegacyLine('EMAIL;PREF;INTERNET:a@b.c')).toBe('EMAIL;TYPE=PREF;TYPE=INTERNET:a@b.c');
  });

  it('decodes quoted-printable in its charset and escapes its line breaks', () => {
    expect(normaliseLegacyLine('NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:Zust=C3=A4ndig=0D=0Af=C3=BCr')).toBe('NOTE:Zuständig\\nfür');
    expect(normaliseLegacyLine('N;CHARSET=windows-1252;QUOTED-PRINTABLE:M=FCller;J=FCrg')).toBe('N:Müller;Jürg');
  });

  it('leaves every other line exactly as it is', () => {
    for (const line of ['FN;CHARSET=utf-8:Jürg', 'item1.EMAIL;type=INTERNET;type=pref:a@b.c', 'TEL;VALUE=uri;TYPE="voice,work":tel:+1']) {
      expect(normaliseLegacyLine(line)).toBe(line);
    }
  });
});
