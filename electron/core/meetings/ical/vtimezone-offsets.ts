import { Temporal } from 'temporal-polyfill';

/** A yearly rule such as "last Sunday of March" (`week` -1) or "second Sunday of March" (`week` 2). */
export interface YearlyRule {
  readonly month: number;
  /** 1…5 counts from the start of the month, -1…-5 from its end. */
  readonly week: number;
  /** ISO day of the week, as Temporal numbers it: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

/** One STANDARD or DAYLIGHT observance: from `onset` (local time, before the change) the offset is `offsetTo`. */
export interface Observance {
  readonly kind: 'STANDARD' | 'DAYLIGHT';
  readonly onset: Temporal.PlainDateTime;
  readonly offsetFrom: number;
  readonly offsetTo: number;
  readonly rule: YearlyRule | null;
}

/** A VTIMEZONE in the subset this module reads: the observances and nothing of what it ignores. */
export interface ZoneRules {
  readonly tzid: string;
  readonly observances: readonly Observance[];
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** Top-level VTIMEZONE properties that do not change which offset applies when. */
const IGNORED_ZONE_PROPERTIES = new Set(['TZURL', 'LAST-MODIFIED', 'X-LIC-LOCATION']);
const IGNORED_OBSERVANCE_PROPERTIES = new Set(['TZNAME', 'COMMENT']);

/**
 * Reads a VTIMEZONE written as tzurl.org's "Outlook" files are (the form @touch4it/ical-timezones ships and the form
 * `vtimezone-from-tzdata.ts` writes): observances with a local DTSTART, offsets and at most a
 * `FREQ=YEARLY;BYMONTH=…;BYDAY=…` rule. Returns null for anything else (RDATE, other rules, TZID parameters…), so a
 * definition that cannot be checked is never trusted.
 */
export function readZoneRules(text: string): ZoneRules | null {
  const lines = text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  if (lines[0] !== 'BEGIN:VTIMEZONE' || lines.at(-1) !== 'END:VTIMEZONE') return null;
  let tzid: string | null = null;
  const observances: Observance[] = [];
  let current: Map<string, string> | null = null;
  let kind: Observance['kind'] = 'STANDARD';
  for (const line of lines.slice(1, -1)) {
    const separator = line.search(/[:;]/);
    if (separator < 1) return null;
    const name = line.slice(0, separator).toUpperCase();
    const value = line.slice(line.indexOf(':') + 1);
    const plain = line[separator] === ':';
    if (current === null) {
      if (name === 'BEGIN' && (value === 'STANDARD' || value === 'DAYLIGHT')) {
        current = new Map();
        kind = value;
      } else if (name === 'TZID' && plain) tzid = value;
      else if (!IGNORED_ZONE_PROPERTIES.has(name) && !name.startsWith('X-')) return null;
    } else if (name === 'END' && value === kind) {
      const observance = toObservance(kind, current);
      if (observance === null) return null;
      observances.push(observance);
      current = null;
    } else if (IGNORED_OBSERVANCE_PROPERTIES.has(name) || name.startsWith('X-')) {
      continue;
    } else if (!plain || current.has(name)) {
      return null;
    } else {
      current.set(name, value);
    }
  }
  if (tzid === null || current !== null || observances.length === 0) return null;
  return { tzid, observances };
}

/**
 * The UTC offset, in seconds, the rules give at an instant: that of the latest onset at or before it. Null before
 * the first onset, where RFC 5545 defines nothing.
 */
export function offsetAt(rules: ZoneRules, instant: Temporal.Instant): number | null {
  const target = instant.epochMilliseconds;
  const year = instant.toZonedDateTimeISO('UTC').year;
  let best: { readonly at: number; readonly offset: number } | null = null;
  for (const observance of rules.observances) {
    const first = onsetInstant(observance.onset, observance.offsetFrom);
    const onsets = [first];
    if (observance.rule !== null) {
      // Two years back covers an onset late in December at a far-west offset, which falls in the next UTC year.
      for (let y = Math.max(observance.onset.year, year - 2); y <= year + 1; y++) {
        const day = ruleDay(y, observance.rule);
        if (day === null) continue;
        onsets.push(onsetInstant(day.toPlainDateTime(observance.onset.toPlainTime()), observance.offsetFrom));
      }
    }
    for (const at of onsets) {
      if (at >= first && at <= target && (best === null || at > best.at)) best = { at, offset: observance.offsetTo };
    }
  }
  return best?.offset ?? null;
}

/** The day a yearly rule falls on in a year, or null when that year has no such day (a fifth Sunday). */
export function ruleDay(year: number, rule: YearlyRule): Temporal.PlainDate | null {
  const first = Temporal.PlainDate.from({ year, month: rule.month, day: 1 });
  let day: number;
  if (rule.week > 0) {
    day = 1 + ((rule.weekday - first.dayOfWeek + 7) % 7) + (rule.week - 1) * 7;
  } else {
    const lastDayOfWeek = first.with({ day: first.daysInMonth }).dayOfWeek;
    day = first.daysInMonth - ((lastDayOfWeek - rule.weekday + 7) % 7) + (rule.week + 1) * 7;
  }
  return day >= 1 && day <= first.daysInMonth ? first.with({ day }) : null;
}

/** RRULE text for a yearly rule, e.g. `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`. */
export function ruleText(rule: YearlyRule): string {
  return `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.week}${WEEKDAYS[rule.weekday - 1] ?? ''}`;
}

/** `+0130` style (seconds only when there are any), as TZOFFSETFROM/TZOFFSETTO take it. */
export function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  const rest = abs % 60 === 0 ? '' : two(abs % 60);
  return `${sign}${two(Math.floor(abs / 3600))}${two(Math.floor(abs / 60) % 60)}${rest}`;
}

/** `19700329T020000`: a local DATE-TIME as a VTIMEZONE's DTSTART takes it. */
export function localText(time: Temporal.PlainDateTime): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(time.year, 4)}${pad(time.month)}${pad(time.day)}T${pad(time.hour)}${pad(time.minute)}${pad(time.second)}`;
}

function toObservance(kind: Observance['kind'], properties: ReadonlyMap<string, string>): Observance | null {
  const start = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(properties.get('DTSTART') ?? '');
  const offsetFrom = parseOffset(properties.get('TZOFFSETFROM'));
  const offsetTo = parseOffset(properties.get('TZOFFSETTO'));
  const known = new Set(['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO', 'RRULE']);
  if (start === null || offsetFrom === null || offsetTo === null || [...properties.keys()].some((k) => !known.has(k))) {
    return null;
  }
  const [year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN] = start.slice(1).map(Number);
  let onset: Temporal.PlainDateTime;
  try {
    onset = Temporal.PlainDateTime.from({ year, month, day, hour, minute, second }, { overflow: 'reject' });
  } catch (error: unknown) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  const ruleValue = properties.get('RRULE');
  const rule = ruleValue === undefined ? null : parseRule(ruleValue);
  if (ruleValue !== undefined && rule === null) return null;
  return { kind, onset, offsetFrom, offsetTo, rule };
}

function parseRule(value: string): YearlyRule | null {
  const parts = new Map(value.split(';').map((part) => part.split('=', 2) as [string, string | undefined]));
  const month = Number(parts.get('BYMONTH'));
  const byDay = /^([+-]?[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(parts.get('BYDAY') ?? '');
  const allowed = ['FREQ', 'BYMONTH', 'BYDAY'];
  if (parts.get('FREQ') !== 'YEARLY' || [...parts.keys()].some((k) => !allowed.includes(k))) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12 || byDay === null) return null;
  const weekday = WEEKDAYS.indexOf(byDay[2] as (typeof WEEKDAYS)[number]) + 1;
  return { month, week: Number(byDay[1]), weekday };
}

function parseOffset(value: string | undefined): number | null {
  const match = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value ?? '');
  if (match === null) return null;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return match[1] === '-' ? -seconds : seconds;
}

/** Epoch milliseconds of a local onset written in the offset in force before it. */
function onsetInstant(local: Temporal.PlainDateTime, offsetFrom: number): number {
  return local.toZonedDateTime('UTC').epochMilliseconds - offsetFrom * 1000;
}
