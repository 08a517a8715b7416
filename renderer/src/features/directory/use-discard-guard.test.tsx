import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FormFooter } from '../../components/form-footer';
import { useDiscardGuard } from './use-discard-guard';

/** A form with one field, guarded as the edit forms are. */
function Guarded({ dirty, onSave, onCancel }: { readonly dirty: boolean; readonly onSave: () => Promise<void>; readonly onCancel: () => void }) {
  const guard = useDiscardGuard({ dirty, onSave, onCancel, wording: 'documents' });
  return (
    <form aria-label="Edit" onKeyDown={guard.onKeyDown}>
      <input aria-label="Title" />
      <FormFooter {...guard.footer} failure={null} busy={false} saveLabel="Save" busyLabel="Saving…" cancelLabel="Cancel" />
    </form>
  );
}

function renderGuarded(dirty: boolean) {
  const onSave = vi.fn(async () => undefined);
  const onCancel = vi.fn();
  const user = userEvent.setup();
  render(<Guarded dirty={dirty} onSave={onSave} onCancel={onCancel} />);
  screen.getByLabelText('Title').focus();
  return { onSave, onCancel, user };
}

describe('the discard guard', () => {
  it('saves on Ctrl+S and ⌘S, and announces both shortcuts on the buttons', async () => {
    const { onSave, user } = renderGuarded(false);
    await user.keyboard('{Control>}s{/Control}');
    await user.keyboard('{Meta>}s{/Meta}');
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-keyshortcuts')).toBe('Control+S Meta+S');
    expect(screen.getByRole('button', { name: 'Cancel' }).getAttribute('aria-keyshortcuts')).toBe('Escape');
  });

  it('leaves at once on Escape when nothing changed', async () => {
    const { onCancel, user } = renderGuarded(false);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks before throwing changes away, in the wording asked for, and keeps editing when told to', async () => {
    const { onCancel, user } = renderGuarded(true);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard your changes?' });
    expect(within(dialog).getByText('The changes you made to this document will be lost.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onCancel).not.toHaveBeenCalled();
    screen.getByLabelText('Title').focus();
    await user.keyboard('{Escape}');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('leaves an Escape that a control inside the form already used alone', async () => {
    const { onCancel, user } = renderGuarded(false);
    screen.getByLabelText('Title').addEventListener('keydown', (event) => {
      if (event.key === 'Escape') event.preventDefault();
    });
    await user.keyboard('{Escape}');
    expect(onCancel).not.toHaveBeenCalled();
  });
});
