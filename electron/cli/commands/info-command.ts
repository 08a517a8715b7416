import type { AppInfo } from '../../../shared/api/app';
import { inspectDataDir } from '../../core/app-info/inspect-data-dir';
import { systemClock } from '../../core/system-clock';
import { call } from '../call';
import type { CliCommand } from '../cli-command';
import { cliShell, withCore } from '../open-core';

/**
 * `info`: version, data directory and store health — the first thing IT support asks for. It works while the app or
 * the host is running: then it inspects the data directory without taking it, and says who holds it.
 */
export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show the version, the data directory and the health of the local store',
  async run({ dataDir, json, keyFile, io }) {
    const info =
      inspectDataDir(dataDir, { clock: systemClock, shell: cliShell() }) ??
      (await withCore(dataDir, keyFile, (core) => call(core, 'app.info', {})));
    io.out(json ? JSON.stringify(info, null, 2) : formatInfo(info));
    return info.health.status === 'failed' ? 1 : 0;
  },
};

function formatInfo(info: AppInfo): string {
  const free = info.health.freeBytes === null ? 'unknown' : `${Math.floor(info.health.freeBytes / (1024 * 1024))} MB`;
  const lines = [
    `${info.name} ${info.version}`,
    `Data directory: ${info.dataDirectory}`,
    ...(info.health.inUseBy === null ? [] : [`In use by:      ${info.health.inUseBy}`]),
    `Platform:       ${info.platform} (Node ${info.runtime.node})`,
    `Store health:   ${info.health.status} (free space ${free})`,
    ...info.health.problems.map((problem) => `  - ${problem.message}`),
    ...formatStore(info),
  ];
  return lines.join('\n');
}

function formatStore(info: AppInfo): string[] {
  const store = info.store;
  if (store === null) return ['Store:          not created yet'];
  const counts = store.documentCounts;
  return [
    `Store:          ${store.path} (${Math.ceil(store.sizeBytes / 1024)} KB, ${store.encrypted ? 'encrypted' : 'not encrypted'})`,
    ...(counts === null
      ? [`  documents:    unknown ${store.locked ? 'until the store is unlocked' : 'while another process holds the store'}`]
      : Object.entries(counts).map(([name, count]) => `  ${name.padEnd(13)} ${count}`)),
  ];
}
