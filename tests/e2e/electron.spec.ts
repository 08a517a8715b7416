import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { FocalBridge } from '../../shared/api/bridge';
import { methodNames } from '../../shared/api/contract';
import { detectElectronBinary } from '../../scripts/electron-binary.mjs';
import { ensureElectronSqliteBinding, SQLITE_BINDING_ENV } from '../../scripts/native-binding.mjs';

// The Electron shell end to end: the built app (npm run build) in Electron's real binary. Electron's binary cannot be
// downloaded on every machine, and `require('electron')` would try to, so the binary is found without requiring it and
// the whole file skips, saying why, where there is none.

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = detectElectronBinary();
const skipReason = binary.present
  ? null
  : `Electron binary not present on this machine (${binary.reason}): the Electron shell spec runs only where it exists`;
if (skipReason !== null) console.log(skipReason);
test.skip(skipReason !== null, skipReason ?? '');
test.describe.configure({ mode: 'serial' });

/** What the page sees; the renderer declares it for itself, the test only reads it. */
type PageWindow = Window & { focal?: FocalBridge; require?: unknown; process?: unknown };

let app: ElectronApplication | undefined;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  if (!binary.present) return;
  // The app loads SQLite through the binding built for Electron's ABI, as `npm start` does; the first run builds it.
  test.setTimeout(30 * 60_000);
  const binding = await ensureElectronSqliteBinding({
    onProgress: (line) => {
      console.log(line);
    },
  });
  if (!binding.ok) throw new Error(binding.message);
  dataDir = mkdtempSync(join(tmpdir(), 'focal-electron-e2e-'));
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  app = await electron.launch({
    executablePath: binary.path,
    args: [join(root, 'dist', 'electron', 'main.cjs'), '--data', dataDir],
    cwd: root,
    env: { ...Object.fromEntries(inherited), [SQLITE_BINDING_ENV]: binding.path },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('loads the renderer from app://focal/', () => {
  expect(page.url()).toMatch(/^app:\/\/focal\//);
});

test('gives the page window.focal and nothing of Node', async () => {
  const shape = await page.evaluate(() => {
    const w = window as PageWindow;
    return {
      keys: Object.keys(w.focal ?? {}).sort(),
      info: typeof w.focal?.['app.info'],
      ping: typeof w.focal?.['app.ping'],
      require: typeof w.require,
      process: typeof w.process,
    };
  });
  expect(shape).toEqual({
    keys: [...methodNames, 'onEvent'].sort(),
    info: 'function',
    ping: 'function',
    require: 'undefined',
    process: 'undefined',
  });
});

test('answers app.info through IPC from the Electron shell', async () => {
  const result = await page.evaluate(() => (window as PageWindow).focal?.['app.info']({}));
  expect(result?.ok).toBe(true);
  if (result?.ok) {
    expect(result.value.shell).toBe('electron');
    expect(result.value.dataDirectory).toBe(resolve(dataDir));
    expect(result.value.runtime.electron).not.toBeNull();
    // An open store, counted by this process: SQLite loaded inside Electron.
    expect(result.value.store?.path.startsWith(resolve(dataDir))).toBe(true);
    expect(result.value.store?.documentCounts).not.toBeNull();
  }
});

test('shows the six-section navigation', async () => {
  const nav = page.locator('nav[aria-label="Sections"]');
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('button')).toHaveCount(6);
});

test('denies window.open', async () => {
  const opened = await page.evaluate(() => window.open('https://example.invalid/') === null);
  expect(opened).toBe(true);
  expect(app?.windows()).toHaveLength(1);
});

test('blocks navigation away from the app', async () => {
  // Wait in main for the attempt itself, so the assertion below runs after the guard has had its say.
  await app?.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    const attempt = new Promise<string>((resolveAttempt) => {
      contents?.once('will-navigate', (event) => {
        resolveAttempt(event.url);
      });
    });
    Object.assign(globalThis, { focalNavigationAttempt: attempt });
  });
  await page.evaluate(() => {
    window.location.href = 'https://example.invalid/';
  });
  const attempted = await app?.evaluate(
    () => (globalThis as unknown as { focalNavigationAttempt: Promise<string> }).focalNavigationAttempt,
  );
  expect(attempted).toBe('https://example.invalid/');
  expect(await page.evaluate(() => window.location.href)).toMatch(/^app:\/\/focal\//);
  expect(page.url()).toMatch(/^app:\/\/focal\//);
});
