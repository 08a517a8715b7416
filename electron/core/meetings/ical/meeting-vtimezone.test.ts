import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { meetingCalendar } from './meeting-calendar';
import { vtimezoneFor } from './meeting-vtimezone';
import { offsetAt, readZoneRules } from './vtimezone-offsets';

/** The 15th of each month of a year at noon UTC: both sides of any daylight-saving period. */
const monthly = (year: number): Temporal.Instant[] =>
  Array.from({ length: 12 }, (_, i) => Temporal.Instant.from(`${year}-${String(i + 1).padStart(2, '0')}-15T12:00:00Z`));

const tzdataOffset = (zone: string, instant: Temporal.Instant): number => instant.toZonedDateTimeISO(zone).offsetNanoseconds / 1e9;

/**
 * The offset Mozilla's ical.js gives a VTIMEZONE at a wall-clock time, as a client does when it reads
 * `DTSTART;TZID=…` (its `utcOffset` takes local time). The wall-clock time is the instant's in `zone` by the tz
 * database, or by `offset` seconds when given.
 */
function icalJsOffset(component: string | ICAL.Timezone, instant: Temporal.Instant, zone: string, offset?: number): number {
  const timezone = typeof component === 'string' ? icalJsZone(component) : component;
  const local =
    offset === undefined
      ? instant.toZonedDateTimeISO(zone).toPlainDateTime()
      : instant.toZonedDateTimeISO('UTC').toPlainDateTime().add({ seconds: offset });
  const { year, month, day, hour, minute, second } = local;
  return timezone.utcOffset(new ICAL.Time({ year, month, day, hour, minute, second, isDate: false }, timezone));
}

function icalJsZone(component: string): ICAL.Timezone {
  const vtimezone = ICAL.Component.fromString(`BEGIN:VCALENDAR\r\n${component}\r\nEND:VCALENDAR\r\n`).getFirstSubcomponent('vtimezone');
  if (vtimezone === null) throw new Error('No VTIMEZONE in the component');
  return new ICAL.Timezone(vtimezone);
}

/** Every zone file @touch4it/ical-timezones ships, by the name it is asked for. */
function libraryZoneNames(): string[] {
  const require = createRequire(import.meta.url);
  const folder = dirname(require.resolve('@touch4it/ical-timezones'));
  const source = readFileSync(join(folder, 'zones.js'), 'utf8');
  return [...source.matchAll(/^\s*'([^']+)':/gm)].map((match) => match[1]!);
}

