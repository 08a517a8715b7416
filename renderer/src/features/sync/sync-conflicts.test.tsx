import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeServerUrl, fakeSync, renderWithSync, sampleConflict, sampleSetAside } from '../../test/fake-sync';

const hostile = '<img src=x onerror=alert(1)>';

function contactConflict() {
  return sampleConflict({
    documentId: 'ct-ana',
    fields: [
      { field: 'displayName', local: 'Ana Silva', remote: 'Ana S.', base: 'Ana' },
      { field: 'emails', local: [{ kind: 'work', value: 'ana@example.org' }], remote: [], base: [] },
      { field: 'note', local: hostile, base: '' },
    ],
    remoteDocument: { id: 'ct-ana', displayName: 'Ana S.', emails: [], countryId: 'dk', updatedAt: '2025-03-04T09:30:00.000Z' },
  });
}

/** Presses Tab until `target` has focus, at most `max` times; fails if it never gets there. */
async function tabTo(user: UserEvent, target: HTMLElement, max = 40): Promise<void> {
  for (let presses = 0; presses < max && document.activeElement !== target; presses += 1) await user.tab();
  expect(document.activeElement).toBe(target);
}

beforeAll(() => {
  // jsdom has no CSS.escape, which user-event uses to find the other radios of a group on an arrow key. Escaping every
  // character outside [A-Za-z0-9_-] with a backslash is valid CSS (an escaped character that is not a hex digit).
  if (typeof globalThis.CSS === 'undefined') {
    Object.defineProperty(globalThis, 'CSS', {
      configurable: true,
      value: { escape: (value: string) => value.replace(/[^A-Za-z0-9_-]/g, (character) => `\\${character}`) },
    });
  }
});

