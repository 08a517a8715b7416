import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRow, OrganisationNode } from '../../../../shared/api/directory';
import { TreeView, type TreeNode } from '../../components/tree-view';
import { RoleBadges } from './role-badges';

export interface StakeholderMapProps {
  readonly countryName: string;
  readonly nodes: readonly OrganisationNode[];
  /** Enter (or a click) on a person opens the contact. */
  readonly onOpenContact: (id: string) => void;
}

const CONTACT_PREFIX = 'contact:';

function contactNode(contact: ContactRow): TreeNode {
  return {
    id: `${CONTACT_PREFIX}${contact.id}`,
    label: (
      <span className="tree-contact">
        <span className="tree-contact__name">{contact.displayName}</span>
        {contact.title === '' ? null : <span className="muted"> — {contact.title}</span>} <RoleBadges roles={contact.roles} />
      </span>
    ),
  };
}

function organisationTreeNode(node: OrganisationNode): TreeNode {
  const { organisation } = node;
  return {
    id: organisation.id,
    label: (
      <span className="tree-organisation">
        <span className="tree-organisation__name">
          {organisation.acronym === '' ? organisation.name : `${organisation.name} (${organisation.acronym})`}
        </span>
      </span>
    ),
    // Officials first, then the organisation's own parts: who to call before where they sit.
    children: [...node.contacts.map(contactNode), ...node.children.map(organisationTreeNode)],
  };
}

function organisationIds(nodes: readonly OrganisationNode[]): string[] {
  return nodes.flatMap((node) => [node.organisation.id, ...organisationIds(node.children)]);
}

/**
 * A country's stakeholder map: its organisations as a tree, each with its officials and the organisations inside it.
 * Everything starts open (maps are small); the arrow keys close and open branches.
 */
export function StakeholderMap({ countryName, nodes, onOpenContact }: StakeholderMapProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(organisationIds(nodes)));
  const [active, setActive] = useState<string | null>(null);
  return (
    <>
      <p className="muted">{t('directory.countryPage.mapHint')}</p>
      <TreeView
        label={t('directory.countryPage.mapLabel', { country: countryName })}
        nodes={nodes.map(organisationTreeNode)}
        expanded={expanded}
        onExpandedChange={setExpanded}
        activeId={active}
        onActiveChange={setActive}
        onActivate={(id) => {
          if (id.startsWith(CONTACT_PREFIX)) onOpenContact(id.slice(CONTACT_PREFIX.length));
          else setExpanded((previous) => toggled(previous, id));
        }}
      />
    </>
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
