import { contactChanges, type ContactChanges } from '../../../shared/domain/directory-input';
import type { MethodInput } from '../../../shared/api/contract';
import { channelKinds } from '../../../shared/schemas/contact';
import { usageError } from './cli-args';

type Changes = MethodInput<'directory.contacts.update'>['changes'];

const listFields = new Set(['roles', 'languages', 'tags']);
const channelFields = new Set(['emails', 'phones']);
const fieldNames = Object.keys(contactChanges.shape) as (keyof ContactChanges)[];

/**
 * Turns `--set field=value` arguments into a contact edit. Text fields take the value as is (`--set title=`
 * empties it); `appointedOn=` (or `=null`) clears the date. Lists — roles, languages, tags, emails, phones — take
 * comma-separated values, and repeating `--set` for the same list adds to it; an e-mail or phone may start with its
 * kind (`--set phones=mobile:+45 20 12 34 56`, kinds: work, home, mobile, fax, other; work when none). The core
 * checks the values and names the field of any problem.
 */
export function parseContactSets(sets: readonly string[]): Changes {
  if (sets.length === 0) throw usageError('Give at least one --set field=value.');
  const changes: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const set of sets) {
    const at = set.indexOf('=');
    const field = at < 0 ? set : set.slice(0, at).trim();
    if (at < 0 || !(fieldNames as string[]).includes(field)) {
      throw usageError(`--set ${set}: use field=value, with field one of ${fieldNames.join(', ')}.`);
    }
    const value = set.slice(at + 1);
    if (listFields.has(field) || channelFields.has(field)) {
      const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
      const previous = (changes[field] as unknown[] | undefined) ?? [];
      changes[field] = [...previous, ...(channelFields.has(field) ? items.map(channel) : items)];
    } else {
      if (given.has(field)) throw usageError(`--set ${field} is given twice.`);
      changes[field] = field === 'appointedOn' && (value.trim() === '' || value.trim() === 'null') ? null : value;
    }
    given.add(field);
  }
  // The shapes are checked by the contract's schema in the core, which names any field in error.
  return changes;
}

function channel(item: string): { value: string; kind?: string } {
  const colon = item.indexOf(':');
  const kind = colon < 0 ? '' : item.slice(0, colon).trim().toLowerCase();
  return (channelKinds as readonly string[]).includes(kind) ? { value: item.slice(colon + 1).trim(), kind } : { value: item };
}
