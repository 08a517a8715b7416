import { call } from '../call';
import type { CliCommand } from '../cli-command';
import { withCore } from '../open-core';

/**
 * `seed`: loads the demo network drawn from the 2012 meeting report into an empty data directory — the countries it
 * names, their focal-point placements, the co-hosts, the Global Centre, OSAPG — with the report itself in the library
 * and the meeting it records, all marked as demo data. Fails (exit 1) when the directory already holds data.
 */
export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'Load the demo network (from the 2012 meeting report) into an empty directory',
  async run({ dataDir, json, keyFile, io }) {
    const report = await withCore(dataDir, keyFile, (core) => call(core, 'directory.seed', {}));
    io.out(
      json
        ? JSON.stringify(report, null, 2)
        : `Loaded the demo network: ${report.countries} countries, ${report.organisations} organisations, ` +
            `${report.contacts} contacts, ${report.documents ?? 0} library document(s) and ${report.meetings ?? 0} meeting(s) ` +
            '(marked as demo data).',
    );
    return 0;
  },
};
