import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationRow } from '../../../../shared/api/directory';
import { TreeView, type TreeNode } from '../../components/tree-view';
import { Badge } from '../../components/badge';
import { countryDisplayName } from '../../i18n/country-names';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatCount } from './format-directory';
import { GROUP_PREFIX, groupOrganisations, type OrganisationBranch } from './organisation-groups';

export interface OrganisationTreeProps {
  readonly rows: readonly OrganisationRow[];
  readonly activeId: string | null;
  readonly onActiveChange: (id: string) => void;
  /** Enter or a click on an organisation (not on a country group). */
  readonly onOpen: (id: string) => void;
  readonly onEdit: (id: string) => void;
  readonly onDelete: (row: OrganisationRow) => void;
}

/**
 * Every organisation, grouped by country (international bodies last), each under the organisation it sits inside.
 * Branches start open; Enter shows an organisation, E edits it, Delete asks to delete it.
 */
export function OrganisationTree({ rows, activeId, onActiveChange, onOpen, onEdit, onDelete }: OrganisationTreeProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  // Country groups are named, and so sorted, in the interface language ("Allemagne" before "Danemark" in French).
  const groups = useMemo(
    () =>
      groupOrganisations(
        rows.map((row) => (row.countryId === '' ? row : { ...row, countryName: countryDisplayName(row.countryId, language, row.countryName) })),
      ),
    [rows, language],
  );
  // Everything starts open: a network's organisations are a few hundred at most, and closed branches hide names.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([...groups.map((group) => group.id), ...rows.map((row) => row.id)]));
  const byId = new Map(rows.map((row) => [row.id, row]));

  const branchNode = (branch: OrganisationBranch): TreeNode => {
    const { row } = branch;
    return {
      id: row.id,
      label: (
        <span className="tree-organisation">
          <span className="tree-organisation__name">{row.acronym === '' ? row.name : `${row.name} (${row.acronym})`}</span>{' '}
          <span className="muted">
            {t(`directory.organisationKinds.${row.kind}`)} ·{' '}
            {t('directory.organisations.contacts', { count: row.contactCount, formatted: formatCount(row.contactCount, language) })}
          </span>{' '}
          {row.demo ? <Badge tone="demo" label={t('directory.row.demo')} /> : null}
          {row.deleted ? <Badge tone="deleted" label={t('directory.row.deleted')} /> : null}
        </span>
      ),
      children: branch.children.map(branchNode),
    };
  };
  const nodes: TreeNode[] = groups.map((group) => ({
    id: group.id,
    label: <span className="tree-group">{group.countryId === '' ? t('directory.organisations.international') : group.countryName}</span>,
    children: group.roots.map(branchNode),
  }));

  const onNodeKeyDown = (event: KeyboardEvent<HTMLElement>, id: string): void => {
    const row = byId.get(id);
    if (row === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'e' || event.key === 'E') onEdit(id);
    else if (event.key === 'Delete' && !row.deleted) onDelete(row);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <TreeView
      label={t('directory.organisations.treeLabel')}
      nodes={nodes}
      expanded={expanded}
      onExpandedChange={setExpanded}
      activeId={activeId}
      onActiveChange={onActiveChange}
      onActivate={(id) => {
        if (id.startsWith(GROUP_PREFIX)) {
          const next = new Set(expanded);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          setExpanded(next);
        } else onOpen(id);
      }}
      onNodeKeyDown={onNodeKeyDown}
    />
  );
}
