import { join } from 'node:path';
import { createCore, type Core } from '../core/app';
import { nodeSecretStore, STORE_PASSPHRASE_ENV } from '../core/secrets/node-secret-store';
import { readAppVersion } from '../core/app-version';
import { PRODUCT_NAME } from '../core/data-dir/default-data-dir';
import { createFileLogger } from '../core/logging/file-logger';
import type { ShellInfo } from '../core/ports';
import { isExpectedStartupError } from '../core/startup-errors';
import { createNodeHttpFetch, type NodeHttpFetch } from '../core/sync/http/node-http-fetch';
import { systemClock } from '../core/system-clock';
import { CliFailure } from './cli-io';

/** How the CLI presents itself to the core. */
export function cliShell(): ShellInfo {
  return { kind: 'cli', appName: PRODUCT_NAME, appVersion: readAppVersion(), electronVersion: null, chromeVersion: null };
}

/**
 * Opens the core on a data directory for the length of one command. The CLI logs to the data directory only: its
 * stderr is reserved for the one-line messages scripts read. The CLI never prompts: a passphrase-protected store opens
 * only with FOCAL_DESK_STORE_PASSPHRASE, and without it the command fails with one line saying so.
 */
export async function openCore(dataDir: string, keyFile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Core> {
  let core: Core;
  // Made on the first request only: a proxy variable that is not usable must not stop commands that never sync.
  let network: NodeHttpFetch | undefined;
  try {
    core = await createCore({
      dataDir,
      ports: {
        clock: systemClock,
        logger: createFileLogger({ directory: join(dataDir, 'logs') }),
        shell: cliShell(),
        secrets: nodeSecretStore({ keyFile, dataDir, env }),
        fetch: (url, init) => (network ??= createNodeHttpFetch(env)).fetch(url, init),
      },
    });
  } catch (error: unknown) {
    if (isExpectedStartupError(error)) throw new CliFailure(error.message);
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliFailure(`Could not open the data directory ${dataDir}: ${reason}`);
  }
  const opened = core;
  core = {
    ...opened,
    async close() {
      await opened.close();
      // Kept-alive connections to the server would hold the process open after the command.
      await network?.close();
    },
  };
  if (core.lockState() !== 'open') {
    await core.close();
    throw new CliFailure(
      `The store in ${dataDir} is protected by a passphrase. Set ${STORE_PASSPHRASE_ENV} to unlock it for this command ` +
        '(it is read, never printed), or open it in the app or with npm run host.',
    );
  }
  return core;
}

/** Runs `use` with an open core and always closes it, so the data directory is released even on failure. */
export async function withCore<T>(
  dataDir: string,
  keyFile: string | undefined,
  use: (core: Core) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const core = await openCore(dataDir, keyFile, env);
  try {
    const result = await use(core);
    // A command's effects are complete when it exits: e.g. the text of a document just added is read and indexed.
    await core.settle();
    return result;
  } finally {
    await core.close();
  }
}