describe('vtimezoneFor', () => {
  it('uses the library file for a zone whose rules have not changed since it was written', () => {
    const definition = vtimezoneFor('Europe/Copenhagen', monthly(2026));
    expect(definition).toMatchObject({ tzid: 'Europe/Copenhagen', source: 'ical-timezones' });
    expect(definition.component).toBe(getVtimezoneComponent('Europe/Copenhagen')?.trim());
  });

  it('finds the library file under an older name of the zone (Europe/Kyiv → Europe/Kiev)', () => {
    const definition = vtimezoneFor('Europe/Kyiv', monthly(2026));
    expect(definition).toMatchObject({ tzid: 'Europe/Kiev', source: 'ical-timezones' });
  });

  it('writes Mexico City without the daylight saving time the library still has (abolished in 2022)', () => {
    const july = Temporal.Instant.from('2026-07-01T15:00:00Z');
    expect(icalJsOffset(getVtimezoneComponent('America/Mexico_City')!, july, 'America/Mexico_City')).toBe(-5 * 3600);
    const definition = vtimezoneFor('America/Mexico_City', [july]);
    expect(definition.source).toBe('tzdata');
    expect(definition.tzid).toBe('America/Mexico_City');
    expect(definition.component).not.toContain('DAYLIGHT');
    expect(icalJsOffset(definition.component, july, 'America/Mexico_City')).toBe(-6 * 3600);
  });

  it('writes Etc/GMT-3 as UTC+3 (the library has the sign the wrong way round)', () => {
    const instant = Temporal.Instant.from('2026-07-01T12:00:00Z');
    expect(icalJsOffset(getVtimezoneComponent('Etc/GMT-3')!, instant, 'Etc/GMT-3')).toBe(-3 * 3600);
    expect(icalJsOffset(vtimezoneFor('Etc/GMT-3', [instant]).component, instant, 'Etc/GMT-3')).toBe(3 * 3600);
  });

  it("writes Cairo's daylight saving time (resumed in 2023) as one yearly rule pair, the shape Outlook reads", () => {
    const definition = vtimezoneFor('Africa/Cairo', monthly(2026));
    expect(definition.source).toBe('tzdata');
    expect(definition.component.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:DAYLIGHT', 'BEGIN:STANDARD']);
    expect(definition.component).toContain('RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=-1FR');
    for (const instant of [...monthly(2026), ...monthly(2027)]) {
      expect(icalJsOffset(definition.component, instant, 'Africa/Cairo')).toBe(tzdataOffset('Africa/Cairo', instant));
    }
  });

  it('lists every change when no yearly rule covers the instants (Asunción kept summer time in October 2024)', () => {
    const instants = [Temporal.Instant.from('2024-07-01T13:00:00Z'), Temporal.Instant.from('2025-07-01T12:00:00Z')];
    expect(instants.map((instant) => tzdataOffset('America/Asuncion', instant))).toEqual([-4 * 3600, -3 * 3600]);
    const definition = vtimezoneFor('America/Asuncion', instants);
    expect(definition.source).toBe('tzdata');
    expect(definition.component).not.toContain('RRULE');
    for (const instant of instants) expect(icalJsOffset(definition.component, instant, 'America/Asuncion')).toBe(tzdataOffset('America/Asuncion', instant));
  });

  it('agrees with the tz database, as ical.js reads it, for every zone the runtime knows', () => {
    const instants = monthly(2026);
    const wrong: string[] = [];
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const timezone = icalJsZone(vtimezoneFor(zone, instants).component);
      const bad = instants.find((instant) => icalJsOffset(timezone, instant, zone) !== tzdataOffset(zone, instant));
      if (bad !== undefined) wrong.push(`${zone} at ${bad.toString()}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('readZoneRules and offsetAt', () => {
  it('read every file of @touch4it/ical-timezones as ical.js does', () => {
    const names = libraryZoneNames();
    expect(names.length).toBeGreaterThan(400);
    const instants = monthly(2025);
    const disagreements: string[] = [];
    let read = 0;
    for (const name of names) {
      const component = getVtimezoneComponent(name)?.trim();
      const rules = component === undefined ? null : readZoneRules(component);
      if (component === undefined || rules === null) continue;
      read++;
      const timezone = icalJsZone(component);
      const bad = instants.find((instant) => {
        const offset = offsetAt(rules, instant);
        return offset === null || offset !== icalJsOffset(timezone, instant, name, offset);
      });
      if (bad !== undefined) disagreements.push(`${name} at ${bad.toString()}`);
    }
    expect(read).toBeGreaterThan(400);
    expect(disagreements).toEqual([]);
  });

  it('switches offset at the instant of the change', () => {
    const rules = readZoneRules(getVtimezoneComponent('Europe/Copenhagen')!)!;
    // Summer time starts at 02:00 CET = 01:00 UTC on the last Sunday of March, and ends at 03:00 CEST = 01:00 UTC.
    expect(offsetAt(rules, Temporal.Instant.from('2025-03-30T00:59:59Z'))).toBe(3600);
    expect(offsetAt(rules, Temporal.Instant.from('2025-03-30T01:00:00Z'))).toBe(7200);
    expect(offsetAt(rules, Temporal.Instant.from('2025-10-26T00:59:59Z'))).toBe(7200);
    expect(offsetAt(rules, Temporal.Instant.from('2025-10-26T01:00:00Z'))).toBe(3600);
    expect(offsetAt(rules, Temporal.Instant.from('1969-12-31T00:00:00Z'))).toBeNull();
  });

  it('refuses what it cannot check instead of guessing', () => {
    const withRdate = 'BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nRDATE:19800101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE';
    expect(readZoneRules(withRdate)).toBeNull();
    const monthDayRule = withRdate.replace('RDATE:19800101T000000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=21');
    expect(readZoneRules(monthDayRule)).toBeNull();
    expect(readZoneRules(withRdate.replace('RDATE:19800101T000000\r\n', ''))?.observances).toHaveLength(1);
  });
});

describe('meetingCalendar with a zone the library has wrong', () => {
  it('exports a Mexico City meeting in July at the right instant', () => {
    const text = meetingCalendar(
      {
        id: 'mx',
        title: 'Regional consultation',
        description: '',
        location: 'Mexico City',
        virtualLink: '',
        start: '2026-07-01T09:00',
        end: '2026-07-01T17:00',
        timeZone: 'America/Mexico_City',
        status: 'planned',
        hosts: [],
        updatedAt: '2026-01-01T00:00:00Z',
      },
      [],
      'meeting',
      new Date('2026-02-01T00:00:00Z'),
    );
    const root = ICAL.Component.fromString(text);
    const zones = root.getAllSubcomponents('vtimezone');
    expect(zones).toHaveLength(1);
    ICAL.TimezoneService.register(zones[0]!);
    try {
      const start = new ICAL.Event(root.getFirstSubcomponent('vevent')!).startDate;
      expect(start.zone.tzid).toBe('America/Mexico_City');
      expect(start.toString()).toBe('2026-07-01T09:00:00');
      expect(start.toJSDate().toISOString()).toBe('2026-07-01T15:00:00.000Z');
    } finally {
      ICAL.TimezoneService.remove('America/Mexico_City');
    }
  });
});
