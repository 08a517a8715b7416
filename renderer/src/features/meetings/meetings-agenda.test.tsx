import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeDocuments, sampleDocument } from '../../test/fake-documents';
import { fakeMeetings, renderWithMeetings, sampleAgendaItem, sampleMeeting, type FakeMeetings } from '../../test/fake-meetings';

/** Opening (15 min), Keynote (30 min) and Discussion (20 min) of the Copenhagen workshop, from 09:00. */
function threeItems(): FakeMeetings {
  return fakeMeetings({
    meetings: [sampleMeeting()],
    items: [
      sampleAgendaItem({ id: 'agi-a', position: 1, title: 'Opening', durationMinutes: 15 }),
      sampleAgendaItem({ id: 'agi-b', position: 2, title: 'Keynote', durationMinutes: 30 }),
      sampleAgendaItem({ id: 'agi-c', position: 3, title: 'Discussion', durationMinutes: 20 }),
    ],
  });
}

function agendaList(): HTMLElement {
  return screen.getByRole('list', { name: 'Agenda items' });
}

function items(): HTMLElement[] {
  return within(agendaList()).getAllByRole('listitem').filter((item) => item.parentElement === agendaList());
}

/** Each item's title and the times shown for it, as `<time>` values (wall clock in the meeting's zone). */
function shown(): string[] {
  return items().map((item) => {
    const title = item.querySelector('.agenda-item__title')?.textContent ?? '';
    const times = [...item.querySelectorAll('time')].map((time) => time.dateTime.slice(11));
    return `${title} ${times.join('–')}`;
  });
}

function item(title: string): HTMLElement {
  const found = items().find((entry) => entry.querySelector('.agenda-item__title')?.textContent === title);
  if (found === undefined) throw new Error(`No agenda item ${title}`);
  return found;
}

async function openWorkshop(meetings: FakeMeetings, library = fakeDocuments()) {
  const rendered = await renderWithMeetings(meetings, { library });
  await rendered.user.click(await screen.findByRole('button', { name: 'Copenhagen workshop' }));
  await screen.findByRole('heading', { level: 2, name: 'Copenhagen workshop' });
  return rendered;
}

