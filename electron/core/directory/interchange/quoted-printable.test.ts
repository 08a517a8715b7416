import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, QuotedPrintableError } from './quoted-printable';

describe('decodeQuotedPrintable', () => {
  it('decodes UTF-8 escapes, line breaks and soft line breaks', () => {
    expect(decodeQuotedPrintable('Zust=C3=A4ndig f=C3=BCr das=\r\n Netzwerk')).toBe('Zuständig für das Netzwerk');
    expect(decodeQuotedPrintable('Line one=0D=0ALine two')).toBe('Line one\r\nLine two');
    expect(decodeQuotedPrintable('Am=C3=A9lie', 'UTF-8')).toBe('Amélie');
    expect(decodeQuotedPrintable('a=3Db=')).toBe('a=b');
  });

  it('decodes in the CHARSET named (Windows-1252, Latin-1)', () => {
    expect(decodeQuotedPrintable('Am=E9lie =80', 'windows-1252')).toBe('Amélie €');
    expect(decodeQuotedPrintable('M=FCller', 'ISO-8859-1')).toBe('Müller');
  });

  it('keeps an "=" not followed by two hex digits, and text already outside ASCII', () => {
    expect(decodeQuotedPrintable('2+2=four')).toBe('2+2=four');
    expect(decodeQuotedPrintable('Sørensen =C3=A6')).toBe('Sørensen æ');
    expect(decodeQuotedPrintable('emoji =F0=9F=98=80 😀')).toBe('emoji 😀 😀');
  });

  it('refuses an unknown charset and bytes that are not valid in the charset', () => {
    expect(() => decodeQuotedPrintable('x', 'klingon-8')).toThrow(QuotedPrintableError);
    expect(() => decodeQuotedPrintable('x', 'klingon-8')).toThrow('unknown character set "klingon-8"');
    expect(() => decodeQuotedPrintable('M=FCller', 'utf-8')).toThrow('not valid utf-8');
  });
});
