import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LockStatus } from '../../../../shared/api/lock';
import { fail, ok, type Result } from '../../../../shared/api/result';
import { useLockStore } from '../../stores/use-lock-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { sampleAppInfo } from '../../test/fake-bridge';
import { renderApp } from '../../test/render-app';

const PASSPHRASE = 'four unrelated words here';

/** A reply the test releases when it wants, to look at the screen while the core is still deriving the key. */
function pending<T>() {
  let release: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

function passphraseField(name: string | RegExp): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(name);
}

describe('the unlock screen, for a store that is locked', () => {
  const locked = { 'app.lockState': () => Promise.resolve(ok<LockStatus>({ state: 'locked' })) };

  it('replaces the app, with the passphrase field focused and marked as the current password', async () => {
    await renderApp(locked);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Focal Desk is locked');
    expect(screen.queryByRole('navigation')).toBeNull();
    const field = passphraseField('Passphrase');
    expect(field.type).toBe('password');
    expect(field.getAttribute('autocomplete')).toBe('current-password');
    expect(field.getAttribute('spellcheck')).toBe('false');
    expect(document.activeElement).toBe(field);
  });

  it('says so when the passphrase is wrong, clears the field and gives it focus again', async () => {
    const unlock = vi.fn(() => Promise.resolve(fail<LockStatus>('wrong-passphrase', 'That passphrase does not unlock this store.')));
    const { user } = await renderApp({ ...locked, 'app.unlock': unlock });
    await user.type(passphraseField('Passphrase'), 'not the one{Enter}');
    expect(unlock).toHaveBeenCalledWith({ passphrase: 'not the one' });
    expect((await screen.findByRole('alert')).textContent).toBe('That passphrase does not unlock Focal Desk. Check it and try again.');
    expect(passphraseField('Passphrase').value).toBe('');
    expect(passphraseField('Passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(passphraseField('Passphrase'));
  });

  it('shows that it is working while the key is derived, then opens the app', async () => {
    const reply = pending<Result<LockStatus>>();
    const info = vi.fn(() => Promise.resolve(ok(sampleAppInfo())));
    const { user } = await renderApp({ ...locked, 'app.unlock': () => reply.promise, 'app.info': info });
    await user.type(passphraseField('Passphrase'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    const busy = screen.getByRole('button', { name: 'Unlocking…' });
    expect(busy).toHaveProperty('disabled', true);
    expect(passphraseField('Passphrase').readOnly).toBe(true);
    // A second Enter while busy sends nothing more.
    await user.type(passphraseField('Passphrase'), '{Enter}');

    await act(async () => {
      reply.release(ok({ state: 'open' }));
      await reply.promise;
    });
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeTruthy();
    // The store changed when it opened: its facts are asked for again.
    await waitFor(() => {
      expect(info).toHaveBeenCalledTimes(2);
    });
    expect(JSON.stringify(useLockStore.getState())).not.toContain(PASSPHRASE);
  });

  it('asks for a passphrase before sending an empty one, which would count as a wrong attempt', async () => {
    const unlock = vi.fn(() => Promise.resolve(ok<LockStatus>({ state: 'open' })));
    const { user } = await renderApp({ ...locked, 'app.unlock': unlock });
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter a passphrase.');
    expect(unlock).not.toHaveBeenCalled();
  });

  it('after too many wrong passphrases, says how long to wait and holds the button until then', async () => {
    const unlock = vi
      .fn<() => Promise<Result<LockStatus>>>()
      .mockResolvedValueOnce(fail('wrong-passphrase', 'Wrong. Wait 2 seconds.', undefined, { retryAfterMs: 2_000 }))
      .mockResolvedValueOnce(ok({ state: 'open' }));
    const { user } = await renderApp({ ...locked, 'app.unlock': unlock });
    // Fake time that still flows on its own, so typing works, and that the test can jump forward.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    await user.type(passphraseField('Passphrase'), 'guess number five{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That passphrase does not unlock Focal Desk. Wait 2 seconds before trying again.',
    );
    expect(screen.getByRole('button', { name: 'Unlock' })).toHaveProperty('disabled', true);
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    vi.useRealTimers();
    expect(screen.getByRole('button', { name: 'Unlock' })).toHaveProperty('disabled', false);
    await user.type(passphraseField('Passphrase'), `${PASSPHRASE}{Enter}`);
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeTruthy();
  });

  it('words a rate limit in French too', async () => {
    useSettingsStore.getState().setLanguage('fr');
    const unlock = () => Promise.resolve(fail<LockStatus>('too-many-attempts', 'Too many.', undefined, { retryAfterMs: 64_000 }));
    const { user } = await renderApp({ ...locked, 'app.unlock': unlock });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Focal Desk est verrouillé');
    await user.type(passphraseField('Phrase secrète'), 'essai{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Trop de phrases secrètes erronées. Attendez 64\u00a0secondes avant de réessayer.',
    );
  });

  it('shows any other failure as the core wrote it (a damaged key file names its path)', async () => {
    const message = 'The passphrase key file /d/store-key.passphrase.json is damaged or was not written by Focal Desk.';
    const { user } = await renderApp({ ...locked, 'app.unlock': () => Promise.resolve(fail<LockStatus>('unavailable', message)) });
    await user.type(passphraseField('Passphrase'), `${PASSPHRASE}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });

  it('leaves the unlock screen when another window unlocked the store', async () => {
    const { fake } = await renderApp(locked);
    act(() => {
      fake.emit({ name: 'app.lock-state', payload: { state: 'open' } });
    });
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
  });
});

describe('the unlock screen, for a store without a passphrase yet', () => {
  const setup = { 'app.lockState': () => Promise.resolve(ok<LockStatus>({ state: 'needs-passphrase-setup' })) };

  it('explains that the passphrase cannot be recovered, with two new-password fields', async () => {
    await renderApp(setup);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Protect your data with a passphrase');
    expect(screen.getByText(/Nobody can recover a forgotten passphrase/).textContent).toMatch(/can never be read again/);
    const first = passphraseField('Passphrase');
    const second = passphraseField('Type the passphrase again');
    expect([first.getAttribute('autocomplete'), second.getAttribute('autocomplete')]).toEqual(['new-password', 'new-password']);
    expect(document.activeElement).toBe(first);
    expect(first.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('rates the passphrase as it is typed', async () => {
    const { user } = await renderApp(setup);
    const field = passphraseField('Passphrase');
    expect(screen.getByText('Too short: 0 of 12 characters')).toBeTruthy();
    await user.type(field, 'twelve chars');
    expect(screen.getByText('Strength: fair. A longer passphrase is stronger.')).toBeTruthy();
    await user.type(field, ' and then more words');
    expect(screen.getByText('Strength: strong')).toBeTruthy();
  });

  it('gives field-level reasons without calling the core while the rules are not met', async () => {
    const setPassphrase = vi.fn(() => Promise.resolve(ok<LockStatus>({ state: 'open' })));
    const { user } = await renderApp({ ...setup, 'app.setPassphrase': setPassphrase });
    await user.type(passphraseField('Passphrase'), 'too short');
    await user.click(screen.getByRole('button', { name: 'Protect and open' }));
    expect(screen.getByRole('alert').textContent).toBe('Use at least 12 characters.');
    expect(passphraseField('Passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(passphraseField('Passphrase'));

    await user.type(passphraseField('Passphrase'), ' but longer now');
    await user.type(passphraseField('Type the passphrase again'), 'something else');
    expect(screen.getByRole('alert').textContent).toBe('The two passphrases are different.');
    expect(passphraseField('Type the passphrase again').getAttribute('aria-invalid')).toBe('true');
    expect(setPassphrase).not.toHaveBeenCalled();
  });

  it('sends both fields, shows that it is working, then opens the app', async () => {
    const reply = pending<Result<LockStatus>>();
    const setPassphrase = vi.fn(() => reply.promise);
    const { user, fake } = await renderApp({ ...setup, 'app.setPassphrase': setPassphrase });
    await user.type(passphraseField('Passphrase'), PASSPHRASE);
    await user.type(passphraseField('Type the passphrase again'), `${PASSPHRASE}{Enter}`);
    expect(setPassphrase).toHaveBeenCalledWith({ passphrase: PASSPHRASE, confirmation: PASSPHRASE });
    expect(screen.getByRole('button', { name: 'Protecting your data…' })).toHaveProperty('disabled', true);
    await act(async () => {
      fake.emit({ name: 'app.lock-state', payload: { state: 'open' } });
      reply.release(ok({ state: 'open' }));
      await reply.promise;
    });
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
  });

  it('shows the core’s field issues in the user’s language', async () => {
    useSettingsStore.getState().setLanguage('fr');
    const refused = () =>
      Promise.resolve(
        fail<LockStatus>('invalid-input', 'Choose another passphrase.', [
          { path: 'passphrase', code: 'only-whitespace', message: 'A passphrase cannot be only spaces.' },
        ]),
      );
    const { user } = await renderApp({ ...setup, 'app.setPassphrase': refused });
    await user.type(passphraseField('Phrase secrète'), PASSPHRASE);
    await user.type(passphraseField('Saisissez à nouveau la phrase secrète'), `${PASSPHRASE}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toBe('Une phrase secrète ne peut pas contenir que des espaces.');
  });
});

describe('before the lock state is known', () => {
  it('shows neither the app nor the unlock screen', async () => {
    const answer = pending<Result<LockStatus>>();
    const rendering = renderApp({ 'app.lockState': () => answer.promise });
    expect(screen.getByRole('status').textContent).toBe('Opening Focal Desk…');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    answer.release(ok({ state: 'open' }));
    await rendering;
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
  });

  it('shows the app when the lock state cannot be asked, leaving the link problem to the connection banner', async () => {
    await renderApp({ 'app.lockState': () => Promise.resolve(fail<LockStatus>('unavailable', 'Not connected.')) });
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
  });
});
