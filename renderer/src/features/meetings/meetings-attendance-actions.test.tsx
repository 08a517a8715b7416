import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoLikeMeeting, fakeMeetings, renderWithMeetings, sampleAction, sampleMeeting, type FakeMeetings } from '../../test/fake-meetings';

async function openSection(meetings: FakeMeetings, section: 'Attendance' | 'Action items') {
  const rendered = await renderWithMeetings(meetings);
  await rendered.user.click(await screen.findByRole('button', { name: 'Copenhagen workshop' }));
  await screen.findByRole('heading', { level: 2, name: 'Copenhagen workshop' });
  await rendered.user.click(screen.getByRole('tab', { name: section }));
  return rendered;
}

function rollUp(): string {
  return screen.getByRole('group', { name: 'Attendance in numbers' }).textContent;
}

/** The tracker's rows, by title (the table's caption names it). */
function trackerTitles(): string[] {
  const table = screen.getByRole('table', { name: 'Action items of every meeting' });
  return within(table)
    .queryAllByRole('row')
    .map((row) => row.querySelector('.action-row__title')?.textContent ?? null)
    .filter((title): title is string => title !== null);
}

// Whole-app renders: slow on a loaded machine, so a generous cap (not a speed check).
describe('attendance', { timeout: 30_000 }, () => {
  it('records three countries with one action and the roll-up follows', async () => {
    const meetings = fakeMeetings({ meetings: [sampleMeeting()] });
    const { user } = await openSection(meetings, 'Attendance');
    expect(rollUp()).toContain('0 countries attended');
    const quick = screen.getByRole('form', { name: 'Record attendance for several at once' });
    const countries = within(quick).getByRole('group', { name: 'Countries' });
    await user.click(within(countries).getByRole('checkbox', { name: 'Denmark' }));
    await user.click(within(countries).getByRole('checkbox', { name: 'Ghana' }));
    // Countries outside the network are found by typing.
    await user.type(within(countries).getByRole('searchbox', { name: 'Find countries' }), 'cote');
    await user.click(within(countries).getByRole('checkbox', { name: 'Côte d’Ivoire' }));
    expect(within(quick).getByText('3 chosen')).toBeTruthy();
    await user.click(within(quick).getByRole('button', { name: 'Record attendance' }));
    await waitFor(() => {
      expect(rollUp()).toContain('3 countries attended');
    });
    expect(rollUp()).toContain('Attended: 3');
    expect(meetings.callsOf('meetings.attendance.set')).toEqual([
      {
        meetingId: 'mtg-copenhagen',
        entries: [
          { contactId: null, countryId: 'dk', status: 'attended', note: '' },
          { contactId: null, countryId: 'gh', status: 'attended', note: '' },
          { contactId: null, countryId: 'ci', status: 'attended', note: '' },
        ],
      },
    ]);
    expect(screen.getByText('Recorded 3 attendees as Attended.')).toBeTruthy();
    const byCountry = screen.getByRole('table', { name: 'By country (delegations)' });
    expect(within(byCountry).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Côte d’Ivoire', 'Denmark', 'Ghana']);
    expect(within(countries).getByRole('checkbox', { name: 'Côte d’Ivoire' })).toHaveProperty('checked', false);

    // One country's status changed on its own: it no longer counts as attended.
    await user.selectOptions(within(byCountry).getByRole('combobox', { name: 'Status of Ghana' }), 'apologies');
    await waitFor(() => {
      expect(rollUp()).toContain('2 countries attended');
    });
  });

  it('shows the stated count first and the recorded one beside it', async () => {
    const demo = demoLikeMeeting();
    const meetings = fakeMeetings({ meetings: [demo.meeting, sampleMeeting()], items: demo.items, actions: demo.actions });
    const { user } = await renderWithMeetings(meetings);
    await user.click(await screen.findByRole('button', { name: 'Second Annual Meeting of the Network of National R2P Focal Points' }));
    await user.click(await screen.findByRole('tab', { name: 'Attendance' }));
    expect(rollUp()).toContain('36 countries attended (11 recorded)');
  });
});

describe('action items', { timeout: 30_000 }, () => {
  it('closes an action with one action, by button or by key, and reopens it', async () => {
    const meetings = fakeMeetings({
      meetings: [sampleMeeting()],
      actions: [sampleAction(), sampleAction({ id: 'act-minutes', title: 'Send the minutes', due: '2025-01-15', ownerCountryId: 'gh' })],
    });
    const { user } = await openSection(meetings, 'Action items');
    const table = screen.getByRole('table', { name: 'Action items of this meeting' });
    const overdue = within(table).getByRole('row', { name: 'Send the minutes' });
    expect(within(overdue).getByText('Overdue')).toBeTruthy();
    expect(overdue.textContent).toContain('Ghana');

    await user.click(within(table).getByRole('button', { name: 'Mark done: Circulate the report' }));
    await waitFor(() => {
      expect(within(table).getByRole('row', { name: 'Circulate the report' }).textContent).toContain('Done');
    });
    expect(meetings.action('act-report')?.status).toBe('done');
    expect(screen.getByText('“Circulate the report” marked done.')).toBeTruthy();
    // Focus stays on the row, where R reopens it.
    expect(document.activeElement).toBe(within(table).getByRole('row', { name: 'Circulate the report' }));
    await user.keyboard('r');
    await waitFor(() => {
      expect(meetings.action('act-report')?.status).toBe('open');
    });

    within(table).getByRole('row', { name: 'Send the minutes' }).focus();
    await user.keyboard('x');
    await waitFor(() => {
      expect(meetings.action('act-minutes')?.status).toBe('dropped');
    });
    expect(meetings.callsOf('actions.update')).toEqual([
      { id: 'act-report', changes: { status: 'done' } },
      { id: 'act-report', changes: { status: 'open' } },
      { id: 'act-minutes', changes: { status: 'dropped' } },
    ]);
  });

  it('adds an action item by keyboard, with an owner country and a due date', async () => {
    const meetings = fakeMeetings({ meetings: [sampleMeeting()] });
    const { user } = await openSection(meetings, 'Action items');
    const form = screen.getByRole('form', { name: 'Add an action item' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Owner country' }), 'fr');
    await user.type(within(form).getByRole('textbox', { name: 'New action item' }), 'Draft the concept note{Enter}');
    await waitFor(() => {
      expect(within(screen.getByRole('table', { name: 'Action items of this meeting' })).getByRole('row', { name: 'Draft the concept note' })).toBeTruthy();
    });
    expect(meetings.callsOf('actions.create')[0]?.action).toMatchObject({ title: 'Draft the concept note', ownerCountryId: 'fr', due: null });
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'New action item' }));
  });
});

