import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ActionRow, MeetingDetail, MeetingRow } from '../../../shared/api/meetings';
import { useTempDir } from '../../core/testing/temp-dir';
import { call } from '../call';
import type { CliIo } from '../cli-io';
import { withCore } from '../open-core';
import { runCli } from '../run-cli';
import { describeWarning, formatWhen } from './meetings-command';

const DEMO_TITLE = 'Second Annual Meeting of the Network of National R2P Focal Points';

function capture(): CliIo & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), text: () => stdout.join('\n') };
}

/** The first VEVENT of an iCalendar text, as Mozilla's ical.js reads it. */
function firstEvent(text: string): { root: ICAL.Component; event: ICAL.Component } {
  const root = ICAL.Component.fromString(text);
  const event = root.getFirstSubcomponent('vevent');
  if (event === null) throw new Error('The file holds no VEVENT');
  return { root, event };
}

describe('meetings and actions commands', () => {
  const temp = useTempDir('focal-cli-meetings-');
  const dataDir = () => join(temp.path, 'data');

  async function cli(...argv: string[]) {
    const io = capture();
    const code = await runCli([...argv, '--data', dataDir()], io);
    return { code, io };
  }
  async function json<T>(...argv: string[]): Promise<T> {
    const { code, io } = await cli(...argv, '--json');
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    return JSON.parse(io.text()) as T;
  }
  async function seededMeeting(): Promise<MeetingRow> {
    expect((await cli('seed')).code).toBe(0);
    const { rows } = await json<{ rows: MeetingRow[] }>('meetings', 'list');
    const demo = rows.find((row) => row.title === DEMO_TITLE);
    if (demo === undefined) throw new Error(`The seed gave no meeting titled ${DEMO_TITLE}`);
    return demo;
  }

  it('lists and shows the seeded 2012 meeting with its agenda, attendance and action items', async () => {
    const demo = await seededMeeting();
    expect(demo).toMatchObject({ start: '2012-09-29', end: '2012-09-29', timeZone: null, status: 'held', itemCount: 5, openActions: 5 });
    const human = await cli('meetings', 'list');
    expect(human.io.stdout).toHaveLength(1);
    expect(human.io.stdout[0]).toMatch(/^2012-09-29 {2}Second Annual Meeting .* {2}held {2}5 item\(s\) {2}36 countries attended \(stated\); 11 recorded {2}5 open action\(s\)/);
    expect((await json<{ rows: MeetingRow[] }>('meetings', 'list', '--status', 'planned')).rows).toEqual([]);

    const detail = await json<MeetingDetail>('meetings', 'show', demo.id);
    expect(detail.meeting.title).toBe(DEMO_TITLE);
    expect(detail.agenda).toHaveLength(5);
    expect(detail.actions).toHaveLength(5);
    expect(detail.attendance.statedCountryCount).toBe(36);

    const shown = (await cli('meetings', 'show', demo.id)).io.text();
    expect(shown).toContain('Agenda (5 item(s)):');
    expect(shown).toContain('  1. —  The role and responsibilities of national R2P Focal Points');
    expect(shown).toContain('presented by Australia, Costa Rica, Denmark, Ghana');
    expect(shown).toContain(`Attendance: 36 countries attended (stated); ${detail.attendance.countriesAttended} recorded`);
    expect(shown).toContain('Action items (5):');
    expect(shown).toContain('[open] Establish a web-based platform');

    const open = await json<{ rows: ActionRow[] }>('actions', 'list', '--status', 'open');
    expect(open.rows).toHaveLength(5);
    expect(new Set(open.rows.map((row) => row.meetingTitle))).toEqual(new Set([DEMO_TITLE]));
    expect(open.rows.map((row) => row.id).sort()).toEqual(detail.actions.map((action) => action.id).sort());
    expect((await json<{ rows: ActionRow[] }>('actions', 'list', '--status', 'done')).rows).toEqual([]);
    const denmark = await json<{ rows: ActionRow[] }>('actions', 'list', '--owner-country', 'DK', '--meeting', demo.id);
    expect(denmark.rows.map((row) => row.ownerCountryId)).toEqual(['dk']);
    expect((await cli('actions', 'list', '--overdue')).io.stdout).toEqual(['No action items match.']);
  });

  it('exports the all-day meeting as a file ical.js reads, and never replaces a file without --force', async () => {
    const demo = await seededMeeting();
    const out = join(temp.path, 'exports', 'meeting.ics');
    mkdirSync(join(temp.path, 'exports'));
    const written = await cli('meetings', 'export-ics', demo.id, '--out', out, '--json');
    expect(written.io.stderr).toEqual([]);
    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(written.io.text())).toEqual({
      file: out,
      bytes: Buffer.byteLength(text),
      fileName: 'second-annual-meeting-of-the-network-of-national-r2p-focal-points.ics',
    });

    const { event } = firstEvent(text);
    expect(event.getFirstPropertyValue('summary')).toBe(DEMO_TITLE);
    const start = event.getFirstProperty('dtstart');
    // All day: the report gives no time and no place, so a DATE value and no zone.
    expect(start?.type).toBe('date');
    expect(start?.getParameter('tzid')).toBeUndefined();
    const day = start?.getFirstValue() as ICAL.Time;
    expect(day.isDate).toBe(true);
    expect(day.toString()).toBe('2012-09-29');

    const again = await cli('meetings', 'export-ics', demo.id, '--out', out, '--scope', 'agenda');
    expect(again.code).toBe(1);
    expect(again.io.stderr).toEqual([`focal-desk: ${out} already exists; add --force to replace it.`]);
    expect(readFileSync(out, 'utf8')).toBe(text);

    const forced = await cli('meetings', 'export-ics', demo.id, '--out', out, '--scope', 'agenda', '--force');
    expect(forced.code).toBe(0);
    expect(forced.io.stdout).toEqual([`Wrote ${out} (${readFileSync(out).length} bytes).`]);
    expect(firstEvent(readFileSync(out, 'utf8')).event.getFirstPropertyValue('summary')).toBe(DEMO_TITLE);

    const directory = await cli('meetings', 'export-ics', demo.id, '--out', join(temp.path, 'exports'), '--force');
    expect(directory.code).toBe(1);
    expect(directory.io.stderr).toEqual([`focal-desk: ${join(temp.path, 'exports')} is a directory; give a file name with --out, such as meeting.ics.`]);
    const noFolder = await cli('meetings', 'export-ics', demo.id, '--out', join(temp.path, 'missing', 'm.ics'));
    expect(noFolder.code).toBe(1);
    expect(noFolder.io.stderr[0]).toMatch(/does not exist\.$/);
    // Every attempt cleaned up after itself: no temporary file is left beside the export.
    expect(readdirSync(join(temp.path, 'exports'))).toEqual(['meeting.ics']);
  });

  it('exports a timed Copenhagen meeting with its zone, wall time and VTIMEZONE, and shows its agenda times', async () => {
    const created = await withCore(dataDir(), undefined, async (core) => {
      const detail = await call(core, 'meetings.create', {
        meeting: { title: 'Focal Points in Copenhagen', start: '2026-10-24T09:30', end: '2026-10-24T17:00', timeZone: 'Europe/Copenhagen' },
      });
      await call(core, 'meetings.agenda.add', { meetingId: detail.meeting.id, item: { title: 'Opening', durationMinutes: 45 } });
      return detail.meeting;
    });
    const shown = (await cli('meetings', 'show', created.id)).io.text();
    expect(shown).toContain('  when: 2026-10-24 09:30–17:00 Europe/Copenhagen');
    expect(shown).toContain('  1. 09:30–10:15  Opening (45 min)');

    const out = join(temp.path, 'copenhagen.ics');
    expect((await cli('meetings', 'export-ics', created.id, '--out', out)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')).toContain('DTSTART;TZID=Europe/Copenhagen:20261024T093000');
    const { root, event } = firstEvent(text);
    const zones = root.getAllSubcomponents('vtimezone');
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Copenhagen']);
    const start = event.getFirstProperty('dtstart');
    expect(start?.getParameter('tzid')).toBe('Europe/Copenhagen');
    const [zone] = zones;
    ICAL.TimezoneService.register(zone!);
    try {
      const time = event.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(time.toString()).toBe('2026-10-24T09:30:00');
      // Summer time still holds on the 24th (it ends on the 25th): 09:30 in Copenhagen is 07:30 UTC.
      expect(time.toJSDate().toISOString()).toBe('2026-10-24T07:30:00.000Z');
    } finally {
      ICAL.TimezoneService.remove('Europe/Copenhagen');
    }
  });

  it('refuses a wrong command line with one line and exit 2, before touching the data directory', async () => {
    const cases: [string[], string | RegExp][] = [
      [['meetings', 'frob'], 'focal-desk: Use: meetings list|show|export-ics (see --help).'],
      [['meetings', 'show'], 'focal-desk: show takes one meeting id.'],
      [['meetings', 'list', '--force'], 'focal-desk: meetings list does not take --force.'],
      [['meetings', 'list', '--status', 'postponed'], 'focal-desk: --status "postponed": use planned, held, cancelled.'],
      [['meetings', 'export-ics', 'mtg-1'], 'focal-desk: Give the file to write with --out FILE.ics.'],
      [['meetings', 'export-ics', 'mtg-1', '--out', 'x.ics', '--scope', 'day'], 'focal-desk: --scope "day": use meeting or agenda.'],
      [['actions', 'list', '--status', 'late'], 'focal-desk: --status "late": use open, done, dropped.'],
      [['actions', 'close'], 'focal-desk: Use: actions list (see --help).'],
      [['actions', 'list', '--owner'], /^focal-desk: Unknown option '--owner'\./],
    ];
    for (const [argv, line] of cases) {
      const { code, io } = await cli(...argv);
      expect({ argv, code }).toEqual({ argv, code: 2 });
      // One line says what is wrong; the usage follows it.
      if (typeof line === 'string') expect(io.stderr[0]).toBe(line);
      else expect(io.stderr[0]).toMatch(line);
      expect(io.stderr[0]).not.toContain('\n');
      expect(io.stdout).toEqual([]);
    }
    expect(readdirSync(temp.path)).toEqual([]);
    const missing = await cli('meetings', 'show', 'mtg-missing');
    expect(missing.code).toBe(1);
    expect(missing.io.stderr).toHaveLength(1);
  });

  it('words dates and agenda warnings for people', () => {
    expect(formatWhen('2012-09-29', '2012-09-29', null)).toBe('2012-09-29');
    expect(formatWhen('2012-09-29', '2012-09-30', null)).toBe('2012-09-29 – 2012-09-30');
    expect(formatWhen('2026-05-14T09:00', '2026-05-15T12:00', 'Europe/Paris')).toBe('2026-05-14 09:00 – 2026-05-15 12:00 Europe/Paris');
    expect(describeWarning({ code: 'past-meeting-end', itemId: 'agi-1', params: { end: '2026-05-14T18:00', meetingEnd: '2026-05-14T17:00' } })).toBe(
      'ends at 2026-05-14 18:00, after the meeting ends (2026-05-14 17:00)',
    );
  });
});
