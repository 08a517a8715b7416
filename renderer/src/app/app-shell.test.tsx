import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/api/result';
import type { ApiClient } from '../api/client';
import type { ConnectionListener, ConnectionStatus } from '../api/connection-status';
import { fakeBridge, sampleAppInfo } from '../test/fake-bridge';
import { fakeDirectory } from '../test/fake-directory';
import { renderApp, renderAppWith } from '../test/render-app';

const englishSections = ['Directory', 'Documents', 'Meetings', 'Briefing packs', 'Sync', 'Settings'];

function sectionButtons() {
  return within(screen.getByRole('navigation', { name: 'Sections' })).getAllByRole('button');
}

function currentSection() {
  return sectionButtons()
    .filter((button) => button.getAttribute('aria-current') === 'page')
    .map((button) => button.textContent);
}

describe('the shell', () => {
  it('lists the six sections in order and opens on the directory', async () => {
    await renderApp();
    expect(sectionButtons().map((button) => button.textContent)).toEqual(englishSections);
    expect(currentSection()).toEqual(['Directory']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Directory');
    expect(screen.getByText('No focal points yet')).toBeTruthy();
  });

  it('switches screens when a section is clicked', async () => {
    const { user } = await renderApp();
    for (const name of englishSections) {
      await user.click(screen.getByRole('button', { name }));
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(name);
      expect(currentSection()).toEqual([name]);
    }
  });

  it('jumps to a section with Ctrl or Cmd and its digit, moving focus to its heading', async () => {
    const { user } = await renderApp();
    await user.keyboard('{Control>}3{/Control}');
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Meetings');
    expect(document.activeElement).toBe(heading);
    await user.keyboard('{Meta>}6{/Meta}');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings');
    await user.keyboard('{Control>}4{/Control}');
    expect(currentSection()).toEqual(['Briefing packs']);
  });

  it('ignores digits without Ctrl or Cmd, and digits past the last section', async () => {
    const { user } = await renderApp();
    await user.keyboard('3');
    await user.keyboard('{Control>}9{/Control}');
    await user.keyboard('{Control>}{Alt>}2{/Alt}{/Control}');
    expect(currentSection()).toEqual(['Directory']);
  });

  it('moves focus within the navigation with the arrow keys, Home and End', async () => {
    const { user } = await renderApp();
    const buttons = sectionButtons();
    buttons[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(buttons[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(buttons[5]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(buttons[0]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(buttons[5]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(buttons[0]);
    // Moving focus does not change section; Enter does.
    expect(currentSection()).toEqual(['Directory']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(currentSection()).toEqual(['Documents']);
  });

  it('offers a skip link as the first Tab stop, which moves focus to the content', async () => {
    const { user } = await renderApp();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(document.activeElement).toBe(skip);
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(window.location.hash).toBe('');
    await user.tab();
    expect(document.activeElement?.tagName).not.toBe('BODY');
  });

  it('reaches every section by Tab after the skip link', async () => {
    const { user } = await renderApp();
    await user.tab();
    const reached: string[] = [];
    for (let i = 0; i < englishSections.length; i += 1) {
      await user.tab();
      reached.push(document.activeElement?.textContent ?? '');
    }
    expect(reached).toEqual(englishSections);
  });

  it('shows the store health in the status bar and opens Settings from it', async () => {
    const { user } = await renderApp();
    const status = await screen.findByRole('button', { name: 'Local store: Healthy' });
    await user.click(status);
    expect(currentSection()).toEqual(['Settings']);
  });

  it('explains how to open Focal Desk when there is neither a bridge nor a host token', async () => {
    await renderAppWith(null);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Open Focal Desk from its launcher');
    expect(screen.getByText('npm start')).toBeTruthy();
    expect(screen.getByText('npm run host')).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});

describe('the connection banner', () => {
  function controllableClient() {
    let status: ConnectionStatus = { state: 'connected' };
    const listeners = new Set<ConnectionListener>();
    const reconnect = vi.fn();
    const infoCalls = vi.fn(() => Promise.resolve(ok(sampleAppInfo())));
    // An empty directory answers, so the only alert on screen is the banner's.
    const fake = fakeBridge({ ...fakeDirectory().handlers, 'app.info': infoCalls });
    const client: ApiClient = {
      bridge: fake.bridge,
      connection: {
        status: () => status,
        subscribe: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        reconnect,
      },
    };
    const setStatus = (next: ConnectionStatus) => {
      status = next;
      act(() => {
        for (const listener of listeners) listener(next);
      });
    };
    return { client, setStatus, reconnect, infoCalls };
  }

  it('stays hidden while connected, and says so while reconnecting, with a way to retry now', async () => {
    const { client, setStatus, reconnect } = controllableClient();
    const { user } = await renderAppWith(client);
    expect(screen.queryByText(/Trying again/)).toBeNull();
    setStatus({ state: 'reconnecting', attempt: 2, maxAttempts: 8 });
    expect(screen.getByText(/Trying again \(attempt 2 of 8\)/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reconnect now' }));
    expect(reconnect).toHaveBeenCalledTimes(1);
  });

  it('alerts when Focal Desk cannot be reached any more, and disappears once connected again', async () => {
    const { client, setStatus } = controllableClient();
    await renderAppWith(client);
    setStatus({ state: 'offline' });
    expect(screen.getByRole('alert').textContent).toMatch(/cannot be reached/);
    setStatus({ state: 'connected' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reloads app.info once a lost link is back, since the core may have changed meanwhile', async () => {
    const { client, setStatus, infoCalls } = controllableClient();
    await renderAppWith(client);
    await screen.findByRole('button', { name: 'Local store: Healthy' });
    expect(infoCalls).toHaveBeenCalledTimes(1);
    setStatus({ state: 'reconnecting', attempt: 1, maxAttempts: 8 });
    setStatus({ state: 'connected' });
    expect(infoCalls).toHaveBeenCalledTimes(2);
  });
});
