import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHostProcess, stopHostProcess, type StartedHost } from './support/host-process';
import { collectPageErrors } from './support/page-errors';

/**
 * The Directory end to end, in the built renderer against the real host and core, on a data directory of its own
 * (the spec writes to it): the first-run offer loads the demo network; type-ahead finds a country with or without
 * accents; a contact is edited, with a field-level message for a bad e-mail address; the contacts of a country are
 * exported as vCard and re-imported (the preview shows only skips); a CSV file is imported after mapping its columns;
 * a focal point is found by part of its country's French name. The steps build on each other, so they run in order.
 */

test.describe.configure({ mode: 'serial' });

let dataDir: string;
let host: StartedHost | undefined;
let pageErrors: string[];

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'focal-e2e-directory-'));
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
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Directory');
});

test.afterEach(async ({ page }) => {
  // Leave the page before the next test opens it again, so a closing socket is not counted as a page error.
  await page.goto('about:blank');
  expect(pageErrors, 'console errors and uncaught exceptions in the page').toEqual([]);
});

function searchBox(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Search the directory' });
}

function contactList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Contacts' });
}

function suggestions(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Suggestions' });
}

/** Types into the search box as a person would, letter by letter (the box debounces), and waits for the list. */
async function search(page: Page, text: string): Promise<void> {
  const box = searchBox(page);
  await box.fill('');
  await box.pressSequentially(text, { delay: 20 });
}

/** Waits until the list shows contacts and only contacts of `country` (the search has reached the core and back). */
async function expectOnlyContactsOf(page: Page, country: string): Promise<void> {
  await expect(async () => {
    const rows = await contactList(page).getByRole('option').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => !row.includes(country))).toEqual([]);
  }).toPass({ timeout: 5_000 });
}

/** Opens the contact named `name` from the list after searching for `text`. */
async function openContact(page: Page, text: string, name: string): Promise<void> {
  await search(page, text);
  // The suggestions cover the top of the list; Escape closes them and keeps the search.
  await expect(suggestions(page).getByRole('option').filter({ hasText: name })).toBeVisible();
  await searchBox(page).press('Escape');
  await expect(suggestions(page)).toBeHidden();
  await expect(searchBox(page)).toHaveValue(text);
  const option = contactList(page).getByRole('option').filter({ hasText: name });
  await expect(option).toHaveCount(1);
  await option.click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeFocused();
}

test('offers the demo network on first run, and marks what it loads', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 2, name: 'No focal points yet' })).toBeVisible();
  await expect(page.getByText('Demo entries are marked “Demo” and can be deleted like any other entry.')).toBeVisible();
  await page.getByRole('button', { name: 'Load the demo network from the 2012 meeting report' }).click();
  await expect(page.getByText(/^Demo network loaded: \d+ countries, \d+ organisations and \d+ contacts\.$/)).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText(/^\d+ contacts$/)).toBeVisible();
  await expect(contactList(page).getByRole('option').first()).toContainText('Demo');
  await expect(page.getByRole('button', { name: 'Load the demo network from the 2012 meeting report' })).toHaveCount(0);
});

