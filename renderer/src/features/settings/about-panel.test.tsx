import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../../shared/api/app';
import { fail, ok, type Result } from '../../../../shared/api/result';
import { sampleAppInfo, sampleHealth } from '../../test/fake-bridge';
import { renderApp } from '../../test/render-app';

/** The description a `<dt>` term has in the About panel's list. */
function detail(term: string): string {
  const about = screen.getByRole('region', { name: 'About' });
  const dt = within(about).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

async function openSettings(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(screen.getByRole('button', { name: 'Settings' }));
}

describe('About panel', () => {
  it('shows what app.info reports, in a description list', async () => {
    const info = sampleAppInfo({
      version: '1.4.2',
      shell: 'electron',
      dataDirectory: 'C:\\Users\\ana\\AppData\\Focal Desk',
      platform: 'win32-x64',
      runtime: { node: '22.1.0', electron: '45.5.0', chrome: '140.0.1' },
      health: sampleHealth({ freeBytes: 12_300_000_000 }),
    });
    const { user } = await renderApp({ 'app.info': () => Promise.resolve(ok(info)) });
    await openSettings(user);
    await screen.findByText('1.4.2');
    expect(detail('Application')).toBe('Focal Desk');
    expect(detail('Version')).toBe('1.4.2');
    expect(detail('Running as')).toBe('Desktop app');
    expect(detail('Data folder')).toBe('C:\\Users\\ana\\AppData\\Focal Desk');
    expect(detail('Platform')).toBe('win32-x64');
    expect(detail('Node.js')).toBe('22.1.0');
    expect(detail('Electron')).toBe('45.5.0');
    expect(detail('Chromium')).toBe('140.0.1');
    expect(detail('Local store')).toBe('Healthy');
    expect(detail('Free disk space')).toBe('12 GB');
    expect(detail('Problems')).toBe('None');
    expect(detail('Database file')).toBe('/home/ana/.focal-data/store/focal.sqlite');
    expect(detail('Database size')).toBe('2.4 MB');
    expect(detail('Encryption')).toBe('Encrypted on this computer');
    expect(detail('Documents')).toBe('Countries: 41');
  });

  it('says when the store is not encrypted and its counts are unknown', async () => {
    const unencrypted = sampleAppInfo({ store: { path: '/d/store/focal.sqlite', sizeBytes: 0, encrypted: false, locked: false, documentCounts: null } });
    const first = await renderApp({ 'app.info': () => Promise.resolve(ok(unencrypted)) });
    await openSettings(first.user);
    await screen.findByText('/d/store/focal.sqlite');
    expect(detail('Encryption')).toBe('Not encrypted');
    expect(detail('Documents')).toBe('Unknown');
  });

  it('says when the store has not been created yet', async () => {
    const fresh = await renderApp({ 'app.info': () => Promise.resolve(ok(sampleAppInfo({ store: null }))) });
    await openSettings(fresh.user);
    await screen.findByText('0.1.0', { selector: 'dd' });
    expect(detail('Database file')).toBe('Not created yet');
  });

  it('says what does not apply when not running in Electron', async () => {
    const { user } = await renderApp();
    await openSettings(user);
    await screen.findByText('0.1.0', { selector: 'dd' });
    expect(detail('Running as')).toBe('Browser, through the local host');
    expect(detail('Electron')).toBe('Not applicable');
    expect(detail('Chromium')).toBe('Not applicable');
  });

  it('shows a loading state until app.info answers', async () => {
    let answer: (result: Result<AppInfo>) => void = () => undefined;
    const { user } = await renderApp({ 'app.info': () => new Promise((resolve) => (answer = resolve)) });
    await openSettings(user);
    const about = screen.getByRole('region', { name: 'About' });
    expect(within(about).getByRole('status').textContent).toMatch(/Loading information/);
    await act(async () => {
      answer(ok(sampleAppInfo()));
      await Promise.resolve();
    });
    expect(screen.queryByText(/Loading information/)).toBeNull();
    expect(detail('Version')).toBe('0.1.0');
  });

  it('shows an API error as a readable message, and loads again on "Try again"', async () => {
    let result: Result<AppInfo> = fail('unavailable', 'Focal Desk is not connected right now.');
    const { user } = await renderApp({ 'app.info': () => Promise.resolve(result) });
    await openSettings(user);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This information could not be loaded.');
    expect(alert.textContent).toContain('Focal Desk is not connected right now.');
    expect(alert.textContent).not.toMatch(/[{}]|unavailable/);

    result = ok(sampleAppInfo({ version: '2.0.0' }));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText('2.0.0');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('follows live app.health events, in the panel and in the status bar', async () => {
    const { user, fake } = await renderApp();
    await openSettings(user);
    await screen.findByText('0.1.0', { selector: 'dd' });
    expect(screen.getByRole('button', { name: 'Local store: Healthy' })).toBeTruthy();

    const problem = { code: 'low-disk-space' as const, message: 'Only 150 MB free on the disk holding the data directory.' };
    act(() => {
      fake.emit({
        name: 'app.health',
        payload: sampleHealth({
          status: 'degraded',
          checkedAt: '2025-03-04T10:05:00.000Z',
          freeBytes: 150 * 1024 * 1024,
          problems: [problem],
        }),
      });
    });
    expect(detail('Local store')).toBe('Needs attention');
    expect(detail('Problems')).toMatch(/^The disk holding the data folder is almost full: 157(\.3)?\sMB free\.$/);
    expect(screen.getByRole('button', { name: 'Local store: Needs attention' })).toBeTruthy();

    // A report checked earlier than the one shown (e.g. delayed) does not replace it.
    act(() => {
      fake.emit({ name: 'app.health', payload: sampleHealth({ status: 'ok', checkedAt: '2025-03-04T09:00:00.000Z' }) });
    });
    expect(detail('Local store')).toBe('Needs attention');
  });

  it('is translated, with French labels and formats', async () => {
    const { user } = await renderApp({
      'app.info': () => Promise.resolve(ok(sampleAppInfo({ health: sampleHealth({ freeBytes: 2_500_000_000 }) }))),
    });
    await openSettings(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr');
    const about = await screen.findByRole('region', { name: 'À propos' });
    expect(within(about).getByText('Stockage local', { selector: 'dt' }).nextElementSibling?.textContent).toBe(
      'En bon état',
    );
    expect(within(about).getByText('Espace disque libre', { selector: 'dt' }).nextElementSibling?.textContent).toMatch(
      /^2,5\sGo$/,
    );
  });
});