// Whole-app renders: slow on a loaded machine, so a generous cap (not a speed check).
describe('the agenda builder', { timeout: 30_000 }, () => {
  it('adds five items by keyboard alone, each at the end, with the times the core gives them', async () => {
    const meetings = fakeMeetings({ meetings: [sampleMeeting()] });
    const { user } = await openWorkshop(meetings);
    expect(screen.getByText('No items yet. Type a title below and press Enter to add the first.')).toBeTruthy();
    const title = screen.getByRole('textbox', { name: 'Add agenda item' });
    title.focus();
    await user.keyboard('{Tab}20{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(title);
    for (const name of ['Opening', 'Tour de table', 'Early warning', 'Lunch', 'Closing']) {
      await user.keyboard(`${name}{Enter}`);
      expect(document.activeElement).toBe(title);
    }
    await waitFor(() => {
      expect(shown()).toEqual([
        'Opening 09:00–09:20',
        'Tour de table 09:20–09:40',
        'Early warning 09:40–10:00',
        'Lunch 10:00–10:20',
        'Closing 10:20–10:40',
      ]);
    });
    expect(meetings.callsOf('meetings.agenda.add').map((call) => [call.item.title, call.item.durationMinutes])).toEqual([
      ['Opening', 20],
      ['Tour de table', 20],
      ['Early warning', 20],
      ['Lunch', 20],
      ['Closing', 20],
    ]);
    expect(meetings.agenda('mtg-copenhagen').map((entry) => entry.title)).toEqual(['Opening', 'Tour de table', 'Early warning', 'Lunch', 'Closing']);
    expect((title as HTMLInputElement).value).toBe('');
    expect(screen.getByText('Added “Closing” as item 5.')).toBeTruthy();
  });

  it('says a title is needed instead of sending an empty item', async () => {
    const meetings = fakeMeetings({ meetings: [sampleMeeting()] });
    const { user } = await openWorkshop(meetings);
    const title = screen.getByRole('textbox', { name: 'Add agenda item' });
    title.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('Enter a title.')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(meetings.callsOf('meetings.agenda.add')).toEqual([]);
  });

  it('moves the focused item down with Alt+↓ and up with the Move up button, keeping focus on it', async () => {
    const meetings = threeItems();
    const { user } = await openWorkshop(meetings);
    expect(shown()).toEqual(['Opening 09:00–09:15', 'Keynote 09:15–09:45', 'Discussion 09:45–10:05']);
    item('Opening').focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => {
      expect(shown()).toEqual(['Keynote 09:00–09:30', 'Opening 09:30–09:45', 'Discussion 09:45–10:05']);
    });
    expect(meetings.callsOf('meetings.agenda.move')).toEqual([{ id: 'agi-a', position: 2 }]);
    expect(document.activeElement).toBe(item('Opening'));
    expect(screen.getByText('“Opening” is now item 2 of 3.')).toBeTruthy();

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => {
      expect(shown()).toEqual(['Keynote 09:00–09:30', 'Discussion 09:30–09:50', 'Opening 09:50–10:05']);
    });
    expect(document.activeElement).toBe(item('Opening'));

    await user.click(within(item('Discussion')).getByRole('button', { name: 'Move up: Discussion' }));
    await waitFor(() => {
      expect(shown()).toEqual(['Discussion 09:00–09:20', 'Keynote 09:20–09:50', 'Opening 09:50–10:05']);
    });
    expect(meetings.agenda('mtg-copenhagen').map((entry) => entry.id)).toEqual(['agi-c', 'agi-b', 'agi-a']);
    // Plain arrows move between items; they do not reorder.
    item('Discussion').focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(item('Keynote'));
    expect(meetings.callsOf('meetings.agenda.move')).toHaveLength(3);
  });

  it('moves an item by drag and drop to where it is dropped', async () => {
    const meetings = threeItems();
    await openWorkshop(meetings);
    const data = new Map<string, string>();
    const dataTransfer = {
      effectAllowed: 'all',
      dropEffect: 'none',
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
    };
    fireEvent.dragStart(item('Discussion'), { dataTransfer });
    const over = createEvent.dragOver(item('Opening'), { dataTransfer });
    fireEvent(item('Opening'), over);
    expect(over.defaultPrevented).toBe(true);
    fireEvent.drop(item('Opening'), { dataTransfer });
    await waitFor(() => {
      expect(shown()).toEqual(['Discussion 09:00–09:20', 'Opening 09:20–09:35', 'Keynote 09:35–10:05']);
    });
    expect(meetings.callsOf('meetings.agenda.move')).toEqual([{ id: 'agi-c', position: 1 }]);
  });

  it('moves the times of the items after one whose duration changes', async () => {
    const meetings = threeItems();
    const { user } = await openWorkshop(meetings);
    await user.click(within(item('Opening')).getByRole('button', { name: 'Edit: Opening' }));
    const form = screen.getByRole('form', { name: 'Edit “Opening”' });
    const duration = within(form).getByRole('textbox', { name: 'Duration (minutes)' });
    await user.clear(duration);
    await user.type(duration, '45');
    await user.click(within(form).getByRole('button', { name: 'Save item' }));
    await waitFor(() => {
      expect(shown()).toEqual(['Opening 09:00–09:45', 'Keynote 09:45–10:15', 'Discussion 10:15–10:35']);
    });
    expect(meetings.callsOf('meetings.agenda.update')).toEqual([{ id: 'agi-a', changes: { durationMinutes: 45 } }]);
    expect(document.activeElement).toBe(item('Opening'));
  });

  it('warns, worded per item, when the agenda runs past the meeting’s end', async () => {
    const meetings = fakeMeetings({
      meetings: [sampleMeeting({ end: '2026-05-14T10:00' })],
      items: [
        sampleAgendaItem({ id: 'agi-a', position: 1, title: 'Opening', durationMinutes: 30 }),
        sampleAgendaItem({ id: 'agi-b', position: 2, title: 'Keynote', durationMinutes: 60 }),
      ],
    });
    await openWorkshop(meetings);
    const warnings = screen.getByRole('region', { name: 'Warnings' });
    expect(within(warnings).getByRole('heading', { name: '1 warning' })).toBeTruthy();
    expect(warnings.textContent).toMatch(/“Keynote” ends at 10:30\s?AM, after the meeting ends \(10:00\s?AM\)\./u);
    expect(item('Keynote').textContent).toContain('after the meeting ends');
  });

  it('attaches a paper from the library and a presenter from the directory to an item', async () => {
    const meetings = threeItems();
    const library = fakeDocuments({ documents: [sampleDocument(), sampleDocument({ id: 'doc-other', title: 'Ghana national action plan' })] });
    const { user } = await openWorkshop(meetings, library);
    item('Keynote').focus();
    await user.keyboard('{Enter}');
    const form = screen.getByRole('form', { name: 'Edit “Keynote”' });
    await user.type(within(form).getByRole('searchbox', { name: 'Find a paper in the library' }), 'report');
    await user.click(await within(form).findByRole('button', { name: 'Attach Report of the 2012 meeting' }));
    await user.type(within(form).getByRole('searchbox', { name: 'Find a presenter' }), 'karen');
    await user.click(await within(form).findByRole('button', { name: 'Add Karen Jensen' }));
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => {
      expect(item('Keynote').textContent).toContain('Papers: Report of the 2012 meeting');
    });
    expect(item('Keynote').textContent).toContain('Presenters: Karen Jensen (Denmark)');
    expect(meetings.callsOf('meetings.agenda.update')).toEqual([
      { id: 'agi-b', changes: { presenterContactIds: ['con-dk-fp'], documentIds: ['doc-2012-report'] } },
    ]);
  });

  it('removes an item after asking, and the items after it move up', async () => {
    const meetings = threeItems();
    const { user } = await openWorkshop(meetings);
    item('Opening').focus();
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('alertdialog', { name: 'Remove this item?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => {
      expect(shown()).toEqual(['Keynote 09:00–09:30', 'Discussion 09:30–09:50']);
    });
    expect(document.activeElement).toBe(item('Keynote'));
  });

  it('shows a printable agenda with times, titles, presenters and papers, and goes back with Escape', async () => {
    const meetings = fakeMeetings({
      meetings: [sampleMeeting({ classification: 'RESTRICTED' })],
      items: [
        sampleAgendaItem({ id: 'agi-a', position: 1, title: 'Opening', durationMinutes: 15, presenterCountryIds: ['dk'] }),
        sampleAgendaItem({ id: 'agi-b', position: 2, title: 'Keynote', durationMinutes: 30, documentIds: ['doc-2012-report'] }),
      ],
    });
    const { user } = await openWorkshop(meetings, fakeDocuments({ documents: [sampleDocument()] }));
    await user.click(screen.getByRole('button', { name: 'Print agenda' }));
    const sheet = screen.getByRole('region', { name: 'Copenhagen workshop' });
    expect(sheet.className).toBe('print-agenda');
    expect(within(sheet).getAllByText('RESTRICTED')).toHaveLength(2);
    const rows = within(sheet).getAllByRole('row').slice(1).map((row) => row.textContent.replace(/[\u2009\u202f]/gu, ' '));
    expect(rows[0]).toMatch(/^9:00 – 9:15 AM1\. Opening \(15 min\)Denmark$/u);
    await waitFor(() => {
      expect(within(sheet).getAllByRole('row')[2]?.textContent).toContain('Report of the 2012 meeting');
    });
    expect(within(sheet).getAllByRole('row')[2]?.textContent.replace(/[\u2009\u202f]/gu, ' ')).toMatch(/^9:15 – 9:45 AM2\. Keynote \(30 min\)/u);
    await user.keyboard('{Escape}');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Copenhagen workshop' });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole('button', { name: 'Print' })).toBeNull();
  });
});