test('finds a country by part of its name, with or without accents', async ({ page }) => {
  for (const text of ['cote', 'Côte']) {
    await search(page, text);
    const hit = suggestions(page).getByRole('option').filter({ hasText: /Côte d['’]Ivoire/ });
    await expect(hit).toBeVisible();
    await hit.click();
    await expect(page.getByRole('heading', { level: 2, name: /^Côte d['’]Ivoire$/ })).toBeFocused();
    await expect(page.getByText('Appointment announced').first()).toBeVisible();
    await page.getByRole('tab', { name: 'Contacts' }).click();
  }
});

test('edits a contact, saying which field is wrong before saving', async ({ page }) => {
  await openContact(page, 'Denmark', 'R2P Focal Point — Denmark');
  await page.keyboard.press('e');
  await expect(page.getByRole('heading', { level: 2, name: 'Edit R2P Focal Point — Denmark' })).toBeFocused();

  await page.getByRole('button', { name: 'Add an address' }).click();
  const address = page.getByLabel('Address 1', { exact: true });
  await expect(address).toBeFocused();
  await address.pressSequentially('legal.affairs@', { delay: 10 });
  await expect(page.getByText('Not a valid e-mail address.')).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await address.pressSequentially('um.dk', { delay: 10 });
  await expect(page.getByText('Not a valid e-mail address.')).toHaveCount(0);
  await page.getByLabel('Tags').fill('demo-edited');

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { level: 2, name: 'R2P Focal Point — Denmark' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'legal.affairs@um.dk' })).toHaveAttribute('href', 'mailto:legal.affairs@um.dk');
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.locator('dd', { hasText: 'demo-edited' })).toBeVisible();
});

test('exports the contacts of a country as vCard, and re-importing them changes nothing', async ({ page }) => {
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Denmark' });
  await expect(page.getByText(/^\d+ contacts$/)).toBeVisible();
  const count = Number((await page.getByText(/^\d+ contacts$/).textContent())?.split(' ')[0]);
  expect(count).toBeGreaterThan(1);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export vCard' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^focal-desk-contacts-\d{4}-\d{2}-\d{2}\.vcf$/);
  const file = join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text.match(/BEGIN:VCARD/g)).toHaveLength(count);
  expect(text).toContain('legal.affairs@um.dk');
  await expect(page.getByText(`Exported ${count} contacts to ${download.suggestedFilename()}.`)).toBeVisible();

  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  await dialog.getByLabel('File to import').setInputFiles(file);
  await expect(dialog.getByRole('status').filter({ hasText: 'to create' })).toHaveText(
    `0 to create, 0 to update, ${count} to skip, 0 in error.`,
  );
  await expect(dialog.getByRole('row').filter({ hasText: 'Skip' })).toHaveCount(count);
  await expect(dialog.getByText('Nothing to import: every record is already in the directory.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('imports a CSV file after matching its columns to contact fields', async ({ page }) => {
  const file = join(dataDir, 'new-contacts.csv');
  writeFileSync(
    file,
    'Person;Mail;Nation;Job\r\nAmina Diallo;amina.diallo@example.org;Côte d\'Ivoire;Director of Human Rights\r\n',
    'utf8',
  );
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  await dialog.getByLabel('File to import').setInputFiles(file);
  await expect(dialog.getByRole('heading', { name: 'Match the columns of new-contacts.csv' })).toBeFocused();
  await expect(dialog.getByLabel('Field for the column Person')).toHaveValue('displayName');
  await expect(dialog.getByLabel('Field for the column Mail')).toHaveValue('email');
  await dialog.getByLabel('Field for the column Nation').selectOption({ label: 'Country' });
  await dialog.getByLabel('Field for the column Job').selectOption({ label: 'Title or position' });
  await dialog.getByRole('button', { name: 'Preview' }).click();

  await expect(dialog.getByRole('status').filter({ hasText: 'to create' })).toHaveText('1 to create, 0 to update, 0 to skip, 0 in error.');
  await expect(dialog.getByRole('row').filter({ hasText: 'Amina Diallo' })).toContainText('Create');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText('1 created, 0 updated, 0 skipped.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openContact(page, 'amina', 'Amina Diallo');
  const details = page.locator('.details');
  await expect(details).toContainText('Director of Human Rights');
  await expect(details.getByRole('button', { name: /^Côte d['’]Ivoire$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'amina.diallo@example.org' })).toBeVisible();
});

test("finds Denmark's focal point by part of the country's name as a French speaker types it", async ({ page }) => {
  // "danem…" is how "Danemark" starts: the directory is used in English and French, and people search in theirs.
  await search(page, 'danem');
  await expectOnlyContactsOf(page, 'Denmark');
  const inList = contactList(page).getByRole('option').filter({ hasText: 'R2P Focal Point — Denmark' });
  await expect(inList).toContainText('Focal point');
  // A country among the suggestions brings its focal point right after it, so the country's name alone is enough.
  // Then the keyboard path: ↓ through the suggestions to it, Enter opens it.
  const focalPoint = suggestions(page).getByRole('option').filter({ hasText: 'R2P Focal Point — Denmark' });
  await expect(focalPoint).toBeVisible();
  const position = await suggestions(page)
    .getByRole('option')
    .evaluateAll((options) => options.findIndex((option) => option.textContent.includes('R2P Focal Point — Denmark')));
  for (let step = 0; step <= position; step += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'R2P Focal Point — Denmark' })).toBeFocused();
});
