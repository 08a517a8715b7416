import type { Pong } from '../../../shared/api/app';
import type { CorePorts } from '../ports';
import { buildAppInfo, type AppInfoFacts } from './build-app-info';

export interface AppHandlerDeps extends AppInfoFacts {
  readonly ports: CorePorts;
}

/** Handlers of the `app.*` methods. */
export function createAppHandlers(deps: AppHandlerDeps) {
  return {
    'app.info': () => buildAppInfo(deps),
    'app.ping': (input: { echo?: string | undefined }): Pong => ({
      pong: true,
      at: deps.ports.clock.now().toISOString(),
      echo: input.echo ?? null,
    }),
  } as const;
}