describe('the action tracker', { timeout: 30_000 }, () => {
  it('lists every meeting’s action items and filters them by status and overdue', async () => {
    const demo = demoLikeMeeting();
    const meetings = fakeMeetings({
      today: '2026-07-01',
      meetings: [demo.meeting, sampleMeeting()],
      items: demo.items,
      actions: [
        ...demo.actions,
        sampleAction(),
        sampleAction({ id: 'act-later', title: 'Book the venue for 2027', due: '2026-12-01' }),
        sampleAction({ id: 'act-done', title: 'Invite the speakers', status: 'done', due: '2026-04-01' }),
      ],
    });
    const { user } = await renderWithMeetings(meetings);
    await user.click(await screen.findByRole('tab', { name: 'All action items' }));
    const filters = screen.getByRole('group', { name: 'Filter action items' });
    await waitFor(() => {
      expect(trackerTitles()).toEqual([
        'Circulate the report',
        'Book the venue for 2027',
        'Schedule the 2013 global meeting',
        'Set up a communication platform',
      ]);
    });
    expect(screen.getByText('4 action items')).toBeTruthy();

    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Status' }), 'done');
    await waitFor(() => {
      expect(trackerTitles()).toEqual(['Invite the speakers']);
    });

    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Status' }), '');
    await user.click(within(filters).getByRole('checkbox', { name: 'Overdue only' }));
    await waitFor(() => {
      expect(trackerTitles()).toEqual(['Circulate the report']);
    });
    const row = screen.getByRole('row', { name: 'Circulate the report' });
    expect(within(row).getByText('Overdue')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Copenhagen workshop' })).toBeTruthy();
    expect(meetings.callsOf('actions.list').at(-1)).toEqual({ overdue: true });

    // Closing it here takes it off the overdue list.
    await user.click(within(row).getByRole('button', { name: 'Mark done: Circulate the report' }));
    await waitFor(() => {
      expect(trackerTitles()).toEqual([]);
    });
    expect(screen.getByText('0 action items')).toBeTruthy();

    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      expect(trackerTitles()).toHaveLength(5);
    });
    await user.click(within(screen.getByRole('row', { name: 'Set up a communication platform' })).getByRole('button', { name: 'Second Annual Meeting of the Network of National R2P Focal Points' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Second Annual Meeting of the Network of National R2P Focal Points' })).toBeTruthy();
  });
});
