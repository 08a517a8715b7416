import type { CountrySummary } from '../../../shared/api/directory';
import { networkStatuses, regions, type NetworkStatus, type Region } from '../../../shared/schemas/country';
import { call } from '../call';
import type { CliCommand } from '../cli-command';
import { withCore } from '../open-core';
import { onlyOptions, stringOption, usageError } from './cli-args';

/** `countries list [--region R] [--status S]`: the directory's countries, by name, with their counts. */
export const countriesCommand: CliCommand = {
  name: 'countries',
  summary: 'List the countries of the directory',
  usage: [`list [--region ${regions.join('|')}] [--status ${networkStatuses.join('|')}]`],
  options: { region: { type: 'string' }, status: { type: 'string' } },
  async run({ dataDir, json, keyFile, args, options, io }) {
    if (args[0] !== 'list' || args.length !== 1) throw usageError('Use: countries list [--region R] [--status S].');
    onlyOptions(options, 'countries list', ['region', 'status']);
    const region = stringOption(options, 'region');
    const status = stringOption(options, 'status');
    const countries = await withCore(dataDir, keyFile, (core) =>
      call(core, 'directory.countries.list', {
        // The core checks both against their lists and names the valid ones.
        ...(region === undefined ? {} : { region: region as Region }),
        ...(status === undefined ? {} : { networkStatus: status as NetworkStatus }),
      }),
    );
    io.out(json ? JSON.stringify(countries, null, 2) : formatCountries(countries));
    return 0;
  },
};

function formatCountries(countries: readonly CountrySummary[]): string {
  if (countries.length === 0) return 'No countries.';
  const width = Math.max(...countries.map((country) => country.name.length));
  return countries
    .map((country) =>
      [
        country.code,
        country.name.padEnd(width),
        country.region.padEnd(12),
        country.networkStatus.padEnd(9),
        country.coHost ? 'co-host' : '       ',
        `${country.focalPointCount} focal point(s), ${country.contactCount} contact(s), ${country.organisationCount} organisation(s)`,
      ].join('  '),
    )
    .join('\n');
}
