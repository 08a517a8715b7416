import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FormFooter, type FormFooterProps } from './form-footer';

const labels = { saveLabel: 'Save', busyLabel: 'Saving…', cancelLabel: 'Cancel' } as const;

/** The footer inside a form, as the edit forms hold it: Save submits the form. */
function renderFooter(props: Partial<FormFooterProps> = {}) {
  const onSubmit = vi.fn((event: { preventDefault: () => void }) => {
    event.preventDefault();
  });
  const onCancel = vi.fn();
  const user = userEvent.setup();
  render(
    <form aria-label="Edit" onSubmit={onSubmit}>
      <FormFooter failure={null} busy={false} onCancel={onCancel} {...labels} {...props} />
    </form>,
  );
  return { onSubmit, onCancel, user };
}

describe('the form footer', () => {
  it('submits the form with Save and calls back on Cancel, announcing only the shortcuts it is told of', async () => {
    const { onSubmit, onCancel, user } = renderFooter({ saveShortcut: true, cancelShortcut: true });
    const save = screen.getByRole('button', { name: 'Save' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(save.getAttribute('aria-keyshortcuts')).toBe('Control+S Meta+S');
    expect(cancel.getAttribute('aria-keyshortcuts')).toBe('Escape');
    await user.click(save);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await user.click(cancel);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('leaves out shortcuts the form does not have', () => {
    renderFooter();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('aria-keyshortcuts')).toBe(false);
    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('aria-keyshortcuts')).toBe(false);
  });

  it('shows why the save failed, with the problems no field shows', () => {
    renderFooter({ failure: 'Not saved: the core refused.', unplaced: ['owner: Unknown.', 'Something else.'] });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Not saved: the core refused.')).toBeTruthy();
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['owner: Unknown.', 'Something else.']);
  });

  it('lists nothing when every problem has its field', () => {
    renderFooter({ failure: 'Fix the fields marked.' });
    expect(within(screen.getByRole('alert')).queryByRole('list')).toBeNull();
  });

  it('makes Save wait while busy or blocked, and Cancel only when told to', () => {
    renderFooter({ busy: true });
    expect(screen.getByRole('button', { name: 'Saving…' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', false);
  });

  it('makes Cancel wait during a save when it would abandon it', () => {
    renderFooter({ busy: true, cancelWaits: true });
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
  });

  it('keeps Save waiting while the form holds a value it knows is wrong', () => {
    renderFooter({ saveBlocked: true });
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', false);
  });

  it('asks before discarding when told to, and answers through the callbacks given', async () => {
    const onConfirm = vi.fn();
    const keep = vi.fn();
    const { user } = renderFooter({
      discard: {
        title: 'Discard your changes?',
        message: 'They will be lost.',
        confirmLabel: 'Discard',
        cancelLabel: 'Keep editing',
        onConfirm,
        onCancel: keep,
      },
    });
    const dialog = screen.getByRole('alertdialog', { name: 'Discard your changes?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(keep).toHaveBeenCalledTimes(1);
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
