import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useSettingsStore } from '../stores/use-settings-store';
import { ErrorBoundary } from './error-boundary';

const secret = 'kaboom: internal detail at render (bomb.tsx:12)';

function renderBomb() {
  const bomb = { armed: true };
  function Bomb() {
    if (bomb.armed) throw new Error(secret);
    return <p>Recovered content</p>;
  }
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const view = render(
    <ErrorBoundary scope="screen">
      <Bomb />
    </ErrorBoundary>,
  );
  return { bomb, errors, view };
}

describe('ErrorBoundary', () => {
  it('replaces a crashed part with a readable message, and logs the error', () => {
    const { errors } = renderBomb();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Something went wrong');
    expect(alert.textContent).toContain('Your data is safe.');
    expect(alert.textContent).not.toContain('kaboom');
    expect(alert.textContent).not.toMatch(/at |\.tsx/);
    const logged = errors.mock.calls.some((args) => args.some((arg) => arg instanceof Error && arg.message === secret));
    expect(logged).toBe(true);
  });

  it('renders the children again on "Try again"', async () => {
    const { bomb } = renderBomb();
    bomb.armed = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Recovered content')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the fallback again if the part still fails', async () => {
    renderBomb();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.queryByText('Recovered content')).toBeNull();
  });

  it('speaks the user’s language', () => {
    useSettingsStore.getState().setLanguage('fr');
    renderBomb();
    expect(screen.getByRole('alert').textContent).toContain('Un problème est survenu');
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });
});
