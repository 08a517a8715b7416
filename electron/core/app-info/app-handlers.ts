import type { AppInfo, Pong, StoreHealth } from '../../../shared/api/app';
import type { CorePorts } from '../ports';

export interface AppHandlerDeps {
  readonly ports: CorePorts;
  readonly dataDir: string;
  readonly startedAt: Date;
  readonly health: () => StoreHealth;
}

/** Handlers of the `app.*` methods. */
export function createAppHandlers(deps: AppHandlerDeps) {
  const { shell, clock } = deps.ports;
  return {
    'app.info': (): AppInfo => ({
      name: shell.appName,
      version: shell.appVersion,
      shell: shell.kind,
      dataDirectory: deps.dataDir,
      platform: `${process.platform}-${process.arch}`,
      runtime: { node: process.versions.node, electron: shell.electronVersion, chrome: shell.chromeVersion },
      startedAt: deps.startedAt.toISOString(),
      health: deps.health(),
    }),
    'app.ping': (input: { echo?: string | undefined }): Pong => ({
      pong: true,
      at: clock.now().toISOString(),
      echo: input.echo ?? null,
    }),
  } as const;
}
