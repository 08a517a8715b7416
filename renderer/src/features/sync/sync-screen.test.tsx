import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/api/result';
import { useSettingsStore } from '../../stores/use-settings-store';
import { fakeServerUrl, fakeSync, renderWithSync, syncedCollections } from '../../test/fake-sync';

const hostile = '<img src=x onerror=alert(1)>';

function input(name: string): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(name);
}

/** The text of the field message tied to `control` by aria-describedby (help and error). */
function description(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** The overall state as the Sync view words it. */
function stateShown(): string {
  const state = document.querySelector('.sync-overview__state');
  if (state === null) throw new Error('No state on screen');
  return state.textContent;
}

/** What the overview says of the last successful sync. */
function lastSuccess(): string {
  const row = screen.getByText('Last successful sync').closest('div');
  if (row === null) throw new Error('No last successful sync on screen');
  return within(row).getByRole('definition').textContent;
}

// Whole-app renders: slow on a loaded machine, so a generous cap (not a speed check).
describe('the Sync view', { timeout: 30_000 }, () => {
  it('sets up the server: the core’s field messages under their fields, then sync starts and the password is gone', async () => {
    const sync = fakeSync();
    const { user } = await renderWithSync(sync);
    await screen.findByRole('heading', { name: "Connect to your network's server" });

    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('Check the fields marked below.');
    expect(input('Server address').getAttribute('aria-invalid')).toBe('true');
    expect(description(input('Server address'))).toContain('Give the server as an http:// or https:// address');
    expect(description(input('User name'))).toContain('Give the user name.');
    expect(description(input('Password'))).toContain('Give the password.');
    await waitFor(() => {
      expect(document.activeElement).toBe(input('Server address'));
    });

    // Another address: the core cannot reach it, and says so under the address.
    await user.type(input('Server address'), 'https://elsewhere.example.org/');
    await user.type(input('User name'), 'ana');
    await user.type(input('Password'), 'correct horse{Enter}');
    await waitFor(() => {
      expect(description(input('Server address'))).toContain('The server cannot be reached.');
    });
    expect(input('Password').value).toBe('');

    // The right server, a wrong password: worded as such, under the password.
    await user.clear(input('Server address'));
    await user.type(input('Server address'), fakeServerUrl);
    await user.type(input('Password'), 'battery staple{Enter}');
    await waitFor(() => {
      expect(description(input('Password'))).toMatch(/Wrong password/);
    });
    expect(screen.getByRole('alert').textContent).toMatch(/Wrong password/);
    expect(input('Password').value).toBe('');
    await waitFor(() => {
      expect(document.activeElement).toBe(input('Password'));
    });

    await user.type(input('Password'), 'correct horse{Enter}');
    await waitFor(() => {
      expect(stateShown()).toBe('✓Up to date');
    });
    expect(sync.callsOf('sync.configure').at(-1)).toEqual({ url: fakeServerUrl, user: 'ana', password: 'correct horse' });
    expect(document.body.textContent).not.toContain('correct horse');
    expect([...document.querySelectorAll('input')].some((field) => field.value === 'correct horse')).toBe(false);
    expect(screen.getByText(fakeServerUrl)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sync: Up to date' })).toBeTruthy();
  });

  it('shows a server set by policy locked, and sends it as it is', async () => {
    const sync = fakeSync({ lockedServer: 'https://policy.example.org/', user: null, status: { state: 'not-configured' } });
    const { user } = await renderWithSync(sync);
    const address = await screen.findByLabelText<HTMLInputElement>('Server address');
    expect(address.readOnly).toBe(true);
    expect(address.value).toBe('https://policy.example.org/');
    expect(description(address)).toContain("Set by this computer's policy");
    await user.type(address, 'x');
    expect(address.value).toBe('https://policy.example.org/');
    await user.type(input('User name'), 'ana');
    await user.type(input('Password'), 'correct horse{Enter}');
    await waitFor(() => {
      expect(stateShown()).toBe('✓Up to date');
    });
    expect(sync.callsOf('sync.configure')).toEqual([{ url: 'https://policy.example.org/', user: 'ana', password: 'correct horse' }]);
  });

  it('words every state, counts the first sync, and shows collections and file progress', async () => {
    const sync = fakeSync({ server: fakeServerUrl, user: hostile, status: { state: 'first-sync', firstSync: { done: 1200, total: 10000 } } });
    await renderWithSync(sync);
    await waitFor(() => {
      expect(stateShown()).toBe('↓First sync: 1,200 of 10,000 records');
    });
    const first = screen.getByRole('progressbar', { name: 'First sync' });
    expect(first.getAttribute('aria-valuenow')).toBe('1200');
    expect(first.getAttribute('aria-valuemax')).toBe('10000');
    expect(first.getAttribute('aria-valuetext')).toBe('First sync: 1,200 of 10,000 records');
    // The user name is text, never markup.
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(lastSuccess()).toBe('Never');

    const words = [
      ['offline', '⨯Offline'],
      ['connecting', '…Connecting…'],
      ['syncing', '↻Syncing…'],
      ['up-to-date', '✓Up to date'],
      ['paused', '‖Paused'],
      ['signed-out', '⊘Signed out'],
    ] as const;
    for (const [state, text] of words) {
      act(() => {
        sync.push({ state, firstSync: null });
      });
      expect(stateShown()).toBe(text);
      expect(document.querySelector('.sync-state')?.getAttribute('data-state')).toBe(state);
    }
    expect(screen.queryByRole('progressbar', { name: 'First sync' })).toBeNull();

    act(() => {
      sync.push({ state: 'error', lastError: { scope: 'server', kind: 'captive-portal', message: 'HTML with status 200' } });
    });
    expect(stateShown()).toBe('!Stopped by a problem');
    expect(screen.getByText(/^A sign-in page answered instead of the server \(hotel or airport Wi-Fi\?\)/, { selector: '.sync-problem' })).toBeTruthy();
    const live = screen.getAllByRole('status').find((element) => element.classList.contains('visually-hidden'));
    expect(live?.textContent).toMatch(/^Stopped by a problem\. A sign-in page answered/);
    expect(screen.getByRole('button', { name: 'Sync: Stopped by a problem' })).toBeTruthy();

    act(() => {
      sync.push({
        state: 'syncing',
        lastError: null,
        pendingLocal: 3,
        lastSuccessAt: '2025-03-04T09:00:00.000Z',
        collections: syncedCollections.map((collection) =>
          collection === 'agendaItems'
            ? { collection, state: 'error', pendingLocal: 3, pulled: 1500, pushed: 2, lastSyncedAt: null, error: { scope: collection, kind: 'forbidden', message: 'no' } }
            : { collection, state: 'up-to-date', pendingLocal: 0, pulled: 10, pushed: 0, lastSyncedAt: '2025-03-04T09:00:00.000Z', error: null },
        ),
        files: { pendingUp: 2, pendingDown: 5, current: { name: hostile, direction: 'upload', doneBytes: 262_144, totalBytes: 1_048_576 } },
      });
    });
    expect(screen.getByText('3 changes waiting to be sent')).toBeTruthy();
    expect(lastSuccess()).not.toBe('Never');
    const row = screen.getByRole('rowheader', { name: 'Agenda items' }).closest('tr');
    if (row === null) throw new Error('No row for agenda items');
    expect([...row.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      '!Stopped by a problem',
      '3',
      '1,500',
      '2',
      'Never',
      expect.stringMatching(/^No permission/) as unknown as string,
    ]);
    expect(screen.getAllByRole('row')).toHaveLength(syncedCollections.length + 1);
    expect(screen.getByText('2 to send, 5 to receive')).toBeTruthy();
    const file = screen.getByRole('progressbar', { name: `Sending ${hostile}` });
    expect(file.getAttribute('aria-valuenow')).toBe('262144');
    expect(file.getAttribute('aria-valuemax')).toBe('1048576');
    expect(file.getAttribute('aria-valuetext')).toBe('262 kB of 1 MB');
    expect(document.querySelector('img')).toBeNull();
  });

  it('words problems in French too', async () => {
    const sync = fakeSync({ server: fakeServerUrl, status: { state: 'error', lastError: { scope: 'server', kind: 'captive-portal', message: 'x' } } });
    await renderWithSync(sync);
    await screen.findAllByText(/hotel or airport Wi-Fi/);
    act(() => {
      useSettingsStore.getState().setLanguage('fr');
    });
    expect(await screen.findByText(/^Une page de connexion a répondu à la place du serveur/, { selector: '.sync-problem' })).toBeTruthy();
    expect(stateShown()).toBe('!Arrêtée par un problème');
    act(() => {
      sync.push({ lastError: { scope: 'contacts', kind: 'certificate', message: 'x' } });
    });
    expect(screen.getByText(/^Contacts\s: Le certificat de sécurité du serveur n’est pas reconnu/, { selector: '.sync-problem' })).toBeTruthy();
  });

  it('syncs now, pauses and resumes through the core, and says when an action fails', async () => {
    let refuse = false;
    const sync = fakeSync({ server: fakeServerUrl });
    const { user } = await renderWithSync(sync, {
      'sync.now': async (value) => {
        if (refuse) return fail('unavailable', 'The core is busy.');
        const answer = await sync.handlers['sync.now']?.(value);
        if (answer === undefined) throw new Error('The fake did not answer');
        return answer;
      },
    });
    await screen.findByRole('button', { name: 'Sync now' });
    expect(lastSuccess()).toBe('Never');
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => {
      expect(lastSuccess()).not.toBe('Never');
    });
    expect(sync.callsOf('sync.now')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(() => {
      expect(stateShown()).toBe('‖Paused');
    });
    expect(sync.callsOf('sync.pause')).toHaveLength(1);
    expect(screen.getByText(/Sync is paused/)).toBeTruthy();
    const now = screen.getByRole('button', { name: 'Sync now' });
    expect(now.getAttribute('aria-disabled')).toBe('true');
    await user.click(now);
    expect(sync.callsOf('sync.now')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => {
      expect(stateShown()).toBe('✓Up to date');
    });
    expect(sync.callsOf('sync.resume')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();

    refuse = true;
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That did not work: The core is busy.');
  });

  it('changes to another account, or keeps the current one when the user changes their mind', async () => {
    const sync = fakeSync({ server: fakeServerUrl, accounts: { ana: 'correct horse', kofi: 'battery staple' } });
    const { user } = await renderWithSync(sync);
    await user.click(await screen.findByRole('button', { name: 'Use another server or account' }));
    expect(input('Server address').value).toBe(fakeServerUrl);
    await user.click(screen.getByRole('button', { name: 'Keep the current server' }));
    expect(await screen.findByRole('button', { name: 'Sync now' })).toBeTruthy();
    expect(sync.callsOf('sync.configure')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Use another server or account' }));
    await user.clear(input('User name'));
    await user.type(input('User name'), 'kofi');
    await user.type(input('Password'), 'battery staple{Enter}');
    expect(await screen.findByRole('button', { name: 'Sync now' })).toBeTruthy();
    expect(sync.callsOf('sync.configure')).toEqual([{ url: fakeServerUrl, user: 'kofi', password: 'battery staple' }]);
    expect(screen.getByText('kofi')).toBeTruthy();
  });

  it('signs out after asking, then asks for the password and signs in again', async () => {
    const sync = fakeSync({ server: fakeServerUrl });
    const { user } = await renderWithSync(sync);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out of the server?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => {
      expect(stateShown()).toBe('⊘Signed out');
    });
    expect(sync.callsOf('sync.signOut')).toHaveLength(1);
    expect(screen.getByText(`Sync is stopped until you sign in to ${fakeServerUrl} as ana.`)).toBeTruthy();
    const password = input('Password');
    await waitFor(() => {
      expect(document.activeElement).toBe(password);
    });
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();

    await user.keyboard('not it{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Wrong password/);
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);

    await user.keyboard('correct horse{Enter}');
    await waitFor(() => {
      expect(stateShown()).toBe('✓Up to date');
    });
    expect(sync.callsOf('sync.signIn')).toEqual([{ password: 'not it' }, { password: 'correct horse' }]);
    expect(document.body.textContent).not.toContain('correct horse');
  });

  it('asks for the password when the core signs out by itself after a 401', async () => {
    const sync = fakeSync({ server: fakeServerUrl });
    const { user } = await renderWithSync(sync);
    await screen.findByRole('button', { name: 'Sync now' });
    act(() => {
      sync.push({ state: 'signed-out', lastError: { scope: 'server', kind: 'unauthorized', message: '401' } });
    });
    expect(screen.getByText(/^Wrong password: the server did not accept/, { selector: '.sync-problem' })).toBeTruthy();
    await user.type(input('Password'), 'correct horse{Enter}');
    await waitFor(() => {
      expect(stateShown()).toBe('✓Up to date');
    });
    expect(screen.queryByText(/Wrong password/)).toBeNull();
  });

  it('explains a failure to load and tries again', async () => {
    let failing = true;
    const sync = fakeSync({ server: fakeServerUrl });
    const { user } = await renderWithSync(sync, {
      'sync.status': async (value) => {
        if (failing) return fail('unavailable', 'Focal Desk is busy.');
        const answer = await sync.handlers['sync.status']?.(value);
        if (answer === undefined) throw new Error('The fake did not answer');
        return answer;
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Where sync stands could not be loaded');
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => {
      expect(stateShown()).toBe('✓Up to date');
    });
  });
});
