import type { AppInfo, Pong, StoreInfo } from '../../../shared/api/app';
import type { CorePorts } from '../ports';
import { buildAppInfo, type AppInfoFacts } from './build-app-info';

export interface AppHandlerDeps extends AppInfoFacts {
  readonly ports: CorePorts;
  /** The store's facts; null when its file does not exist yet (a store waiting for its first passphrase). */
  readonly store: () => Promise<StoreInfo | null>;
}

/** Handlers of the `app.*` methods. */
export function createAppHandlers(deps: AppHandlerDeps) {
  return {
    'app.info': async (): Promise<AppInfo> => buildAppInfo(deps, await deps.store()),
    'app.ping': (input: { echo?: string | undefined }): Pong => ({
      pong: true,
      at: deps.ports.clock.now().toISOString(),
      echo: input.echo ?? null,
    }),
  } as const;
}
