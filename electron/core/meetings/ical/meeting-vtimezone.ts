import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { Temporal } from 'temporal-polyfill';
import { offsetAt, readZoneRules } from './vtimezone-offsets';
import { exactVtimezone, yearlyVtimezone } from './vtimezone-from-tzdata';

/** The VTIMEZONE a calendar carries for a zone, and the TZID its events must name. */
export interface ZoneDefinition {
  /** TZID as the component spells it (e.g. `Etc/UTC` for `UTC`); events must use exactly this. */
  readonly tzid: string;
  /** `BEGIN:VTIMEZONE` … `END:VTIMEZONE`, lines separated by CRLF. */
  readonly component: string;
  /**
   * `ical-timezones` when @touch4it/ical-timezones' file agreed with the tz database; otherwise `tzdata`: the
   * component was written from the tz database Temporal reads (see `vtimezoneFor`).
   */
  readonly source: 'ical-timezones' | 'tzdata';
}

/**
 * The VTIMEZONE for a zone, checked against the tz database at every instant the calendar uses.
 *
 * @touch4it/ical-timezones is asked first. Its files come from tzurl.org (Olson 2018g) and miss every change since:
 * Mexico, Brazil, Iran, Jordan, Syria and others dropped daylight saving time, Egypt took it up again, Kyiv got its
 * name; its Etc/GMT±N files even have the sign the wrong way round. A file that is missing, names another zone, or
 * gives another offset at one of `instants` is not used; the component is then written from the tz database for the
 * year of the first instant, in the yearly shape Outlook reads, or as an exact list of changes when no yearly rule
 * fits all the instants.
 *
 * @param zone an id Temporal knows (checked by `meetingWhen`).
 * @param instants every start and end the calendar writes in this zone; at least one.
 */
export function vtimezoneFor(zone: string, instants: readonly Temporal.Instant[]): ZoneDefinition {
  const first = instants.reduce((a, b) => (Temporal.Instant.compare(a, b) <= 0 ? a : b));
  const last = instants.reduce((a, b) => (Temporal.Instant.compare(a, b) >= 0 ? a : b));
  const agrees = (component: string, tzid: string): boolean => {
    const rules = readZoneRules(component);
    if (rules === null || rules.tzid !== tzid) return false;
    return instants.every(
      (instant) => offsetAt(rules, instant) === instant.toZonedDateTimeISO(zone).offsetNanoseconds / 1e9,
    );
  };

  const canonical = canonicalZone(zone);
  for (const name of new Set([zone, canonical])) {
    const component = libraryComponent(name);
    const tzid = component === null ? undefined : readZoneRules(component)?.tzid;
    // A file found under the name may describe another zone (Canada/Atlantic's is America/Aruba's): not used.
    if (component !== null && tzid !== undefined && canonicalZone(tzid) === canonical && agrees(component, tzid)) {
      return { tzid, component, source: 'ical-timezones' };
    }
  }

  const yearly = yearlyVtimezone(zone, first.toZonedDateTimeISO(zone).year);
  if (yearly !== null && agrees(yearly, zone)) return { tzid: zone, component: yearly, source: 'tzdata' };
  const exact = exactVtimezone(zone, first.subtract({ hours: 24 * 366 }), last.add({ hours: 24 * 366 }));
  if (!agrees(exact, zone)) throw new Error(`The VTIMEZONE written for ${zone} does not match the tz database`);
  return { tzid: zone, component: exact, source: 'tzdata' };
}

/** The library's component, trimmed; null when it has no file for the name. */
function libraryComponent(name: string): string | null {
  const component = getVtimezoneComponent(name);
  return component === null ? null : component.trim();
}

/**
 * The name ICU gives a zone (`Europe/Kyiv` → `Europe/Kiev`, `Etc/UTC` → `UTC`), so a library file found under an
 * alias is accepted and a file that names a different zone is not.
 */
function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch (error: unknown) {
    if (error instanceof RangeError) return zone;
    throw error;
  }
}
