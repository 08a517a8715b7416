import type { MethodInput } from '../../../shared/api/contract';
import { countryChanges } from '../../../shared/domain/directory-input';
import { usageError } from './cli-args';

type Changes = MethodInput<'directory.countries.update'>['changes'];

const fieldNames = Object.keys(countryChanges.shape);
const truthy = new Set(['true', 'yes', '1']);
const falsy = new Set(['false', 'no', '0']);

/**
 * Turns `--set field=value` arguments into a country edit: `networkStatus=appointed|announced|none`,
 * `coHost=true|false` (yes/no too), `yearJoined=2012` (`yearJoined=` or `=null` clears it), `nationalExperience=…`
 * (as is; `=` empties it), `region=…`, and `regionalOrganisations=AU,ECOWAS` — comma-separated, and repeating the
 * `--set` adds to the list (`regionalOrganisations=` empties it). Shapes the command line cannot carry (a yes/no, a
 * year) are refused here; the values themselves (the status, the year's range, lengths) are checked by the core,
 * which names the field of any problem.
 */
export function parseCountrySets(sets: readonly string[]): Changes {
  if (sets.length === 0) throw usageError('Give at least one --set field=value.');
  const changes: Record<string, unknown> = {};
  for (const set of sets) {
    const at = set.indexOf('=');
    const field = at < 0 ? set : set.slice(0, at).trim();
    if (at < 0 || !fieldNames.includes(field)) {
      throw usageError(`--set ${set}: use field=value, with field one of ${fieldNames.join(', ')}.`);
    }
    const value = set.slice(at + 1);
    if (field === 'regionalOrganisations') {
      const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
      changes[field] = [...((changes[field] as string[] | undefined) ?? []), ...items];
      continue;
    }
    if (field in changes) throw usageError(`--set ${field} is given twice.`);
    changes[field] = scalar(field, value);
  }
  // The contract's schema checks the rest in the core.
  return changes;
}

function scalar(field: string, value: string): unknown {
  const trimmed = value.trim();
  switch (field) {
    case 'coHost': {
      const lower = trimmed.toLowerCase();
      if (truthy.has(lower)) return true;
      if (falsy.has(lower)) return false;
      throw usageError(`--set coHost=${value}: use true or false.`);
    }
    case 'yearJoined':
      if (trimmed === '' || trimmed === 'null') return null;
      if (/^\d{1,4}$/.test(trimmed)) return Number(trimmed);
      throw usageError(`--set yearJoined=${value}: use a year such as 2012, or nothing to clear it.`);
    case 'nationalExperience':
      return value;
    default:
      return trimmed;
  }
}
