import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TextAreaField, TextField } from './text-field';

/** A text field and a text area holding their own values, as a form's state would. */
function Fields({ error = null }: { readonly error?: string | null }) {
  const [name, setName] = useState('Ada');
  const [notes, setNotes] = useState('');
  return (
    <>
      <TextField label="Name" help="As printed." error={error} wide value={name} onChange={setName} />
      <TextField label="Year" inputMode="numeric" maxLength={8} autoComplete="off" value="" onChange={() => undefined} />
      <TextField label="Date" type="date" value="2024-05-01" onChange={() => undefined} />
      <TextAreaField label="Notes" wide rows={4} value={notes} onChange={setNotes} />
      <output>{`${name}|${notes}`}</output>
    </>
  );
}

describe('the text fields', () => {
  it('label their controls, hand back each value typed, and size a wide control to its field', async () => {
    const user = userEvent.setup();
    render(<Fields />);
    const name = screen.getByLabelText<HTMLInputElement>('Name');
    const notes = screen.getByLabelText<HTMLTextAreaElement>('Notes');
    await user.type(name, ' Lovelace');
    await user.type(notes, 'Met in May.');
    expect(screen.getByRole('status').textContent).toBe('Ada Lovelace|Met in May.');
    expect(name.type).toBe('text');
    expect(name.className).toBe('field__control field__control--wide');
    expect(notes.rows).toBe(4);
    expect(notes.className).toBe('field__control field__control--wide');
  });

  it('pass the input attributes they are given, and keep a narrow control narrow', () => {
    render(<Fields />);
    const year = screen.getByLabelText<HTMLInputElement>('Year');
    expect(year.inputMode).toBe('numeric');
    expect(year.maxLength).toBe(8);
    expect(year.getAttribute('autocomplete')).toBe('off');
    expect(year.className).toBe('field__control');
    expect(screen.getByLabelText<HTMLInputElement>('Date').type).toBe('date');
  });

  it('tie help and error to the control, and mark it invalid only with an error', () => {
    const { rerender } = render(<Fields />);
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('textbox', { name: 'Name', description: 'As printed.' })).toBe(name);
    rerender(<Fields error="Required." />);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Name', description: 'As printed. Required.' })).toBe(name);
  });

  it('offer their suggestions through a datalist of their own, named when a label is given', () => {
    render(
      <>
        <TextField label="Language" suggestions={['en', 'fr']} suggestionLabel={(tag) => (tag === 'en' ? 'English' : 'French')} value="" onChange={() => undefined} />
        <TextField label="Time zone" suggestions={['Europe/Paris']} autoComplete="off" value="" onChange={() => undefined} />
        <TextField label="Plain" value="" onChange={() => undefined} />
      </>,
    );
    const language = screen.getByLabelText('Language');
    const zone = screen.getByLabelText('Time zone');
    const offered = (input: HTMLElement): string[][] =>
      [...(document.getElementById(input.getAttribute('list') ?? '')?.querySelectorAll('option') ?? [])].map((option) => [option.value, option.textContent]);
    expect(language.getAttribute('list')).not.toBe(zone.getAttribute('list'));
    expect(offered(language)).toEqual([
      ['en', 'English'],
      ['fr', 'French'],
    ]);
    expect(offered(zone)).toEqual([['Europe/Paris', '']]);
    expect(zone.getAttribute('autocomplete')).toBe('off');
    expect(screen.getByLabelText<HTMLInputElement>('Plain').hasAttribute('list')).toBe(false);
  });
});
