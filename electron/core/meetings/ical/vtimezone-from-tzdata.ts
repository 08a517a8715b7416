import { Temporal } from 'temporal-polyfill';
import { localText, type Observance, offsetText, ruleDay, ruleText, type YearlyRule } from './vtimezone-offsets';

/** A change of offset: at `instant` the zone goes from `offsetFrom` to `offsetTo` (seconds east of UTC). */
interface Transition {
  readonly instant: Temporal.Instant;
  readonly offsetFrom: number;
  readonly offsetTo: number;
}

/** More changes than any zone has had in a few years; keeps the walk through the tz database bounded. */
const MAX_TRANSITIONS = 64;
/** Where the rules of a yearly definition start, as in tzurl.org's files (readers only need an onset before the events). */
const RULES_FROM_YEAR = 1970;

/**
 * A VTIMEZONE in the shape Outlook imports (MS-OXCICAL §2.1.3.1.1.19: at most one STANDARD and one DAYLIGHT, each
 * with a yearly "nth weekday of month" rule), built from the changes the tz database has for `year`. Null when that
 * year cannot be put that way: one change only (a zone changing its standard offset), or more than two.
 *
 * The rule is the one `year` follows; the caller checks it against the times it will be used for.
 */
export function yearlyVtimezone(zone: string, year: number): string | null {
  const start = Temporal.PlainDate.from({ year, month: 1, day: 1 }).toZonedDateTime({ timeZone: zone });
  const end = start.add({ years: 1 });
  const changes = transitionsBetween(zone, start.toInstant(), end.toInstant());
  if (changes.length === 0) {
    const offset = start.offsetNanoseconds / 1e9;
    const fixed: Observance = {
      kind: 'STANDARD',
      onset: Temporal.PlainDateTime.from({ year: RULES_FROM_YEAR, month: 1, day: 1 }),
      offsetFrom: offset,
      offsetTo: offset,
      rule: null,
    };
    return componentText(zone, [fixed]);
  }
  const [a, b] = changes;
  if (changes.length !== 2 || a === undefined || b === undefined) return null;
  if (a.offsetTo !== b.offsetFrom || b.offsetTo !== a.offsetFrom || a.offsetTo === b.offsetTo) return null;
  const observances = [a, b].map((change): Observance => {
    const local = localOnset(change);
    const day = local.toPlainDate();
    const rule: YearlyRule = {
      month: day.month,
      week: day.day + 7 > day.daysInMonth ? -1 : Math.ceil(day.day / 7),
      weekday: day.dayOfWeek,
    };
    const firstDay = ruleDay(RULES_FROM_YEAR, rule);
    if (firstDay === null) throw new Error(`A yearly rule without a day in ${RULES_FROM_YEAR}: ${ruleText(rule)}`);
    return {
      kind: change.offsetTo > change.offsetFrom ? 'DAYLIGHT' : 'STANDARD',
      onset: firstDay.toPlainDateTime(local.toPlainTime()),
      offsetFrom: change.offsetFrom,
      offsetTo: change.offsetTo,
      rule,
    };
  });
  return componentText(zone, observances);
}

/**
 * A VTIMEZONE listing every change between `from` and `to` (one observance each, after one for the offset at
 * `from`). Always exact per RFC 5545, for zones whose changes follow no yearly weekday rule; Outlook keeps only the
 * latest STANDARD and DAYLIGHT of such a list, so this is the last resort.
 */
export function exactVtimezone(zone: string, from: Temporal.Instant, to: Temporal.Instant): string {
  const first = from.toZonedDateTimeISO(zone);
  const offset = first.offsetNanoseconds / 1e9;
  const initial: Observance = {
    kind: 'STANDARD',
    onset: first.toPlainDateTime(),
    offsetFrom: offset,
    offsetTo: offset,
    rule: null,
  };
  const changes = transitionsBetween(zone, from, to).map(
    (change): Observance => ({
      kind: change.offsetTo > change.offsetFrom ? 'DAYLIGHT' : 'STANDARD',
      onset: localOnset(change),
      offsetFrom: change.offsetFrom,
      offsetTo: change.offsetTo,
      rule: null,
    }),
  );
  return componentText(zone, [initial, ...changes]);
}

/** Changes of offset with `from` < instant ≤ `to`, oldest first. */
function transitionsBetween(zone: string, from: Temporal.Instant, to: Temporal.Instant): Transition[] {
  const found: Transition[] = [];
  let cursor = from.toZonedDateTimeISO(zone);
  for (let i = 0; i < MAX_TRANSITIONS; i++) {
    const next = cursor.getTimeZoneTransition('next');
    if (next === null || Temporal.Instant.compare(next.toInstant(), to) > 0) return found;
    const before = next.toInstant().subtract({ nanoseconds: 1 }).toZonedDateTimeISO(zone);
    found.push({
      instant: next.toInstant(),
      offsetFrom: Math.round(before.offsetNanoseconds / 1e9),
      offsetTo: Math.round(next.offsetNanoseconds / 1e9),
    });
    cursor = next;
  }
  throw new Error(`More than ${MAX_TRANSITIONS} offset changes in ${zone} between ${from.toString()} and ${to.toString()}`);
}

/** The wall-clock time of a change on the clock in force before it (RFC 5545 §3.6.5: DTSTART is in TZOFFSETFROM). */
function localOnset(change: Transition): Temporal.PlainDateTime {
  return change.instant.toZonedDateTimeISO('UTC').toPlainDateTime().add({ seconds: change.offsetFrom });
}

function componentText(zone: string, observances: readonly Observance[]): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const observance of observances) {
    lines.push(
      `BEGIN:${observance.kind}`,
      `DTSTART:${localText(observance.onset)}`,
      ...(observance.rule === null ? [] : [`RRULE:${ruleText(observance.rule)}`]),
      `TZOFFSETFROM:${offsetText(observance.offsetFrom)}`,
      `TZOFFSETTO:${offsetText(observance.offsetTo)}`,
      `END:${observance.kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
