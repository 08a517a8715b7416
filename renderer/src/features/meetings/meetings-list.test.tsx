import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail } from '../../../../shared/api/result';
import { demoLikeMeeting, fakeMeetings, renderWithMeetings, sampleAction, sampleMeeting } from '../../test/fake-meetings';
import { userTimeZone } from './meeting-format';

const hostile = '<img src=x onerror=alert(1)>';

function sampleMeetings() {
  const demo = demoLikeMeeting();
  return fakeMeetings({
    meetings: [
      demo.meeting,
      sampleMeeting({
        attendance: [
          { contactId: null, countryId: 'dk', status: 'attended', note: '' },
          { contactId: null, countryId: 'gh', status: 'attended', note: '' },
          { contactId: null, countryId: 'fr', status: 'apologies', note: '' },
        ],
      }),
      sampleMeeting({ id: 'mtg-hostile', title: hostile, start: '2020-01-10T10:00', end: '2020-01-10T12:00', timeZone: 'UTC', hostCountryIds: [] }),
    ],
    items: demo.items,
    actions: [...demo.actions, sampleAction()],
  });
}

/** The row of the meetings table whose title button is `title`. */
function meetingRow(title: string): HTMLElement {
  const row = screen.getByRole('button', { name: title }).closest('tr');
  if (row === null) throw new Error(`No row for ${title}`);
  return row;
}

afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

// Whole-app renders: slow on a loaded machine, so a generous cap (not a speed check).
describe('the meetings list', { timeout: 30_000 }, () => {
  it('lists meetings latest first with when, where, status and counts, the stated count of countries first', async () => {
    await renderWithMeetings(sampleMeetings());
    await screen.findByRole('button', { name: 'Copenhagen workshop' });
    const titles = [...document.querySelectorAll('.meeting-table__title')].map((button) => button.textContent);
    expect(titles).toEqual(['Copenhagen workshop', hostile, 'Second Annual Meeting of the Network of National R2P Focal Points']);

    const demo = meetingRow('Second Annual Meeting of the Network of National R2P Focal Points');
    expect(demo.textContent).toContain('September 29, 2012');
    expect(demo.textContent).not.toContain('Your time');
    expect(demo.textContent).toContain('36 countries attended (11 recorded)');
    expect(demo.textContent).toContain('3 items');
    expect(demo.textContent).toContain('2 open');
    expect(demo.textContent).toContain('Held');
    expect(within(demo).getByText('Demo')).toBeTruthy();
    expect(demo.textContent).toContain('Hosted by Australia, Costa Rica, Denmark, Ghana');

    const workshop = meetingRow('Copenhagen workshop');
    expect(workshop.textContent).toContain('(Europe/Copenhagen)');
    expect(workshop.textContent).toMatch(/May 14, 2026, 9:00\s?AM\s–\s5:00\s?PM/u);
    if (userTimeZone() !== 'Europe/Copenhagen') expect(workshop.textContent).toContain(`Your time (${userTimeZone()})`);
    expect(workshop.textContent).toContain('2 countries attended');
    expect(workshop.textContent).not.toContain('recorded');
    expect(workshop.textContent).toContain('No agenda yet');
    expect(workshop.textContent).toContain('1 open');
    expect(workshop.textContent).toContain('Eigtveds Pakhus, Copenhagen');

    // Titles are text, never markup.
    expect(screen.getByRole('button', { name: hostile })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('3 meetings')).toBeTruthy();
  });

  it('reloads when the core says meetings changed', async () => {
    const meetings = sampleMeetings();
    await renderWithMeetings(meetings);
    await screen.findByRole('button', { name: 'Copenhagen workshop' });
    await act(async () => {
      await meetings.handlers['meetings.delete']?.({ id: 'mtg-hostile' });
    });
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: hostile })).toBeNull();
    });
    expect(screen.getByText('2 meetings')).toBeTruthy();
  });

  it('says what is wrong beside the field when the end is before the start, and sends nothing', async () => {
    const meetings = fakeMeetings();
    const { user } = await renderWithMeetings(meetings);
    await user.click(await screen.findByRole('button', { name: 'New meeting' }));
    const form = await screen.findByRole('form', { name: 'New meeting' });
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'Accra retreat');
    fireEvent.change(within(form).getByLabelText('Start'), { target: { value: '2026-06-02T14:00' } });
    fireEvent.change(within(form).getByLabelText('End'), { target: { value: '2026-06-02T09:30' } });
    const end = within(form).getByLabelText('End');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('The meeting must end after it starts.')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Create meeting' }));
    expect(within(form).getByRole('alert').textContent).toContain('Check the fields marked');
    expect(meetings.callsOf('meetings.create')).toEqual([]);

    // An all-day meeting may end on its first day, not before it.
    await user.click(within(form).getByRole('checkbox', { name: 'All-day meeting (dates only)' }));
    fireEvent.change(within(form).getByLabelText('Last day'), { target: { value: '2026-06-01' } });
    expect(within(form).getByText('The last day cannot be before the first day.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Last day'), { target: { value: '2026-06-03' } });
    expect(within(form).queryByText('The last day cannot be before the first day.')).toBeNull();
  });

  it('checks the time zone as typed, and words the core’s refusal of a field by its code', async () => {
    const meetings = fakeMeetings();
    const { user } = await renderWithMeetings(meetings, {
      handlers: {
        'meetings.create': async (input) => {
          await meetings.handlers['meetings.create']?.(input);
          return fail('invalid-input', 'The time zone is not known to this core.', [
            { path: 'meeting.timeZone', code: 'unknown-time-zone', message: 'Zone unknown.', params: { timeZone: 'Europe/Kyiv' } },
          ]);
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'New meeting' }));
    const form = await screen.findByRole('form', { name: 'New meeting' });
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'Kyiv consultation');
    const zone = within(form).getByRole('combobox', { name: 'Time zone' });
    expect((zone as HTMLInputElement).value).toBe(userTimeZone());
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    expect(within(form).getByText('“Mars/Olympus” is not a known time zone; choose one from the list, such as Europe/Berlin or UTC.')).toBeTruthy();
    await user.clear(zone);
    await user.type(zone, 'Europe/Kyiv');
    expect(zone.getAttribute('aria-invalid')).toBe('false');
    await user.click(within(form).getByRole('button', { name: 'Create meeting' }));
    expect(await within(form).findByText('“Europe/Kyiv” is not a known time zone; choose one from the list, such as Europe/Berlin or UTC.')).toBeTruthy();
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).toContain('Not saved: The time zone is not known to this core.');
  });

  it('creates a meeting and opens its page', async () => {
    const meetings = fakeMeetings();
    const { user } = await renderWithMeetings(meetings);
    expect(await screen.findByText('No meetings yet')).toBeTruthy();
    await user.keyboard('{Control>}n{/Control}');
    const form = await screen.findByRole('form', { name: 'New meeting' });
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'Accra retreat');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind' }), 'workshop');
    fireEvent.change(within(form).getByLabelText('Start'), { target: { value: '2026-06-02T09:00' } });
    fireEvent.change(within(form).getByLabelText('End'), { target: { value: '2026-06-02T13:00' } });
    const zone = within(form).getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'Africa/Accra');
    await user.type(within(form).getByRole('textbox', { name: 'Online meeting link' }), 'https://meet.example.org/accra');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Host country to add' }), 'gh');
    await user.click(within(form).getByRole('button', { name: 'Add host' }));
    await user.type(within(form).getByRole('textbox', { name: 'Classification' }), 'RESTRICTED');
    await user.keyboard('{Control>}s{/Control}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Accra retreat' })).toBeTruthy();
    expect(meetings.callsOf('meetings.create')[0]?.meeting).toMatchObject({
      title: 'Accra retreat',
      kind: 'workshop',
      start: '2026-06-02T09:00',
      end: '2026-06-02T13:00',
      timeZone: 'Africa/Accra',
      virtualLink: 'https://meet.example.org/accra',
      hostCountryIds: ['gh'],
      classification: 'RESTRICTED',
    });
    expect(screen.getByLabelText('Classification: RESTRICTED')).toBeTruthy();
    expect(screen.getByText('Meeting “Accra retreat” created.')).toBeTruthy();
  });
});

