import { describe, expect, it } from 'vitest';
import { classifyText, decodeText } from './decode-text';
import { truncateText } from './truncate-text';

const utf8 = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('classifyText', () => {
  it('trusts a BOM for UTF-8 and UTF-16, and refuses UTF-32', () => {
    expect(classifyText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), true)).toEqual({ isText: true, encoding: 'utf-8' });
    expect(classifyText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]), true)).toEqual({ isText: true, encoding: 'utf-16le' });
    expect(classifyText(Uint8Array.from([0xfe, 0xff, 0x00, 0x41]), true)).toEqual({ isText: true, encoding: 'utf-16be' });
    expect(classifyText(Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]), true)).toEqual({ isText: false, why: 'utf-32' });
  });

  it('calls NUL bytes or many control bytes binary', () => {
    expect(classifyText(Uint8Array.from([0x41, 0x00, 0x42]), true)).toEqual({ isText: false, why: 'nul-bytes' });
    const controls = Uint8Array.from({ length: 200 }, (_unused, index) => (index % 10 === 0 ? 0x01 : 0x41));
    expect(classifyText(controls, true)).toEqual({ isText: false, why: 'control-bytes' });
  });

  it('keeps tabs, line breaks, form feeds and escapes as text', () => {
    expect(classifyText(utf8('a\tb\r\nc\fd\u001be\u000bf'), true)).toEqual({ isText: true, encoding: 'utf-8' });
  });

  it('accepts a multi-byte character cut by the end of a prefix, but not at the end of a whole file', () => {
    const cut = utf8('abc é').subarray(0, 5);
    expect(classifyText(cut, false)).toEqual({ isText: true, encoding: 'utf-8' });
    expect(classifyText(cut, true)).toEqual({ isText: true, encoding: 'windows-1252' });
  });

  it('reads invalid UTF-8 with few high bytes as Windows-1252, and with many as binary', () => {
    expect(classifyText(Uint8Array.from(Buffer.from('caf\u00e9 cr\u00e8me', 'latin1')), true)).toEqual({
      isText: true,
      encoding: 'windows-1252',
    });
    const noisy = Uint8Array.from({ length: 100 }, (_unused, index) => (index % 2 === 0 ? 0xe9 : 0x41));
    expect(classifyText(noisy, true)).toEqual({ isText: false, why: 'not-utf8' });
  });
});

describe('decodeText', () => {
  it('drops BOMs and decodes each encoding', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('é')]), 'utf-8')).toBe('é');
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0xe9, 0x00]), 'utf-16le')).toBe('é');
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x00, 0xe9]), 'utf-16be')).toBe('é');
    expect(decodeText(Uint8Array.from([0x80, 0x85, 0x9c, 0xe9, 0x81]), 'windows-1252')).toBe('€…œé\u0081');
  });

  it('replaces an invalid sequence further on instead of failing', () => {
    expect(decodeText(Uint8Array.from([0x61, 0xff, 0x62]), 'utf-8')).toBe('a\ufffdb');
  });

  it('decodes Windows-1252 files larger than one chunk', () => {
    const bytes = new Uint8Array(20_000).fill(0x80);
    expect(decodeText(bytes, 'windows-1252')).toBe('€'.repeat(20_000));
  });
});

describe('truncateText', () => {
  it('cuts at maxChars, never inside a surrogate pair', () => {
    expect(truncateText('abcdef', 10)).toEqual({ text: 'abcdef', truncated: false });
    expect(truncateText('abcdef', 3)).toEqual({ text: 'abc', truncated: true });
    expect(truncateText('ab😀cd', 3)).toEqual({ text: 'ab', truncated: true });
    expect(truncateText('ab😀cd', 4)).toEqual({ text: 'ab😀', truncated: true });
    expect(truncateText('abc', 0)).toEqual({ text: '', truncated: true });
  });
});
