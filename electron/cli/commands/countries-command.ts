import type { CountrySummary } from '../../../shared/api/directory';
import { networkStatuses, regions, type Country, type NetworkStatus, type Region } from '../../../shared/schemas/country';
import { call } from '../call';
import type { CliCommand, CliContext } from '../cli-command';
import { withCore } from '../open-core';
import { booleanOption, onlyOptions, positionals, stringList, stringOption, usageError } from './cli-args';
import { parseCountrySets } from './country-set-args';

/**
 * `countries list|update`: the directory's countries, by name, with their counts (`--all` adds every ISO country it
 * does not hold yet), and edits of where a country stands in the network. Any ISO 3166-1 code can be updated: the
 * first edit of a country the directory does not hold creates it.
 */
export const countriesCommand: CliCommand = {
  name: 'countries',
  summary: 'List the countries of the directory, and edit where one stands in the network',
  usage: [
    `list [--region ${regions.join('|')}] [--status ${networkStatuses.join('|')}] [--all]`,
    '     --all: every ISO 3166-1 country, including those the directory does not hold yet',
    'update CC --set field=value [--set …]   fields: networkStatus, coHost (true|false), yearJoined (empty clears),',
    '     nationalExperience, region, regionalOrganisations (comma-separated; repeating --set adds)',
  ],
  options: { region: { type: 'string' }, status: { type: 'string' }, all: { type: 'boolean' }, set: { type: 'string', multiple: true } },
  async run(context) {
    const { args, options } = context;
    switch (args[0]) {
      case 'list': {
        positionals(args, 0, 'no arguments, only filters');
        onlyOptions(options, 'countries list', ['region', 'status', 'all']);
        return listCountries(context);
      }
      case 'update': {
        const [code] = positionals(args, 1, 'one country code, e.g. DK');
        onlyOptions(options, 'countries update', ['set']);
        const changes = parseCountrySets(stringList(options, 'set'));
        const country = await withCore(context.dataDir, context.keyFile, (core) =>
          call(core, 'directory.countries.update', { id: code ?? '', changes }),
        );
        context.io.out(context.json ? JSON.stringify(country, null, 2) : `Updated ${country.name} (${country.code}): ${standing(country)}.`);
        return 0;
      }
      default:
        throw usageError(args[0] === undefined ? 'Say what to do: countries list|update.' : `Unknown subcommand "countries ${args[0]}".`);
    }
  },
};

async function listCountries({ dataDir, keyFile, json, options, io }: CliContext): Promise<number> {
  const region = stringOption(options, 'region');
  const status = stringOption(options, 'status');
  const countries = await withCore(dataDir, keyFile, (core) =>
    call(core, 'directory.countries.list', {
      // The core checks both against their lists and names the valid ones.
      ...(region === undefined ? {} : { region: region as Region }),
      ...(status === undefined ? {} : { networkStatus: status as NetworkStatus }),
      ...(booleanOption(options, 'all') ? { includeReference: true } : {}),
    }),
  );
  io.out(json ? JSON.stringify(countries, null, 2) : formatCountries(countries));
  return 0;
}

/** One line of where a country stands: "appointed, co-host, joined 2010, AU, ECOWAS". */
function standing(country: Country): string {
  return [
    country.networkStatus,
    country.coHost ? 'co-host' : '',
    country.yearJoined == null ? '' : `joined ${country.yearJoined}`,
    country.regionalOrganisations.join(', '),
  ]
    .filter((part) => part !== '')
    .join(', ');
}

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
