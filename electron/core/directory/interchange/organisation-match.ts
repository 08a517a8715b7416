import type { Organisation } from '../../../../shared/schemas/organisation';
import { normaliseKey } from './normalise-key';

/**
 * Which existing organisation a name from a file means. An organisation matches by name or acronym (accents and case
 * aside) when it belongs to the contact's country or is international; one of the same country wins over an
 * international one, a name over an acronym. With a department (vCard ORG's last unit), the department is looked for
 * among the organisation's descendants, and only a department found counts: a half-resolved path resolves to nothing,
 * so the service can create what is missing from the names.
 */

interface Keyed {
  readonly organisation: Organisation;
  readonly name: string;
  readonly acronym: string;
}

function matches(keyed: Keyed, key: string): 0 | 1 | 2 {
  if (keyed.name === key) return 2;
  return keyed.acronym !== '' && keyed.acronym === key ? 1 : 0;
}

/** Builds a resolver over the directory's live organisations. */
export function createOrganisationResolver(
  organisations: readonly Organisation[],
): (name: string, department: string, countryId: string) => string {
  const live: Keyed[] = organisations
    .filter((organisation) => organisation.deletedAt === null)
    .map((organisation) => ({ organisation, name: normaliseKey(organisation.name), acronym: normaliseKey(organisation.acronym) }));
  const children = new Map<string, Keyed[]>();
  for (const keyed of live) {
    const parentId = keyed.organisation.parentId;
    if (parentId !== '') children.set(parentId, [...(children.get(parentId) ?? []), keyed]);
  }
  const best = (candidates: readonly Keyed[], key: string, countryId: string): Organisation | undefined => {
    let found: Organisation | undefined;
    let foundScore = 0;
    for (const keyed of candidates) {
      const { organisation } = keyed;
      if (organisation.countryId !== countryId && organisation.countryId !== '') continue;
      const match = matches(keyed, key);
      if (match === 0) continue;
      const score = match + (organisation.countryId === countryId ? 4 : 0) + (organisation.parentId === '' ? 0.5 : 0);
      if (score > foundScore) [found, foundScore] = [organisation, score];
    }
    return found;
  };
  const descendants = (root: Organisation): Keyed[] => {
    const result: Keyed[] = [];
    const queue = [...(children.get(root.id) ?? [])];
    const seen = new Set<string>([root.id]);
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (seen.has(next.organisation.id)) continue; // a parent cycle must not loop forever
      seen.add(next.organisation.id);
      result.push(next);
      queue.push(...(children.get(next.organisation.id) ?? []));
    }
    return result;
  };
  const cache = new Map<string, string>();
  const resolve = (name: string, department: string, countryId: string): string => {
    const key = normaliseKey(name);
    if (key === '') return '';
    const organisation = best(live, key, countryId);
    if (organisation === undefined) return '';
    const departmentKey = normaliseKey(department);
    if (departmentKey === '') return organisation.id;
    return best(descendants(organisation), departmentKey, countryId)?.id ?? '';
  };
  // Files repeat the same few organisations thousands of times.
  return (name, department, countryId) => {
    const question = `${countryId}\u0000${name}\u0000${department}`;
    let id = cache.get(question);
    if (id === undefined) {
      id = resolve(name, department, countryId);
      cache.set(question, id);
    }
    return id;
  };
}
