import { describe, expect, it } from 'vitest';
import { treeMove, visibleNodes, type TreeShape } from './tree-navigation';

const tree: TreeShape[] = [
  { id: 'a', children: [{ id: 'a1' }, { id: 'a2', children: [{ id: 'a2x' }] }] },
  { id: 'b' },
];

describe('tree navigation', () => {
  it('lists roots and the children of open nodes, with level, position and parent', () => {
    const visible = visibleNodes(tree, new Set(['a']));
    expect(visible.map((entry) => [entry.node.id, entry.level, entry.position, entry.setSize, entry.parentId])).toEqual([
      ['a', 1, 1, 2, null],
      ['a1', 2, 1, 2, 'a'],
      ['a2', 2, 2, 2, 'a'],
      ['b', 1, 2, 2, null],
    ]);
  });

  it('moves as the WAI-ARIA tree pattern says', () => {
    const open = new Set(['a']);
    const visible = visibleNodes(tree, open);
    expect(treeMove('ArrowDown', 'a', visible, open)).toEqual({ kind: 'focus', id: 'a1' });
    expect(treeMove('ArrowUp', 'a', visible, open)).toEqual({ kind: 'none' });
    expect(treeMove('End', 'a', visible, open)).toEqual({ kind: 'focus', id: 'b' });
    expect(treeMove('Home', 'b', visible, open)).toEqual({ kind: 'focus', id: 'a' });
    expect(treeMove('ArrowRight', 'a', visible, open)).toEqual({ kind: 'focus', id: 'a1' });
    expect(treeMove('ArrowRight', 'a2', visible, open)).toEqual({ kind: 'expand', id: 'a2' });
    expect(treeMove('ArrowRight', 'a1', visible, open)).toEqual({ kind: 'none' });
    expect(treeMove('ArrowLeft', 'a', visible, open)).toEqual({ kind: 'collapse', id: 'a' });
    expect(treeMove('ArrowLeft', 'a1', visible, open)).toEqual({ kind: 'focus', id: 'a' });
    expect(treeMove('ArrowLeft', 'b', visible, open)).toEqual({ kind: 'none' });
    expect(treeMove('Enter', 'a2', visible, open)).toEqual({ kind: 'activate', id: 'a2' });
    expect(treeMove('x', 'a2', visible, open)).toEqual({ kind: 'none' });
    expect(treeMove('ArrowDown', 'gone', visible, open)).toEqual({ kind: 'none' });
  });
});
