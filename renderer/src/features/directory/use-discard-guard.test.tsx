import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FormFooter } from '../../components/form-footer';
import { useDiscardGuard, type DiscardGuardOptions } from './use-discard-guard';

interface GuardedProps {
  readonly dirty: boolean;
  readonly onSave: () => Promise<void>;
  readonly onCancel: () => void;
  readonly wording: DiscardGuardOptions['wording'];
  /** The keys that reach the list or pane around the form. */
  readonly onOuterKey: (key: string) => void;
}

/** A form with one field, guarded as the edit forms are, inside a list that has keys of its own. */
function Guarded({ dirty, onSave, onCancel, wording, onOuterKey }: GuardedProps) {
  const guard = useDiscardGuard({ dirty, onSave, onCancel, wording });
  return (
    <div
      onKeyDown={(event) => {
        onOuterKey(event.key);
      }}
    >
      <form aria-label="Edit" onKeyDown={guard.onKeyDown}>
        <input aria-label="Title" />
        <FormFooter {...guard.footer} failure={null} busy={false} saveLabel="Save" busyLabel="Saving…" cancelLabel="Cancel" />
      </form>
    </div>
  );
}

function renderGuarded(dirty: boolean, wording: DiscardGuardOptions['wording'] = 'documents') {
  const onSave = vi.fn(async () => undefined);
  const onCancel = vi.fn();
  const onOuterKey = vi.fn();
  const user = userEvent.setup();
  render(<Guarded dirty={dirty} onSave={onSave} onCancel={onCancel} wording={wording} onOuterKey={onOuterKey} />);
  screen.getByLabelText('Title').focus();
  return { onSave, onCancel, onOuterKey, user };
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

  it('keeps the keys it acts on from the list around the form, and lets the others through', async () => {
    const { onSave, onCancel, onOuterKey, user } = renderGuarded(false);
    await user.keyboard('{Control>}s{/Control}');
    await user.keyboard('{Escape}');
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onOuterKey.mock.calls.map(([key]: unknown[]) => key)).not.toContain('s');
    expect(onOuterKey.mock.calls.map(([key]: unknown[]) => key)).not.toContain('Escape');
    screen.getByLabelText('Title').focus();
    await user.keyboard('a');
    expect(onOuterKey).toHaveBeenLastCalledWith('a');
  });

  it("asks in the meetings' words for a meeting form", async () => {
    const { user } = renderGuarded(true, 'meetings');
    await user.keyboard('{Escape}');
    const dialog = screen.getByRole('alertdialog', { name: 'Discard your changes?' });
    expect(within(dialog).getByText('What you changed in this form will be lost.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Discard' })).toBeTruthy();
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