// Whole-app renders: slow on a loaded machine, so a generous cap (not a speed check).
describe('conflicts and what sync set aside', { timeout: 30_000 }, () => {
  it('lists a conflict, shows local against server per field, and saves the local value picked for one field', async () => {
    const conflict = contactConflict();
    const sync = fakeSync({ server: fakeServerUrl, records: [conflict] });
    const { user } = await renderWithSync(sync);
    await user.click(await screen.findByRole('tab', { name: 'Conflicts (1)' }));

    const row = screen.getByRole('rowheader', { name: 'ct-ana' }).closest('tr');
    if (row === null) throw new Error('No row for the conflict');
    expect(row.textContent).toContain('Contacts');
    expect(row.textContent).toContain('displayName, emails, note');
    expect(row.textContent).toContain('Mar 4, 2025');
    await user.click(within(row).getByRole('button', { name: 'Review the conflict in Contacts record ct-ana' }));

    const heading = screen.getByRole('heading', { level: 2, name: 'Conflict in Contacts record ct-ana' });
    expect(document.activeElement).toBe(heading);
    // The server's value is the one kept now, so it is picked until the user changes it.
    const serverName = screen.getByRole<HTMLInputElement>('radio', { name: 'Server: Ana S.' });
    const localName = screen.getByRole<HTMLInputElement>('radio', { name: 'This computer: Ana Silva' });
    expect(serverName.checked).toBe(true);
    expect(localName.checked).toBe(false);
    expect(screen.getByText('Before both changes: Ana')).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'This computer: [{"kind":"work","value":"ana@example.org"}]' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Server: []' })).toBeTruthy();
    // A side without a value says so; a value that looks like markup stays text.
    expect(screen.getByRole('radio', { name: 'Server: (no value)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: `This computer: ${hostile}` })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(serverName.getAttribute('aria-describedby')).toBe(screen.getByRole('rowheader', { name: /^displayName/ }).id);

    await user.click(localName);
    expect(localName.checked).toBe(true);
    expect(serverName.checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('No conflicts: nothing waits for a choice.');
    expect(sync.callsOf('sync.conflicts.resolve')).toEqual([{ id: conflict.id, choices: { displayName: 'local', emails: 'remote', note: 'remote' } }]);
    expect(sync.resolvedDocument('contacts', 'ct-ana')).toEqual({
      id: 'ct-ana',
      displayName: 'Ana Silva',
      emails: [],
      countryId: 'dk',
      updatedAt: '2025-03-04T09:30:00.000Z',
    });
    expect(screen.getAllByRole('status').some((element) => element.textContent === 'Saved: Contacts record ct-ana now has the values you picked.')).toBe(true);
    expect(screen.getByRole('tab', { name: 'Conflicts' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Conflicts' }));
  });

  it('keeps the conflict when the save fails, and says why', async () => {
    const conflict = contactConflict();
    const sync = fakeSync({ server: fakeServerUrl, records: [conflict] });
    const { user } = await renderWithSync(sync, {
      'sync.conflicts.resolve': () =>
        Promise.resolve({
          ok: false,
          error: { code: 'invalid-input', message: 'x', issues: [{ path: 'displayName', message: 'x', code: 'not-in-conflict' }] },
        }),
    });
    await user.click(await screen.findByRole('tab', { name: 'Conflicts (1)' }));
    await user.click(screen.getByRole('button', { name: 'Review the conflict in Contacts record ct-ana' }));
    await user.click(screen.getByRole('button', { name: "Keep all of this computer's values" }));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'This computer: Ana Silva' }).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The choice could not be saved: The field "displayName" is not part of this conflict any more. Close it and open it again.',
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Conflict in Contacts record ct-ana' })).toBeTruthy();
  });

  it('lists quarantined documents and refused changes, and dismisses one', async () => {
    const quarantined = sampleSetAside('quarantine', { documentId: 'ct-bad', reason: `displayName: ${hostile}` });
    const refused = sampleSetAside('rejected', { documentId: 'mtg-other', collection: 'meetings', detail: { id: 'mtg-other', title: 'Theirs' } });
    const sync = fakeSync({ server: fakeServerUrl, records: [quarantined, refused] });
    const { user } = await renderWithSync(sync);
    await user.click(await screen.findByRole('tab', { name: 'Set aside (2)' }));

    const quarantine = screen.getByRole('region', { name: 'Documents set aside' });
    const row = within(quarantine).getByRole('rowheader', { name: 'ct-bad' }).closest('tr');
    if (row === null) throw new Error('No row for the quarantined document');
    expect(row.textContent).toContain(`displayName: ${hostile}`);
    expect(row.textContent).toContain('Contacts');
    expect(row.textContent).toContain('Mar 4, 2025');
    expect(document.querySelector('img')).toBeNull();
    await user.click(within(row).getByText('Show the document'));
    expect(within(row).getByText(/"displayName": 42/)).toBeTruthy();

    const rejected = screen.getByRole('region', { name: 'Changes the server refused' });
    expect(within(rejected).getByRole('rowheader', { name: 'mtg-other' })).toBeTruthy();
    expect(within(rejected).getByText('Meetings')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Dismiss Contacts record ct-bad' }));
    await within(quarantine).findByText('Nothing set aside: every document from the server passed the checks.');
    expect(sync.callsOf('sync.records.dismiss')).toEqual([{ id: quarantined.id }]);
    // Its row is gone and no other takes its place: focus stays in its panel rather than falling to the page.
    expect(document.activeElement).toBe(quarantine.querySelector('[tabindex="-1"]'));
    expect(sync.record(quarantined.id)?.resolvedAt).not.toBeNull();
    expect(screen.getAllByRole('status').some((element) => element.textContent === 'Dismissed Contacts record ct-bad.')).toBe(true);
    expect(within(rejected).getByRole('rowheader', { name: 'mtg-other' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Set aside (1)' })).toBeTruthy();
  });

  it('shows records sync sets aside while the view is open', async () => {
    const sync = fakeSync({ server: fakeServerUrl });
    const { user } = await renderWithSync(sync);
    await user.click(await screen.findByRole('tab', { name: 'Conflicts' }));
    await screen.findByText('No conflicts: nothing waits for a choice.');
    act(() => {
      sync.add(contactConflict());
    });
    expect(await screen.findByRole('rowheader', { name: 'ct-ana' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Conflicts (1)' })).toBeTruthy();
  });

  it('works from the keyboard alone: set up, switch tabs, pick a value with the arrow keys, save, go back with Escape', async () => {
    const first = contactConflict();
    const second = sampleConflict({ documentId: 'ct-bo', fields: [{ field: 'title', local: 'Dr', remote: 'Prof' }] });
    const sync = fakeSync({ records: [first, second] });
    const { user } = await renderWithSync(sync);

    const address = await screen.findByLabelText('Server address');
    await tabTo(user, address);
    await user.keyboard(fakeServerUrl);
    await user.tab();
    await user.keyboard('ana');
    await user.tab();
    await user.keyboard('correct horse{Enter}');
    await screen.findByRole('button', { name: 'Sync now' });
    expect(sync.callsOf('sync.configure')).toEqual([{ url: fakeServerUrl, user: 'ana', password: 'correct horse' }]);

    // The tab list is one stop; arrows move between tabs.
    const statusTab = screen.getByRole('tab', { name: 'Status' });
    await tabTo(user, statusTab);
    await user.keyboard('{ArrowRight}');
    const conflictsTab = screen.getByRole('tab', { name: 'Conflicts (2)' });
    expect(conflictsTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(conflictsTab);

    // Open the second conflict, look, and leave with Escape: focus returns to its button.
    const reviewBo = screen.getByRole('button', { name: 'Review the conflict in Contacts record ct-bo' });
    await tabTo(user, reviewBo);
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Conflict in Contacts record ct-bo' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Review the conflict in Contacts record ct-bo' }));

    // Open the first, move to its first field's radios (the server's is picked), take this computer's with an arrow key.
    const reviewAna = screen.getByRole('button', { name: 'Review the conflict in Contacts record ct-ana' });
    await tabTo(user, reviewAna);
    await user.keyboard('{Enter}');
    const serverName = screen.getByRole<HTMLInputElement>('radio', { name: 'Server: Ana S.' });
    await tabTo(user, serverName);
    await user.keyboard('{ArrowLeft}');
    const localName = screen.getByRole<HTMLInputElement>('radio', { name: 'This computer: Ana Silva' });
    expect(localName.checked).toBe(true);
    expect(document.activeElement).toBe(localName);
    await tabTo(user, screen.getByRole('button', { name: 'Save' }));
    await user.keyboard('{Enter}');

    await waitFor(() => {
      expect(sync.callsOf('sync.conflicts.resolve')).toEqual([{ id: first.id, choices: { displayName: 'local', emails: 'remote', note: 'remote' } }]);
    });
    await waitFor(() => {
      expect(screen.queryByRole('rowheader', { name: 'ct-ana' })).toBeNull();
    });
    expect(screen.getByRole('rowheader', { name: 'ct-bo' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Conflicts' }));
  });
});
