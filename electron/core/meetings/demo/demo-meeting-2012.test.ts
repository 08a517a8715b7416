import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoContacts, demoCountries, demoOrganisations } from '../../directory/demo/demo-network';
import { DEMO_REPORT_FILE, demoReportFields } from '../../documents/demo/demo-document';
import { demoMeeting2012 as meeting } from './demo-meeting-2012';

const reportText = readFileSync(new URL('../../directory/demo/meeting-report-2012.txt', import.meta.url), 'utf8');
/** The report, with its line breaks as spaces: a quote may span a page break of the original. */
const report = reportText.replace(/\s+/g, ' ');
const lines = reportText.split('\n').map((line) => line.trim());
/** The report's section headings: its lines in capitals only. */
const headings = lines.filter((line) => /^[A-Z0-9 ]{4,}$/.test(line));

function quotesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(quotesOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(quotesOf);
  return [];
}

function match(pattern: RegExp): RegExpMatchArray {
  const found = pattern.exec(report);
  if (found === null) throw new Error(`The report no longer says ${String(pattern)}`);
  return found;
}

/** "Australia, Costa Rica, Denmark and Ghana" → the demo directory's ids for them. */
function countryIdsNamed(list: string): string[] {
  return list.split(/, | and /).map((name) => demoCountries.find((country) => country.name === name)?.id ?? `unknown: ${name}`);
}

