import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';

/**
 * End-to-end tests (`npm run test:e2e`, which builds first). The global setup starts the real host on a temporary
 * data directory; `host-chromium` drives the system Chromium against it, and `electron` runs the Electron shell's
 * specs (they skip themselves where no Electron binary exists). One worker: the specs share that one host.
 */
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  workers: 1,
  retries: process.env.CI === undefined ? 0 : 1,
  forbidOnly: process.env.CI !== undefined,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  globalSetup: './global-setup.ts',
  projects: [
    {
      name: 'host-chromium',
      testMatch: ['navigation.spec.ts', 'unlock.spec.ts', 'directory.spec.ts', 'documents.spec.ts', 'meetings.spec.ts', 'sync.spec.ts', '**/*.host.spec.ts'],
      use: {
        browserName: 'chromium',
        channel: undefined,
        // A fixed language and time zone, so what the renderer detects from the browser is the same on every machine.
        locale: 'en-US',
        timezoneId: 'UTC',
        launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
        trace: 'retain-on-failure',
      },
    },
    {
      name: 'electron',
      testMatch: 'electron.spec.ts',
    },
  ],
});
