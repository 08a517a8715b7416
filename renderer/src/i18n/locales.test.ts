import { describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { fr } from './locales/fr';

/** Every leaf of a resource tree as `path → value`, so locales can be compared key by key. */
function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree) as [string, unknown][]) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null) {
      for (const [leaf, text] of flatten(value, path)) out.set(leaf, text);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const locales = { en: flatten(en), fr: flatten(fr) };

describe('locales', () => {
  it('have exactly the same keys in English and French', () => {
    expect([...locales.fr.keys()].sort()).toEqual([...locales.en.keys()].sort());
    expect(locales.en.size).toBeGreaterThan(20);
  });

  it.each(Object.entries(locales))('%s has only non-empty strings', (_name, entries) => {
    const bad = [...entries].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('use the same interpolation variables and tags in both languages', () => {
    const placeholders = (text: unknown): string[] =>
      String(text).match(/\{\{\w+\}\}|<\/?\w+>/g)?.sort() ?? [];
    const mismatched = [...locales.en].filter(([key, text]) => {
      return placeholders(text).join() !== placeholders(locales.fr.get(key)).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});
