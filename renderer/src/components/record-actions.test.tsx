import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RecordActions, type RecordActionsProps } from './record-actions';

const labels = { edit: 'Edit', delete: 'Delete', restore: 'Restore', close: 'Close' } as const;

function renderActions(props: Partial<RecordActionsProps> = {}) {
  const handlers = { onEdit: vi.fn(), onDelete: vi.fn(), onRestore: vi.fn(), onClose: vi.fn() };
  const user = userEvent.setup();
  render(<RecordActions deleted={false} busy={false} labels={labels} {...handlers} {...props} />);
  const names = () => screen.getAllByRole('button').map((button) => button.textContent);
  return { ...handlers, user, names };
}

describe('the record actions', () => {
  it('offer Edit, the record’s own actions, Delete and Close, each announcing its key', async () => {
    const { onEdit, onDelete, onClose, onRestore, user } = renderActions({ children: <button type="button">Add a version</button> });
    expect(screen.getAllByRole('button').map((button) => [button.textContent, button.getAttribute('aria-keyshortcuts')])).toEqual([
      ['Edit', 'E'],
      ['Add a version', null],
      ['Delete', 'Delete'],
      ['Close', 'Escape'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect([onEdit.mock.calls.length, onDelete.mock.calls.length, onClose.mock.calls.length, onRestore.mock.calls.length]).toEqual([1, 1, 1, 0]);
  });

  it('offer only Restore and Close once the record is deleted', async () => {
    const { onRestore, user, names } = renderActions({ deleted: true, children: <button type="button">Add a version</button> });
    expect(names()).toEqual(['Restore', 'Close']);
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(onRestore).toHaveBeenCalledTimes(1);
  });

  it('make Delete and Restore wait while one runs, never Edit or Close', () => {
    renderActions({ busy: true });
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveProperty('disabled', false);
  });

  it('make Restore wait while busy', () => {
    renderActions({ busy: true, deleted: true });
    expect(screen.getByRole('button', { name: 'Restore' })).toHaveProperty('disabled', true);
  });
});
