import { describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchIndex } from './index';

/** One organisation per script, named as its ministry of foreign affairs names itself (with a few decoys). */
function ministries(): SearchIndex {
  const index = createSearchIndex();
  const add = (id: string, name: string): void => {
    index.upsert({ kind: 'organisation', id, fields: [{ text: name, weight: 3 }] });
  };
  add('cn', '中华人民共和国外交部');
  add('cn-decoy', '国防部');
  add('jp', '外務省 (がいむしょう)');
  add('jp-kana', 'アジア大洋州局');
  add('th', 'กระทรวงการต่างประเทศ');
  add('th-decoy', 'กระทรวงกลาโหม');
  add('ar', 'وَزَارَةُ الْخَارِجِيَّة');
  add('ar-decoy', 'وزارة الدفاع');
  add('ru', 'Министерство иностранных дел Российской Федерации');
  add('el', 'Υπουργείο Εξωτερικών');
  add('he', 'מִשְׂרַד הַחוּץ');
  add('ko', '대한민국 외교부');
  add('hi', 'विदेश मंत्रालय');
  return index;
}

const find = (index: SearchIndex, text: string): string[] => [...index.matchingIds(text, 'organisation')];

describe('search index in other scripts', () => {
  const index = ministries();

  it('Chinese: whole words, partial words from any character, the exact word ranked first', () => {
    expect(find(index, '外交部')).toEqual(['cn']);
    expect(find(index, '外交')).toEqual(['cn']);
    expect(find(index, '交部')).toEqual(['cn']);
    expect(find(index, '人民共和国外交部')).toEqual(['cn']);
    expect(find(index, '部').sort()).toEqual(['cn', 'cn-decoy']);
    // 国 opens 国防部 but sits inside 共和国: the field start ranks first.
    expect(find(index, '国')).toEqual(['cn-decoy', 'cn']);
    expect(find(index, '外交部长')).toEqual([]);
  });

  it('Japanese: kanji, hiragana, katakana and half-width katakana', () => {
    expect(find(index, '外務')).toEqual(['jp']);
    expect(find(index, 'がいむ')).toEqual(['jp']);
    expect(find(index, '大洋州')).toEqual(['jp-kana']);
    expect(find(index, 'ｱｼﾞｱ')).toEqual(['jp-kana']);
    // 外 opens 外務省 (the field's start) and 外交部 (a word inside the field).
    expect(find(index, '外')).toEqual(['jp', 'cn']);
  });

  it('Thai: any word of a run written without spaces, and the run typed from a word start', () => {
    // Both open with the word กระทรวง (exact, at the start): tied, so in the order of their normalised names.
    expect(find(index, 'กระทรวง')).toEqual(['th-decoy', 'th']);
    expect(find(index, 'ต่างประเทศ')).toEqual(['th']);
    expect(find(index, 'การต่าง')).toEqual(['th']);
    expect(find(index, 'กระทรวงการ')).toEqual(['th']);
    expect(find(index, 'กลาโหม')).toEqual(['th-decoy']);
  });

  it('Arabic: harakat and tatweel ignored on either side', () => {
    expect(find(index, 'الخارجية')).toEqual(['ar']);
    expect(find(index, 'وزارة')).toEqual(['ar', 'ar-decoy']);
    expect(find(index, 'وَزارة الخـــارج')).toEqual(['ar']);
    expect(find(index, 'الدفاع')).toEqual(['ar-decoy']);
  });

  it('Russian: case-insensitive, prefixes', () => {
    expect(find(index, 'министерство')).toEqual(['ru']);
    expect(find(index, 'ИНОСТР')).toEqual(['ru']);
    expect(find(index, 'дел федер')).toEqual(['ru']);
  });

  it('Greek: accents, case and final sigma', () => {
    expect(find(index, 'εξωτερικων')).toEqual(['el']);
    expect(find(index, 'ΥΠΟΥΡΓΕΙΟ')).toEqual(['el']);
    expect(find(index, 'υπουργείο εξωτ')).toEqual(['el']);
  });

  it('Hebrew: with or without niqqud', () => {
    expect(find(index, 'משרד')).toEqual(['he']);
    expect(find(index, 'החוץ')).toEqual(['he']);
    expect(find(index, 'מִשְׂרָד')).toEqual(['he']);
  });

  it('Korean and Devanagari', () => {
    expect(find(index, '외교')).toEqual(['ko']);
    expect(find(index, 'विदेश')).toEqual(['hi']);
    expect(find(index, 'मंत्रा')).toEqual(['hi']);
  });

  it('Latin queries never reach other scripts', () => {
    expect(find(index, 'a')).toEqual([]);
  });
});
