import type { AppInfo } from '../../../shared/api/app';
import { call } from '../call';
import type { CliCommand } from '../cli-command';
import { withCore } from '../open-core';

/** `info`: version, data directory and store health — the first thing IT support asks for. */
export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show the version, the data directory and the health of the local store',
  async run({ dataDir, json, io }) {
    const info = await withCore(dataDir, (core) => call(core, 'app.info', {}));
    io.out(json ? JSON.stringify(info, null, 2) : formatInfo(info));
    return info.health.status === 'failed' ? 1 : 0;
  },
};

function formatInfo(info: AppInfo): string {
  const free = info.health.freeBytes === null ? 'unknown' : `${Math.floor(info.health.freeBytes / (1024 * 1024))} MB`;
  const lines = [
    `${info.name} ${info.version}`,
    `Data directory: ${info.dataDirectory}`,
    `Platform:       ${info.platform} (Node ${info.runtime.node})`,
    `Store health:   ${info.health.status} (free space ${free})`,
    ...info.health.problems.map((problem) => `  - ${problem}`),
  ];
  return lines.join('\n');
}
