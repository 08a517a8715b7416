import { describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../../shared/api/directory';
import { groupOrganisations, selfAndDescendants, type OrganisationBranch } from './organisation-groups';

function row(id: string, parentId: string, countryId: string, countryName = ''): OrganisationRow {
  return { id, name: id, acronym: '', kind: 'other', parentId, countryId, countryName, contactCount: 0, demo: false, deleted: false };
}

const shape = (branches: readonly OrganisationBranch[]): unknown[] =>
  branches.map((branch) => (branch.children.length === 0 ? branch.row.id : [branch.row.id, shape(branch.children)]));

describe('organisation groups', () => {
  it('group by country, international last, parts under their parent', () => {
    const groups = groupOrganisations([
      row('un', '', ''),
      row('dk-legal', 'dk-mfa', 'dk', 'Denmark'),
      row('dk-mfa', '', 'dk', 'Denmark'),
      row('au-dfat', '', 'au', 'Australia'),
    ]);
    expect(groups.map((group) => [group.id, shape(group.roots)])).toEqual([
      ['country:au', ['au-dfat']],
      ['country:dk', [['dk-mfa', ['dk-legal']]]],
      ['country:', ['un']],
    ]);
  });

  it('keep an organisation whose parent is elsewhere at its group’s top, and survive a parent cycle', () => {
    const [group] = groupOrganisations([row('a', 'b', 'dk'), row('b', 'a', 'dk'), row('c', 'gone', 'dk')]);
    const ids = JSON.stringify(shape(group?.roots ?? []));
    expect(ids).toContain('"c"');
    expect(ids.match(/"a"/g)).toHaveLength(1);
    expect(ids.match(/"b"/g)).toHaveLength(1);
  });

  it('find an organisation’s own parts, which cannot become its parent', () => {
    const rows = [row('a', '', ''), row('b', 'a', ''), row('c', 'b', ''), row('d', '', '')];
    expect([...selfAndDescendants(rows, 'a')].sort()).toEqual(['a', 'b', 'c']);
  });
});
