import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT, startHostProcess, stopHostProcess, type StartedHost } from './support/host-process';
import { collectPageErrors } from './support/page-errors';

/**
 * Meetings end to end, in the built renderer against the real host and core, on a data directory seeded with the demo
 * (network, the 2012 report in the library, the 2012 meeting). A new meeting's agenda of five items is built with the
 * keyboard only — typed, reordered with Alt+arrow keys, a paper attached from the library through the item's editor, the
 * next item's time following when the first one's duration changes — then attendance is recorded for several countries at once, and an action item of the 2012 meeting is closed. The
 * steps build on each other, so they run in order.
 */

test.describe.configure({ mode: 'serial' });

let dataDir: string;
let host: StartedHost | undefined;
let pageErrors: string[];

const MEETING = 'Regional meeting on early warning';
const ITEMS = ['Opening', 'National experiences', 'Early warning tools', 'Coffee break', 'Closing'];
const REPORT = 'Second Annual Meeting of the Network of National R2P Focal Points';

test.beforeAll(async () => {
  // Seeding extracts the report's text and indexes it before the host starts: longer than a hook's default.
  test.setTimeout(180_000);
  dataDir = mkdtempSync(join(tmpdir(), 'focal-e2e-meetings-'));
  // The demo, through the CLI the way an administrator loads it: the paper to attach and the 2012 meeting come from it.
  execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'seed', '--data', dataDir], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
    timeout: 120_000,
  });
  host = await startHostProcess({ dataDir, startTimeoutMs: 30_000 });
});

test.afterAll(async () => {
  if (host !== undefined) await stopHostProcess(host, { signal: 'SIGTERM', timeoutMs: 10_000 });
  host = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  pageErrors = collectPageErrors(page);
  if (host === undefined) throw new Error('The host did not start');
  await page.goto(host.pageUrl);
  await page.getByRole('button', { name: 'Meetings' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meetings');
});

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  expect(pageErrors, 'console errors and uncaught exceptions in the page').toEqual([]);
});

function agenda(page: Page): Locator {
  return page.getByRole('list', { name: 'Agenda items' });
}

/** The agenda's item names in order: "Item 1: Opening, 09:00–…". */
async function itemTitles(page: Page): Promise<string[]> {
  const names = await agenda(page).getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  return names.map((name) => name.replace(/^Item \d+: /, '').replace(/,.*$/, ''));
}

async function openMeeting(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title }).first().press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible({ timeout: 30_000 });
}

test('builds an agenda of five items by keyboard, reorders it and attaches a paper', async ({ page }) => {
  test.setTimeout(120_000);
  await test.step('creates the meeting from the keyboard', async () => {
    await page.keyboard.press('Control+n');
    const form = page.getByRole('form', { name: 'New meeting' });
    await expect(form).toBeVisible();
    await form.getByRole('textbox', { name: 'Title' }).fill(MEETING);
    await form.getByLabel('Start', { exact: true }).fill('2026-05-14T09:00');
    await form.getByLabel('End', { exact: true }).fill('2026-05-14T17:00');
    await form.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Copenhagen');
    await form.getByRole('textbox', { name: 'Title' }).press('Control+s');
    await expect(page.getByRole('heading', { level: 2, name: MEETING })).toBeVisible({ timeout: 30_000 });
  });

  await test.step('types five items, Enter after each, focus staying in the box', async () => {
    const box = page.getByRole('textbox', { name: 'Add agenda item' });
    await box.focus();
    for (const [index, title] of ITEMS.entries()) {
      await page.keyboard.type(title);
      await page.keyboard.press('Enter');
      await expect(agenda(page).getByRole('listitem')).toHaveCount(index + 1, { timeout: 30_000 });
      await expect(box).toBeFocused();
    }
    expect(await itemTitles(page)).toEqual(ITEMS);
  });

  await test.step('moves the break up one place with Alt+ArrowUp', async () => {
    const item = agenda(page).getByRole('listitem', { name: /^Item 4: Coffee break/ });
    await item.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(agenda(page).getByRole('listitem', { name: /^Item 3: Coffee break/ })).toBeVisible({ timeout: 30_000 });
    expect(await itemTitles(page)).toEqual(['Opening', 'National experiences', 'Coffee break', 'Early warning tools', 'Closing']);
  });

  await test.step('attaches the 2012 report to the first item from the library', async () => {
    await agenda(page).getByRole('listitem', { name: /^Item 1: Opening/ }).focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('form', { name: 'Edit “Opening”' });
    await expect(editor).toBeVisible();
    await editor.getByRole('searchbox', { name: 'Find a paper in the library' }).fill('Second Annual');
    const attach = editor.getByRole('button', { name: `Attach ${REPORT}` });
    await expect(attach).toBeVisible({ timeout: 30_000 });
    await attach.press('Enter');
    await editor.getByRole('searchbox', { name: 'Find a paper in the library' }).press('Control+s');
    await expect(editor).toBeHidden({ timeout: 30_000 });
    await expect(agenda(page).getByRole('listitem', { name: /^Item 1: Opening/ })).toContainText(REPORT);
  });

  await test.step('a longer first item moves the next one later', async () => {
    for (const [minutes, next] of [['30', '2026-05-14T09:30'], ['45', '2026-05-14T09:45']] as const) {
      await agenda(page).getByRole('listitem', { name: /^Item 1: Opening/ }).focus();
      await page.keyboard.press('Enter');
      const editor = page.getByRole('form', { name: 'Edit “Opening”' });
      await editor.getByRole('textbox', { name: 'Duration (minutes)' }).fill(minutes);
      await editor.getByRole('textbox', { name: 'Duration (minutes)' }).press('Control+s');
      await expect(editor).toBeHidden({ timeout: 30_000 });
      const second = agenda(page).getByRole('listitem', { name: /^Item 2: National experiences/ });
      await expect(second.locator(`time[datetime="${next}"]`).first()).toBeVisible({ timeout: 30_000 });
    }
  });
});

test('records attendance for several countries at once', async ({ page }) => {
  test.setTimeout(90_000);
  await openMeeting(page, MEETING);
  await page.getByRole('tab', { name: 'Attendance' }).press('Enter');
  const quick = page.getByRole('form', { name: 'Record attendance for several at once' });
  await expect(quick).toBeVisible();
  const countries = quick.getByRole('group', { name: 'Countries' });
  for (const country of ['Denmark', 'Ghana', 'Costa Rica']) {
    await countries.getByRole('checkbox', { name: country }).focus();
    await page.keyboard.press('Space');
    await expect(countries.getByRole('checkbox', { name: country })).toBeChecked();
  }
  await quick.getByRole('combobox', { name: 'Status' }).selectOption('attended');
  await quick.getByRole('button', { name: 'Record attendance' }).press('Enter');
  await expect(page.getByRole('group', { name: 'Attendance in numbers' })).toContainText('3 countries attended', { timeout: 30_000 });
});

test('closes an action item of the 2012 meeting', async ({ page }) => {
  test.setTimeout(90_000);
  await openMeeting(page, REPORT);
  await page.getByRole('tab', { name: 'Action items', exact: true }).press('Enter');
  const table = page.getByRole('table', { name: 'Action items of this meeting' });
  const action = 'Conduct scoping exercises regarding existing national capacities';
  await table.getByRole('button', { name: `Mark done: ${action}` }).press('Enter');
  await expect(table.getByRole('button', { name: `Reopen: ${action}` })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('button', { name: `Mark done: ${action}` })).toHaveCount(0);
});
