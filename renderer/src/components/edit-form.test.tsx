import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EditForm } from './edit-form';

describe('the edit form frame', () => {
  it('is named by its title, which takes focus on opening, and submits without the browser checking', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    const formRef = createRef<HTMLFormElement>();
    render(
      <EditForm className="thing-form" title="Edit Ada" titleLevel={2} titleClassName="detail__title" hint="Ctrl+S saves." busy={false} formRef={formRef} onSubmit={onSubmit}>
        <input aria-label="Name" required defaultValue="" />
        <button type="submit">Save</button>
      </EditForm>,
    );
    const form = screen.getByRole('form', { name: 'Edit Ada' });
    expect(formRef.current).toBe(form);
    expect(form.className).toBe('thing-form');
    expect(form.getAttribute('aria-busy')).toBe('false');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Edit Ada' }));
    expect(screen.getByText('Ctrl+S saves.').className).toBe('muted');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('leaves focus where it is when it may not take it, and says when it is busy', () => {
    const frame = (open: boolean) => (
      <>
        <input aria-label="Elsewhere" />
        {open ? (
          <EditForm
            className="thing-form"
            title="Describe a.pdf"
            titleLevel={3}
            titleClassName="document-form__title"
            busy
            onSubmit={async () => undefined}
            mayTakeFocus={() => false}
          >
            <p>Fields</p>
          </EditForm>
        ) : null}
      </>
    );
    const { rerender } = render(frame(false));
    const elsewhere = screen.getByLabelText('Elsewhere');
    elsewhere.focus();
    rerender(frame(true));
    expect(screen.getByRole('heading', { level: 3, name: 'Describe a.pdf' })).toBeTruthy();
    expect(document.activeElement).toBe(elsewhere);
    expect(screen.getByRole('form', { name: 'Describe a.pdf' }).getAttribute('aria-busy')).toBe('true');
  });

  it('hands its keys to the caller', async () => {
    const user = userEvent.setup();
    const onKeyDown = vi.fn();
    render(
      <EditForm className="thing-form" title="Edit" titleLevel={2} titleClassName="detail__title" busy={false} onSubmit={async () => undefined} onKeyDown={onKeyDown}>
        <input aria-label="Name" />
      </EditForm>,
    );
    await user.keyboard('{Escape}');
    expect(onKeyDown).toHaveBeenCalledWith(expect.objectContaining({ key: 'Escape' }));
  });
});
