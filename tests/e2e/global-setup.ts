import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './support/chromium';
import { HOST_DATA_DIR_ENV, HOST_URL_ENV } from './support/host-env';
import { startHostProcess, stopHostProcess, type StartedHost } from './support/host-process';

/**
 * Starts the real host (`electron/host/index.ts`) on a fresh data directory and an OS-chosen port, serving the built
 * renderer in dist/renderer (`npm run test:e2e` builds it first), and hands its URL to the specs through the
 * environment. The returned function is Playwright's teardown: it stops the host and deletes the data directory.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'focal-e2e-host-'));
  let host: StartedHost;
  try {
    host = await startHostProcess({ dataDir, startTimeoutMs: 30_000 });
  } catch (error: unknown) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.env[HOST_URL_ENV] = host.pageUrl;
  process.env[HOST_DATA_DIR_ENV] = dataDir;

  return async () => {
    const outcome = await stopHostProcess(host, { signal: 'SIGTERM', timeoutMs: 10_000 });
    rmSync(dataDir, { recursive: true, force: true });
    if (outcome !== 0) {
      throw new Error(`The Focal Desk host did not stop cleanly (${outcome}).\nstderr: ${host.output.stderr}`);
    }
  };
}
