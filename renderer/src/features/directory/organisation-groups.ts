import type { OrganisationRow } from '../../../../shared/api/directory';

/** Organisations of one country (or of none: international), as a forest of parents and their parts. */
export interface OrganisationGroup {
  /** `country:dk`; `country:` for international bodies. */
  readonly id: string;
  readonly countryId: string;
  /** '' for the international group, which the view names in the user's language. */
  readonly countryName: string;
  readonly roots: readonly OrganisationBranch[];
}

/** An organisation and the organisations inside it. */
export interface OrganisationBranch {
  readonly row: OrganisationRow;
  readonly children: readonly OrganisationBranch[];
}

/** Ids of country groups in the tree start with this, so they never collide with an organisation's `org-…` id. */
export const GROUP_PREFIX = 'country:';

/**
 * Groups organisations by country, international bodies last, each group a forest: an organisation sits under its
 * parent when the parent is shown in the same group, else at the group's top (so a deleted or foreign parent never
 * hides its parts). Names keep the order they came in (the core sorts by name).
 */
export function groupOrganisations(rows: readonly OrganisationRow[]): OrganisationGroup[] {
  const byCountry = new Map<string, OrganisationRow[]>();
  for (const row of rows) byCountry.set(row.countryId, [...(byCountry.get(row.countryId) ?? []), row]);
  const groups = [...byCountry.entries()].map(([countryId, members]) => ({
    id: `${GROUP_PREFIX}${countryId}`,
    countryId,
    countryName: members[0]?.countryName ?? '',
    roots: forest(members),
  }));
  return groups.sort((a, b) => {
    if (a.countryId === '' || b.countryId === '') return a.countryId === '' ? 1 : -1;
    return a.countryName.localeCompare(b.countryName);
  });
}

function forest(members: readonly OrganisationRow[]): OrganisationBranch[] {
  const ids = new Set(members.map((row) => row.id));
  const children = new Map<string, OrganisationRow[]>();
  for (const row of members) {
    const parent = row.parentId !== '' && row.parentId !== row.id && ids.has(row.parentId) ? row.parentId : '';
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  // A parent cycle (which the core refuses, but data may come from elsewhere) must not loop forever.
  const seen = new Set<string>();
  const branch = (row: OrganisationRow): OrganisationBranch => {
    seen.add(row.id);
    return { row, children: (children.get(row.id) ?? []).filter((child) => !seen.has(child.id)).map(branch) };
  };
  const roots = (children.get('') ?? []).map(branch);
  for (const row of members) if (!seen.has(row.id)) roots.push(branch(row));
  return roots;
}

/** An organisation's own id and the ids of every organisation inside it: none of them may become its parent. */
export function selfAndDescendants(rows: readonly OrganisationRow[], id: string): ReadonlySet<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (!out.has(row.id) && out.has(row.parentId)) {
        out.add(row.id);
        grew = true;
      }
    }
  }
  return out;
}
