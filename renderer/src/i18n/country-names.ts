import type { Language } from './i18n';

const displays = new Map<Language, Intl.DisplayNames>();

/**
 * A country's name in the interface language, from the browser's CLDR data ("Denmark" / "Danemark"), keyed by its
 * ISO 3166-1 alpha-2 code in either case. Falls back to `stored` (the English name the directory keeps) and then to
 * the upper-case code, so an unknown or retired code still shows something.
 */
export function countryDisplayName(code: string, language: Language, stored = ''): string {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return stored === '' ? code : stored;
  let display = displays.get(language);
  if (display === undefined) {
    display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    displays.set(language, display);
  }
  return display.of(upper) ?? (stored === '' ? upper : stored);
}
