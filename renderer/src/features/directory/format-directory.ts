import type { Language } from '../../i18n/i18n';

/** A language tag as its name in the interface language ("fr" → "French" / "français"); the tag when unknown. */
export function languageName(tag: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    // A tag Intl refuses (the core accepts any well-formed one): show it as stored.
    return tag;
  }
}

/** A calendar date (YYYY-MM-DD) in the interface language, without any time-zone shift. */
export function formatDay(day: string, language: Language): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A count with the interface language's digit grouping (20,000 / 20 000). */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(language).format(count);
}
