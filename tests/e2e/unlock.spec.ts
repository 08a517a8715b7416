import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';
import { startHostProcess, stopHostProcess, type StartedHost } from './support/host-process';

/**
 * A store protected by a passphrase, end to end: the real host started with `--passphrase` on its own data directory,
 * the built renderer in Chromium, and the real key derivation (scrypt, N = 2^17: about half a second per passphrase).
 * The passphrase is chosen on first run; after a restart the page asks for it, refuses a wrong one and opens with the
 * right one.
 */

const PASSPHRASE = 'four unrelated words here';

let dataDir: string;
let host: StartedHost | undefined;
let pageErrors: string[];

test.beforeEach(({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'focal-e2e-unlock-'));
  pageErrors = collectPageErrors(page);
});

test.afterEach(async ({ page }) => {
  // Leave the page before the host goes, so its reconnection attempts do not count as page errors.
  await page.goto('about:blank');
  if (host !== undefined) await stopHostProcess(host, { signal: 'SIGTERM', timeoutMs: 10_000 });
  host = undefined;
  rmSync(dataDir, { recursive: true, force: true });
  expect(pageErrors, 'console errors and uncaught exceptions in the page').toEqual([]);
});

async function openHost(page: Page): Promise<void> {
  host = await startHostProcess({ dataDir, passphrase: true, startTimeoutMs: 30_000 });
  await page.goto(host.pageUrl);
}

async function restartHost(page: Page): Promise<void> {
  await page.goto('about:blank');
  if (host !== undefined) expect(await stopHostProcess(host, { signal: 'SIGTERM', timeoutMs: 10_000 })).toBe(0);
  await openHost(page);
}

test('chooses a passphrase, then asks for it after a restart and opens only with the right one', async ({ page }) => {
  test.setTimeout(90_000);
  const heading = page.getByRole('heading', { level: 1 });
  const sections = page.getByRole('navigation', { name: 'Sections' });

  await openHost(page);
  await expect(heading).toHaveText('Protect your data with a passphrase');
  await expect(page.getByText(/Nobody can recover a forgotten passphrase/)).toBeVisible();
  await expect(sections).toHaveCount(0);
  const choose = page.getByLabel('Passphrase', { exact: true });
  await expect(choose).toBeFocused();
  await expect(choose).toHaveAttribute('autocomplete', 'new-password');
  await choose.fill('too short');
  await page.getByRole('button', { name: 'Protect and open' }).click();
  await expect(page.getByRole('alert')).toHaveText('Use at least 12 characters.');
  await choose.fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(sections).toBeVisible({ timeout: 15_000 });
  expect(existsSync(join(dataDir, 'store-key.passphrase.json'))).toBe(true);
  await sections.getByRole('button', { name: 'Settings' }).click();
  const about = page.getByRole('region', { name: 'About' });
  await expect(about.locator('dt', { hasText: 'Encryption' }).locator('+ dd')).toHaveText('Encrypted on this computer');

  await restartHost(page);
  await expect(heading).toHaveText('Focal Desk is locked');
  await expect(sections).toHaveCount(0);
  const field = page.getByLabel('Passphrase', { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('autocomplete', 'current-password');
  await field.fill('four unrelated words there');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('That passphrase does not unlock Focal Desk. Check it and try again.', {
    timeout: 15_000,
  });
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await expect(sections).toHaveCount(0);

  await field.fill(PASSPHRASE);
  await field.press('Enter');
  await expect(sections).toBeVisible({ timeout: 15_000 });
  await expect(heading).toHaveText('Directory');
});
