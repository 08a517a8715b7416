import type { TFunction } from 'i18next';
import { formatCount } from '../directory/format-directory';
import type { Language } from '../../i18n/i18n';

/**
 * "36 countries attended (11 recorded)": how many countries attended a meeting. A count a source states (a report's
 * "36 countries") is the headline when there is one, since the attendance list is then known to be incomplete; the
 * countries recorded follow in brackets when they differ. Without a stated count, the recorded ones are the count.
 */
export function countriesAttendedText(recorded: number, stated: number | null, language: Language, t: TFunction): string {
  const headline = stated ?? recorded;
  const main = t('meetings.counts.countries', { count: headline, formatted: formatCount(headline, language) });
  if (stated === null || stated === recorded) return main;
  return `${main} ${t('meetings.counts.recorded', { count: recorded, formatted: formatCount(recorded, language) })}`;
}