describe('a meeting’s page', { timeout: 30_000 }, () => {
  it('edits the meeting, sending only what changed, and deletes and restores it', async () => {
    const meetings = sampleMeetings();
    const { user } = await renderWithMeetings(meetings);
    await user.click(await screen.findByRole('button', { name: 'Copenhagen workshop' }));
    await screen.findByRole('heading', { level: 2, name: 'Copenhagen workshop' });
    await user.click(screen.getByRole('button', { name: 'Edit meeting' }));
    const form = screen.getByRole('form', { name: 'Edit “Copenhagen workshop”' });
    const location = within(form).getByRole('textbox', { name: 'Location' });
    await user.clear(location);
    await user.type(location, 'Marienborg');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved.')).toBeTruthy();
    expect(meetings.callsOf('meetings.update')).toEqual([{ id: 'mtg-copenhagen', changes: { location: 'Marienborg' } }]);
    expect(screen.getByText('Marienborg')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Delete meeting' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Delete this meeting?' })).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('This meeting is deleted. Restore it to change it.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Add agenda item' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Restore meeting' }));
    expect(await screen.findByRole('textbox', { name: 'Add agenda item' })).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(await screen.findByRole('button', { name: 'New meeting' })).toBeTruthy();
    // Back in the list, the keyboard resumes on the meeting just left.
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copenhagen workshop' }));
    });
  });

  it('reads in French', async () => {
    const { user } = await renderWithMeetings(sampleMeetings());
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr');
    await user.click(screen.getByRole('button', { name: 'Réunions' }));
    const row = meetingRow('Second Annual Meeting of the Network of National R2P Focal Points');
    expect(row.textContent).toContain('29 septembre 2012');
    expect(row.textContent).toContain('36 pays présents (11 enregistrés)');
    expect(row.textContent).toContain('3 points');
    expect(screen.getByRole('button', { name: 'Nouvelle réunion' })).toBeTruthy();
  });
});

describe('exporting a meeting', { timeout: 30_000 }, () => {
  it('saves the core’s iCalendar text under the file name it gives', async () => {
    const created: Blob[] = [];
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob): string => {
        created.push(blob);
        return 'blob:focal/ics';
      },
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const meetings = sampleMeetings();
    const { user } = await renderWithMeetings(meetings);
    await user.click(await screen.findByRole('button', { name: 'Copenhagen workshop' }));
    await screen.findByRole('heading', { level: 2, name: 'Copenhagen workshop' });
    await user.click(screen.getByRole('button', { name: 'Export to calendar (.ics)' }));
    expect(await screen.findByText('Saved copenhagen-workshop.ics.')).toBeTruthy();
    expect(clicked).toEqual(['copenhagen-workshop.ics']);
    expect(meetings.callsOf('meetings.exportIcs')).toEqual([{ id: 'mtg-copenhagen', scope: 'meeting' }]);
    expect(created[0]?.type).toBe('text/calendar;charset=utf-8');
    expect(await (created[0] ?? new Blob()).text()).toContain('SUMMARY:Copenhagen workshop');
  });
});
