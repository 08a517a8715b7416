import type { AppInfo, StoreHealth, StoreInfo } from '../../../shared/api/app';
import type { ShellInfo } from '../ports';

export interface AppInfoFacts {
  readonly ports: { readonly shell: ShellInfo };
  readonly dataDir: string;
  readonly startedAt: Date;
  readonly health: () => StoreHealth;
}

/** What `app.info` reports, from the running core or from an inspection of a data directory someone else holds. */
export function buildAppInfo(facts: AppInfoFacts, store: StoreInfo | null): AppInfo {
  const { shell } = facts.ports;
  return {
    name: shell.appName,
    version: shell.appVersion,
    shell: shell.kind,
    dataDirectory: facts.dataDir,
    platform: `${process.platform}-${process.arch}`,
    runtime: { node: process.versions.node, electron: shell.electronVersion, chrome: shell.chromeVersion },
    startedAt: facts.startedAt.toISOString(),
    health: facts.health(),
    store,
  };
}
