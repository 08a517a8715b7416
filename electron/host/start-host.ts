import { TOKEN_PARAM } from '../../shared/api/socket-protocol';
import { createCore } from '../core/app';
import { createNodeHttpFetch, type NodeHttpFetch } from '../core/sync/http/node-http-fetch';
import type { Logger, SecretStore } from '../core/ports';
import { systemClock } from '../core/system-clock';
import { PRODUCT_NAME } from '../core/data-dir/default-data-dir';
import { assertRendererBuilt } from './renderer-build';
import { startHostServer, type HostServer } from './server';
import { createSessionToken } from './session-token';

export interface HostRunOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly rendererRoot: string;
  readonly secrets: SecretStore;
  readonly appVersion: string;
  readonly logger: Logger;
}

/** A started host: the address to open (carrying the token in its fragment) and how to stop it. */
export interface RunningHost {
  /** `http://127.0.0.1:PORT/#token=TOKEN`; the fragment never reaches a server log or a Referer. */
  readonly pageUrl: string;
  readonly port: number;
  /** Closes sockets and the server, then the core (which releases the data directory). Never throws. */
  stop(): Promise<void>;
}

/**
 * Starts the core on the data directory and serves it. Order matters: the renderer is checked before the data
 * directory is locked, and if the port cannot be bound the core is closed again so the lock is not left behind.
 * Throws `RendererMissingError`, `DataDirLockedError` or `PortUnavailableError` for the failures a person can fix.
 */
export async function startHost(options: HostRunOptions): Promise<RunningHost> {
  const { logger } = options;
  assertRendererBuilt(options.rendererRoot);
  // Made on the first request only: a proxy variable that is not usable must not stop the host from starting.
  let network: NodeHttpFetch | undefined;
  const core = await createCore({
    dataDir: options.dataDir,
    ports: {
      clock: systemClock,
      logger,
      shell: { kind: 'host', appName: PRODUCT_NAME, appVersion: options.appVersion, electronVersion: null, chromeVersion: null },
      secrets: options.secrets,
      fetch: (url, init) => (network ??= createNodeHttpFetch()).fetch(url, init),
    },
    syncLive: true,
  });
  const token = createSessionToken();
  let server: HostServer;
  try {
    server = await startHostServer({ core, rendererRoot: options.rendererRoot, port: options.port, token, logger });
  } catch (error: unknown) {
    await core.close();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    pageUrl: `${server.url}#${TOKEN_PARAM}=${token}`,
    port: server.port,
    stop() {
      stopping ??= (async () => {
        await server.close();
        await core.close();
        await network?.close();
      })();
      return stopping;
    },
  };
}
