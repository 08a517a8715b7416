import { expect, test, type Locator, type Page } from '@playwright/test';
import { hostDataDir, hostPageUrl } from './support/host-env';
import { collectPageErrors } from './support/page-errors';

/**
 * The shell's navigation, in the real renderer served by the real host: six sections in a fixed order, each with its
 * own heading, the current one marked for assistive technology, Ctrl+1…6 shortcuts, and a language switch that
 * changes every label at once.
 */

const ENGLISH = ['Directory', 'Documents', 'Meetings', 'Briefing packs', 'Sync', 'Settings'];
const FRENCH = ['Annuaire', 'Documents', 'Réunions', "Dossiers d'information", 'Synchronisation', 'Paramètres'];

let pageErrors: string[];

test.beforeEach(async ({ page }) => {
  pageErrors = collectPageErrors(page);
  await page.goto(hostPageUrl());
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});

test.afterEach(() => {
  expect(pageErrors, 'console errors and uncaught exceptions in the page').toEqual([]);
});

/** The entries of the section list, whether the renderer draws them as buttons or links. */
function sectionEntries(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Sections' }).locator('a, button');
}

/** Clicks each entry in turn; each must show its own `h1` and be the only entry marked as the current page. */
async function visitEverySection(page: Page, names: readonly string[]): Promise<void> {
  const entries = sectionEntries(page);
  await expect(entries).toHaveText([...names]);
  for (const [index, name] of names.entries()) {
    await entries.nth(index).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(entries.nth(index)).toHaveAttribute('aria-current', 'page');
    await expect(entries.and(page.locator('[aria-current="page"]'))).toHaveCount(1);
  }
}

test('shows the six sections in order and opens each one', async ({ page }) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await visitEverySection(page, ENGLISH);
});

test('switches the whole interface to French from Settings', async ({ page }) => {
  await sectionEntries(page).filter({ hasText: 'Settings' }).click();
  await page.getByLabel('Language').selectOption({ label: 'Français' });

  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(sectionEntries(page)).toHaveText(FRENCH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paramètres');
  await visitEverySection(page, FRENCH);

  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annuaire');
});

test("shows the host's data directory in the About panel", async ({ page }) => {
  await sectionEntries(page).filter({ hasText: 'Settings' }).click();
  const about = page.getByRole('region', { name: 'About' });
  await expect(about.getByText(hostDataDir(), { exact: true })).toBeVisible();
});

test('jumps between sections with Ctrl+1 to Ctrl+6', async ({ page }) => {
  const heading = page.getByRole('heading', { level: 1 });
  await page.keyboard.press('Control+6');
  await expect(heading).toHaveText('Settings');
  await page.keyboard.press('Control+1');
  await expect(heading).toHaveText('Directory');
  await expect(heading).toBeFocused();
  await expect(sectionEntries(page).first()).toHaveAttribute('aria-current', 'page');
  for (const [index, name] of ENGLISH.entries()) {
    await page.keyboard.press(`Control+${index + 1}`);
    await expect(heading).toHaveText(name);
  }
});
