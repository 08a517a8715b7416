import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { textBinding, type TextKey } from './bind-text-field';
import { TextAreaField, TextField } from './text-field';

/** A form's values: text the boxes hold, and a kind and a flag no text box may be tied to. */
interface Values {
  readonly title: string;
  readonly duration: string;
  readonly notes: string;
  readonly kind: 'plenary' | 'workshop';
  readonly allDay: boolean;
}

const messages: Readonly<Record<string, string>> = { title: 'A title is needed.', durationMinutes: 'Minutes, as a whole number.' };
const source = { at: (path: string): string | null => messages[path] ?? null };

describe('the text binding', () => {
  it('hands a field its value, the message at its own key, and a change that names the key', () => {
    const changes: [TextKey<Values>, string][] = [];
    const values: Values = { title: '', duration: '90', notes: 'Bring the report.', kind: 'plenary', allDay: false };
    const bind = textBinding(values, (field, value) => changes.push([field, value]), source);
    const title = bind('title');
    expect(title.value).toBe('');
    expect(title.error).toBe('A title is needed.');
    expect(bind('notes').error).toBeNull();
    expect(bind('notes').value).toBe('Bring the report.');
    title.onChange('Opening');
    expect(changes).toEqual([['title', 'Opening']]);
  });

  it('reads the message at another path where the value is checked under another name', () => {
    const changes: [TextKey<Values>, string][] = [];
    const values: Values = { title: 'Opening', duration: 'ninety', notes: '', kind: 'workshop', allDay: true };
    const bind = textBinding(values, (field, value) => changes.push([field, value]), source);
    expect(bind('duration').error).toBeNull();
    const duration = bind('duration', 'durationMinutes');
    expect(duration.error).toBe('Minutes, as a whole number.');
    duration.onChange('90');
    // The change names the form's key, not the path its message is read at.
    expect(changes).toEqual([['duration', '90']]);
  });

  it('takes only the keys that hold plain text', () => {
    const bind = textBinding<Values>({ title: '', duration: '', notes: '', kind: 'plenary', allDay: false }, () => undefined, source);
    // @ts-expect-error a kind holds one of its literals: a text box could put any string in it.
    bind('kind');
    // @ts-expect-error a flag is not text.
    bind('allDay');
    expect(bind('title').value).toBe('');
  });

  it('ties real fields to a form state, each change landing under its key', async () => {
    function Form() {
      const [values, setValues] = useState<Values>({ title: '', duration: '', notes: '', kind: 'plenary', allDay: false });
      const bind = textBinding(values, (field, value) => {
        setValues((previous) => ({ ...previous, [field]: value }));
      }, source);
      return (
        <>
          <TextField label="Title" {...bind('title')} />
          <TextAreaField label="Notes" rows={2} {...bind('notes')} />
          <output>{`${values.title}|${values.notes}`}</output>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Form />);
    const title = screen.getByLabelText('Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Title', description: 'A title is needed.' })).toBe(title);
    expect(screen.getByLabelText('Notes').getAttribute('aria-invalid')).toBe('false');
    await user.type(title, 'Opening');
    await user.type(screen.getByLabelText('Notes'), 'Short.');
    expect(screen.getByRole('status').textContent).toBe('Opening|Short.');
  });
});
