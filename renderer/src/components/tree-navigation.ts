/** A node of a tree as navigation sees it: an id and its children. */
export interface TreeShape {
  readonly id: string;
  readonly children?: readonly TreeShape[];
}

/** A node as shown: where it sits, for `aria-level`, `aria-setsize`, `aria-posinset` and moving to its parent. */
export interface VisibleNode<T extends TreeShape> {
  readonly node: T;
  readonly level: number;
  readonly parentId: string | null;
  readonly setSize: number;
  readonly position: number;
}

/** The nodes a reader can reach with the arrow keys: every root, and the children of expanded nodes, in order. */
export function visibleNodes<T extends TreeShape>(roots: readonly T[], expanded: ReadonlySet<string>): VisibleNode<T>[] {
  const out: VisibleNode<T>[] = [];
  const walk = (nodes: readonly T[], level: number, parentId: string | null): void => {
    nodes.forEach((node, index) => {
      out.push({ node, level, parentId, setSize: nodes.length, position: index + 1 });
      // Children have the same shape as their parent: the caller's tree type is recursive.
      if (expanded.has(node.id) && node.children !== undefined) walk(node.children as readonly T[], level + 1, node.id);
    });
  };
  walk(roots, 1, null);
  return out;
}

/** What a key press asks of a tree: move focus, open or close a node, activate it, or nothing. */
export type TreeMove =
  | { readonly kind: 'focus'; readonly id: string }
  | { readonly kind: 'expand'; readonly id: string }
  | { readonly kind: 'collapse'; readonly id: string }
  | { readonly kind: 'activate'; readonly id: string }
  | { readonly kind: 'none' };

/**
 * What a key does in a tree, as the WAI-ARIA tree pattern describes it: Up and Down move between visible nodes, Right
 * opens a closed node or enters an open one, Left closes an open node or goes to the parent, Home and End go to the
 * first and last visible node, Enter activates.
 */
export function treeMove<T extends TreeShape>(
  key: string,
  currentId: string,
  visible: readonly VisibleNode<T>[],
  expanded: ReadonlySet<string>,
): TreeMove {
  const index = visible.findIndex((entry) => entry.node.id === currentId);
  const current = visible[index];
  if (current === undefined) return { kind: 'none' };
  const hasChildren = (current.node.children?.length ?? 0) > 0;
  const focus = (entry: VisibleNode<T> | undefined): TreeMove => (entry === undefined ? { kind: 'none' } : { kind: 'focus', id: entry.node.id });
  switch (key) {
    case 'ArrowDown':
      return focus(visible[index + 1]);
    case 'ArrowUp':
      return focus(visible[index - 1]);
    case 'Home':
      return focus(visible[0]);
    case 'End':
      return focus(visible.at(-1));
    case 'ArrowRight':
      if (!hasChildren) return { kind: 'none' };
      return expanded.has(current.node.id) ? focus(visible[index + 1]) : { kind: 'expand', id: current.node.id };
    case 'ArrowLeft':
      if (hasChildren && expanded.has(current.node.id)) return { kind: 'collapse', id: current.node.id };
      return current.parentId === null ? { kind: 'none' } : { kind: 'focus', id: current.parentId };
    case 'Enter':
      return { kind: 'activate', id: current.node.id };
    default:
      return { kind: 'none' };
  }
}
