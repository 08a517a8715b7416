import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { startHostProcess, stopHostProcess, type StartedHost } from './support/host-process';
import { collectPageErrors } from './support/page-errors';

/**
 * The Documents library end to end, in the built renderer against the real host and core, on a data directory of its
 * own: two files dropped at once are sent one after the other with visible progress and described; the library is
 * filtered by pillar; a phrase found only inside a PDF's body text is searched for and shown in a snippet; a version
 * is opened in the preview, which draws its pages with pdf.js. The steps build on each other, so they run in order.
 */

test.describe.configure({ mode: 'serial' });

let dataDir: string;
let host: StartedHost | undefined;
let pageErrors: string[];

const BODY_PHRASE = 'sustained dialogue with the regional early warning desk';

/** A real PDF of a few pages with `phrase` in its body, padded with an attachment so sending it takes a while. */
async function reportPdf(paddingBytes: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [
    'National action plan for atrocity prevention.',
    `The focal point keeps a ${BODY_PHRASE} and reports to the cabinet.`,
    'Pillar I: the state protects its own population.',
  ];
  for (let page = 0; page < 3; page += 1) {
    const sheet = pdf.addPage([595, 842]);
    lines.forEach((line, at) => { sheet.drawText(`${line} (page ${page + 1})`, { x: 40, y: 780 - at * 20, size: 12, font }); });
  }
  // Random bytes do not compress: the file stays this large, so it is sent in many pieces.
  await pdf.attach(randomBytes(paddingBytes), 'annex.bin', { mimeType: 'application/octet-stream' });
  return pdf.save();
}

/** Drops files on the library the way a drag from the desktop does: a DataTransfer with File objects. */
async function dropFiles(page: Page, files: readonly { readonly name: string; readonly type: string; readonly bytes: Uint8Array }[]) {
  const transfer = await page.evaluateHandle(
    (list) => {
      const data = new DataTransfer();
      for (const file of list) {
        // Decoded here: the page's CSP rightly refuses to fetch a data: URL.
        const text = atob(file.base64);
        const bytes = new Uint8Array(text.length);
        for (let at = 0; at < text.length; at += 1) bytes[at] = text.charCodeAt(at);
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      return data;
    },
    files.map((file) => ({ name: file.name, type: file.type, base64: Buffer.from(file.bytes).toString('base64') })),
  );
  const zone = page.locator('.drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'focal-e2e-documents-'));
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
  await page.getByRole('button', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Documents');
});

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
  expect(pageErrors, 'console errors and uncaught exceptions in the page').toEqual([]);
});

test('adds two dropped files one after the other, with progress, and describes each', async ({ page }) => {
  test.setTimeout(90_000);
  const pdf = await reportPdf(8 * 1024 * 1024);
  const notes = Buffer.from('Mediation notes\n\nThe mediation team met the focal points of the region.\n', 'utf8');
  // Every state of the progress bars is recorded as the page renders it, so a fast machine cannot outrun the check.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress')) {
        const item = bar.closest('li');
        seen.push(`${bar.getAttribute('aria-label') ?? ''}|${bar.value}|${bar.max}|${item?.textContent ?? ''}`);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await dropFiles(page, [
    { name: 'national-plan.pdf', type: 'application/pdf', bytes: pdf },
    { name: 'mediation-notes.txt', type: 'text/plain', bytes: notes },
  ]);

  // Each file, once sent, asks for its description in turn.
  const first = page.getByRole('form', { name: 'Describe national-plan.pdf' });
  await expect(first).toBeVisible({ timeout: 60_000 });

  // The first file's bar moved through the middle (it is sent in 512 KiB pieces) while the second waited its turn.
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  const states = seen.map((entry) => {
    const [label = '', value = '0', max = '0', text = ''] = entry.split('|');
    return { label, value: Number(value), max: Number(max), text };
  });
  const big = states.filter((state) => state.label === 'Sending national-plan.pdf');
  expect(big.some((state) => state.value > 0 && state.value < state.max), 'a partly sent state of the large file').toBe(true);
  expect(big.some((state) => /MB of .*MB sent/.test(state.text)), 'the figures beside the bar').toBe(true);
  const small = states.filter((state) => state.label === 'Sending mediation-notes.txt');
  expect(small.some((state) => state.text.includes('Waiting to be sent')), 'the second file waiting its turn').toBe(true);
  await first.getByLabel('Title').fill('National plan for atrocity prevention');
  await first.getByLabel('Pillar I — the protection responsibilities of the State').check();
  await first.getByRole('button', { name: 'Add to the library' }).click();

  const second = page.getByRole('form', { name: 'Describe mediation-notes.txt' });
  await expect(second).toBeVisible({ timeout: 30_000 });
  await second.getByLabel('Pillar II — international assistance and capacity-building').check();
  await second.getByRole('button', { name: 'Add to the library' }).click();

  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list).toContainText('National plan for atrocity prevention');
  await expect(list).toContainText('mediation-notes');
});

test('filters the library by pillar', async ({ page }) => {
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await page.getByLabel('Pillar', { exact: true }).selectOption({ label: 'Pillar II' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('mediation-notes');
  await page.getByLabel('Pillar', { exact: true }).selectOption({ label: 'Pillar I' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('National plan for atrocity prevention');
});

test('finds a phrase that is only inside the PDF’s text, and shows it highlighted in a snippet', async ({ page }) => {
  const box = page.getByLabel('Search documents');
  // The text is read in the background after the file is added: search until the index has it.
  await expect(async () => {
    await box.fill('');
    await box.fill(`"${BODY_PHRASE}"`);
    await box.press('Enter');
    await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const hit = page.getByRole('listbox', { name: 'Documents' }).getByRole('option');
  await expect(hit).toContainText('National plan for atrocity prevention');
  await expect(hit.locator('mark').first()).toContainText(/sustained/i);
});

test('opens a version of the PDF in the preview, which draws its pages', async ({ page }) => {
  const list = page.getByRole('listbox', { name: 'Documents' });
  await list.getByRole('option').filter({ hasText: 'National plan for atrocity prevention' }).click();
  // The version list and the preview section both offer it; either opens the same viewer.
  await page.getByRole('button', { name: 'Preview version 1' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Page 1 of 3', { timeout: 30_000 });
  await expect(dialog.locator('canvas')).toBeVisible();
  await dialog.getByRole('button', { name: 'Next page' }).click();
  await expect(dialog).toContainText('Page 2 of 3');
});