describe('the 2012 demo meeting', () => {
  it('rests every fact on words of the meeting report, quoted verbatim', () => {
    const all = [meeting, ...meeting.attendance, ...meeting.agenda, ...meeting.actions].flatMap((entry) => quotesOf(entry.sources));
    expect(all.length).toBeGreaterThan(60);
    const missing = all.filter((quote) => !report.includes(quote.replace(/\s+/g, ' ')));
    expect(missing).toEqual([]);
  });

  it('has the title, date, co-hosts and attendance the report states', () => {
    expect(lines.find((line) => line !== '')).toBe(meeting.title);
    const [, day, month, year] = match(/On (\d{1,2}) (September) (\d{4}) the governments of/);
    expect(`${year ?? ''}-${month === 'September' ? '09' : '??'}-${(day ?? '').padStart(2, '0')}`).toBe(meeting.start);
    expect(meeting.end).toBe(meeting.start);

    const [, hosts, organisation] = match(/the governments of ([^.]+?), in association with the ([^,]+), co-hosted the second annual meeting/);
    expect([...meeting.hostCountries].sort()).toEqual(countryIdsNamed(hosts ?? '').sort());
    expect(meeting.hostCountries).toEqual(['au', 'cr', 'dk', 'gh']);
    expect(meeting.hostOrganisations.map((key) => demoOrganisations.find((candidate) => candidate.key === key)?.name)).toEqual([organisation]);

    expect(Number(match(/representatives of (\d+) countries/)[1])).toBe(meeting.attendingCountryCount);
    expect(report).toContain('Thirty–six countries attended');
    expect(meeting.attendingCountryCount).toBe(36);
    expect(meeting).toMatchObject({ kind: 'annual-meeting', status: 'held' });
  });

  it('invents no place, time, link or classification', () => {
    expect(meeting).toMatchObject({ timeZone: null, location: '', virtualLink: '', classification: '' });
    for (const item of meeting.agenda) expect(item.durationMinutes, item.key).toBeNull();
    for (const action of meeting.actions) expect(action.due, action.key).toBeNull();
    for (const entry of meeting.attendance) expect(entry.contactKey, entry.countryId).toBeNull();
  });

  it('follows the report’s discussion sections in order, one agenda item each', () => {
    // The two opening sections describe the meeting and the initiative's background; they are not discussion.
    const background = ['INTRODUCTION', 'HISTORY OF THE INITIATIVE'];
    expect(headings.slice(0, 2)).toEqual(background);
    expect(meeting.agenda.map((item) => item.title.toUpperCase())).toEqual(headings.filter((heading) => !background.includes(heading)));
    expect(meeting.agenda.map((item) => item.key)).toEqual(['role-and-responsibilities', 'national-experiences', 'network', 'challenges', 'moving-forward']);
    expect(new Set(meeting.agenda.map((item) => item.key)).size).toBe(meeting.agenda.length);
  });

  it('gives the national experiences in the report’s order, presented by the countries it names', () => {
    const item = meeting.agenda.find((candidate) => candidate.key === 'national-experiences');
    expect(item?.presenters.countries).toEqual(['au', 'cr', 'dk', 'fr', 'de', 'ch', 'us', 'eu']);
    const from = lines.indexOf('NATIONAL EXPERIENCES');
    const to = lines.indexOf('Summary');
    const subheadings = (item?.presenters.countries ?? []).map((id) => lines.indexOf(demoCountries.find((country) => country.id === id)?.name ?? id));
    for (const line of subheadings) expect(line > from && line < to).toBe(true);
    expect(subheadings).toEqual([...subheadings].sort((a, b) => a - b));
  });

  it('backs every minutes text with quotes, and records as decisions only what the report says was agreed', () => {
    for (const item of meeting.agenda) {
      expect(item.minutes.length, item.key).toBeGreaterThan(100);
      expect(item.sources.minutes.length, item.key).toBeGreaterThan(0);
      expect(item.sources.decisions.length, item.key).toBe(item.decisions.length);
      for (const quote of item.sources.decisions) expect(quote, item.key).toMatch(/\bagreed\b/);
      if (item.presenters.countries.length + item.presenters.organisations.length > 0) expect(item.sources.presenters.length, item.key).toBeGreaterThan(0);
    }
    expect(meeting.agenda.flatMap((item) => item.decisions)).toHaveLength(5);
    expect(meeting.agenda.find((item) => item.key === 'moving-forward')?.decisions.join(' ')).toContain('2013');
  });

  it('turns the follow-ups into open action items, with owners only where the report names one', () => {
    const agendaKeys = new Set(meeting.agenda.map((item) => item.key));
    expect(meeting.actions.map((action) => action.key)).toEqual([
      'schedule-2013-meeting',
      'network-secretariat',
      'web-platform',
      'scoping-exercises',
      'national-action-plans',
    ]);
    for (const action of meeting.actions) {
      expect(action.status, action.key).toBe('open');
      if (action.agendaItemKey !== null) expect(agendaKeys, action.key).toContain(action.agendaItemKey);
      const owned = action.ownerCountry !== null || action.ownerOrganisation !== null || action.ownerContactKey !== null;
      expect(owned ? (action.sources.owner?.length ?? 0) > 0 : action.sources.owner === undefined, action.key).toBe(true);
    }
    const platform = meeting.actions.find((action) => action.key === 'web-platform');
    expect(platform).toMatchObject({ ownerCountry: 'dk', ownerOrganisation: 'global-centre' });
    expect(meeting.actions.find((action) => action.key === 'schedule-2013-meeting')?.notes).toContain('2013');
  });

  it('refers only to countries, organisations and contacts the demo directory holds', () => {
    const countryIds = new Set(demoCountries.map((country) => country.id));
    const organisationKeys = new Set(demoOrganisations.map((organisation) => organisation.key));
    const contactKeys = new Set(demoContacts.map((contact) => contact.key));
    const countries = [
      ...meeting.hostCountries,
      ...meeting.attendance.map((entry) => entry.countryId),
      ...meeting.agenda.flatMap((item) => item.presenters.countries),
      ...meeting.actions.flatMap((action) => (action.ownerCountry === null ? [] : [action.ownerCountry])),
    ];
    const organisations = [
      ...meeting.hostOrganisations,
      ...meeting.agenda.flatMap((item) => item.presenters.organisations),
      ...meeting.actions.flatMap((action) => (action.ownerOrganisation === null ? [] : [action.ownerOrganisation])),
    ];
    const contacts = [
      ...meeting.attendance.flatMap((entry) => (entry.contactKey === null ? [] : [entry.contactKey])),
      ...meeting.agenda.flatMap((item) => item.presenters.contacts),
      ...meeting.actions.flatMap((action) => (action.ownerContactKey === null ? [] : [action.ownerContactKey])),
    ];
    expect(countries.filter((id) => !countryIds.has(id))).toEqual([]);
    expect(organisations.length).toBeGreaterThan(0);
    expect(organisations.filter((key) => !organisationKeys.has(key))).toEqual([]);
    expect(contacts.filter((key) => !contactKeys.has(key))).toEqual([]);
  });

  it('lists as attending only countries the report shows taking part, each once, co-hosts included', () => {
    const ids = meeting.attendance.map((entry) => entry.countryId);
    expect(ids).toEqual(['au', 'cr', 'dk', 'gh', 'fr', 'de', 'ch', 'us', 'eu', 'ci', 'si']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThanOrEqual(meeting.attendingCountryCount);
    for (const host of meeting.hostCountries) expect(ids).toContain(host);
    for (const entry of meeting.attendance) {
      expect(entry.status, entry.countryId).toBe('attended');
      expect(entry.sources.length, entry.countryId).toBeGreaterThan(0);
    }
  });

  it('links the demo library’s report as the meeting’s paper', () => {
    expect(meeting.paperKeys).toEqual([DEMO_REPORT_FILE]);
    expect(existsSync(new URL(`../../documents/demo/${DEMO_REPORT_FILE}`, import.meta.url))).toBe(true);
    expect(demoReportFields).toMatchObject({ title: meeting.title, date: meeting.start });
    for (const item of meeting.agenda) expect(item.paperKeys, item.key).toEqual([]);
  });
});
