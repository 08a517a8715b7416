import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { setupServer } from '../../electron/core/sync/server-setup/server-setup';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server/start-sync-server';
import { putUser } from '../../scripts/sync-server/sync-users';
import { REPO_ROOT, startHostProcess, stopHostProcess, type StartedHost } from './support/host-process';
import { collectPageErrors } from './support/page-errors';

/**
 * Sync end to end: the built renderer against the real host and core, on a seeded data directory, and a real
 * CouchDB-compatible server on 127.0.0.1. The user connects with the keyboard (a wrong password first), watches the
 * first sync finish, pauses and resumes, signs out and back in. The steps build on each other, so they run in order.
 */

test.describe.configure({ mode: 'serial' });

let dataDir: string;
let serverDir: string;
let server: SyncServer | undefined;
let host: StartedHost | undefined;
let pageErrors: string[];
const admin = { user: 'admin', password: 'e2e-admin-password' };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  serverDir = mkdtempSync(join(tmpdir(), 'focal-e2e-sync-server-'));
  server = await startSyncServer({ dataDir: serverDir, adminUser: admin.user, adminPassword: admin.password });
  await setupServer({ url: server.url, adminUser: admin.user, adminPassword: admin.password, fetch });
  await putUser(server.url, admin, 'ama', 'ama-password', ['focal-point']);
  dataDir = mkdtempSync(join(tmpdir(), 'focal-e2e-sync-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'seed', '--data', dataDir], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 120_000 });
  host = await startHostProcess({ dataDir, startTimeoutMs: 30_000 });
});

test.afterAll(async () => {
  if (host !== undefined) await stopHostProcess(host, { signal: 'SIGTERM', timeoutMs: 10_000 });
  host = undefined;
  await server?.stop();
  server = undefined;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(serverDir, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  pageErrors = collectPageErrors(page);
  if (host === undefined) throw new Error('The host did not start');
  await page.goto(host.pageUrl);
  await page.getByRole('button', { name: 'Sync', exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sync');
});

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  expect(pageErrors, 'console errors and uncaught exceptions in the page').toEqual([]);
});

test('connects by keyboard after a wrong password, and the first sync ends up to date', async ({ page }) => {
  if (server === undefined) throw new Error('The sync server did not start');
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('User name').fill('ama');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByText('Wrong password: the server did not accept the user name and password. Sign in again.').first()).toBeVisible();

  await page.getByLabel('Password').fill('ama-password');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByText('Up to date').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('None: everything made here is on the server')).toBeVisible();
});

test('pauses and resumes, signs out and back in', async ({ page }) => {
  await expect(page.getByText('Up to date').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Sync is paused: nothing is sent or received until you resume.')).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('Up to date').first()).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in again' })).toBeVisible();
  await page.getByLabel('Password').fill('ama-password');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByText('Up to date').first()).toBeVisible({ timeout: 30_000 });
});
