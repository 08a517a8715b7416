import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { treeMove, visibleNodes, type TreeShape } from './tree-navigation';

/** A node of a TreeView: its id, what it shows, and its children. */
export interface TreeNode extends TreeShape {
  readonly label: ReactNode;
  readonly children?: readonly TreeNode[];
}

export interface TreeViewProps {
  /** The tree's accessible name. */
  readonly label: string;
  readonly nodes: readonly TreeNode[];
  readonly expanded: ReadonlySet<string>;
  readonly onExpandedChange: (expanded: ReadonlySet<string>) => void;
  /** The node the keyboard is on (it holds the tree's one tab stop); null puts it on the first node. */
  readonly activeId: string | null;
  readonly onActiveChange: (id: string) => void;
  /** Enter or a click on a node. */
  readonly onActivate?: (id: string) => void;
  /** Keys the tree does not use itself (Delete, E…), with the id of the node they were pressed on. */
  readonly onNodeKeyDown?: (event: KeyboardEvent<HTMLElement>, id: string) => void;
}

/**
 * An accessible tree (`role="tree"`): one tab stop, arrow keys to move, open and close, Home and End, Enter to activate.
 * Nodes carry level, position and expanded state for screen readers. Presentational: the caller owns which nodes are
 * expanded and which one is active.
 */
export function TreeView({ label, nodes, expanded, onExpandedChange, activeId, onActiveChange, onActivate, onNodeKeyDown }: TreeViewProps) {
  const items = useRef(new Map<string, HTMLLIElement>());
  const focusNext = useRef(false);
  const visible = visibleNodes(nodes, expanded);
  const current = visible.some((entry) => entry.node.id === activeId) ? activeId : (visible[0]?.node.id ?? null);

  useEffect(() => {
    // Only keyboard moves take focus; a re-render (a refreshed tree) must not pull focus into it.
    if (!focusNext.current || current === null) return;
    focusNext.current = false;
    items.current.get(current)?.focus();
  }, [current]);

  const toggle = (id: string, open: boolean): void => {
    const next = new Set(expanded);
    if (open) next.add(id);
    else next.delete(id);
    onExpandedChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.nodeId;
    if (id === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    const move = treeMove(event.key, id, visible, expanded);
    if (move.kind === 'none') {
      onNodeKeyDown?.(event, id);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (move.kind === 'focus') {
      focusNext.current = true;
      onActiveChange(move.id);
      if (move.id === id) items.current.get(id)?.focus();
    } else if (move.kind === 'activate') onActivate?.(move.id);
    else toggle(move.id, move.kind === 'expand');
  };

  const render = (node: TreeNode, level: number, position: number, setSize: number): ReactNode => {
    const children = node.children ?? [];
    const open = expanded.has(node.id);
    return (
      <li
        key={node.id}
        ref={(element) => {
          if (element === null) items.current.delete(node.id);
          else items.current.set(node.id, element);
        }}
        role="treeitem"
        className="tree__item"
        data-node-id={node.id}
        aria-level={level}
        aria-posinset={position}
        aria-setsize={setSize}
        aria-expanded={children.length === 0 ? undefined : open}
        aria-selected={node.id === current}
        tabIndex={node.id === current ? 0 : -1}
      >
        <div
          className="tree__row"
          onClick={(event) => {
            event.stopPropagation();
            onActiveChange(node.id);
            items.current.get(node.id)?.focus();
            onActivate?.(node.id);
          }}
        >
          {children.length === 0 ? (
            <span className="tree__toggle tree__toggle--leaf" aria-hidden="true" />
          ) : (
            <span
              className="tree__toggle"
              aria-hidden="true"
              onClick={(event) => {
                event.stopPropagation();
                toggle(node.id, !open);
              }}
            >
              {open ? '▾' : '▸'}
            </span>
          )}
          <span className="tree__label">{node.label}</span>
        </div>
        {open && children.length > 0 ? (
          <ul role="group" className="tree__group">
            {children.map((child, index) => render(child, level + 1, index + 1, children.length))}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <ul role="tree" aria-label={label} className="tree" onKeyDown={onKeyDown}>
      {nodes.map((node, index) => render(node, 1, index + 1, nodes.length))}
    </ul>
  );
}
