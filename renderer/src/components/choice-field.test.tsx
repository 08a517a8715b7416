import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChoiceField } from './choice-field';

const seasons = ['spring', 'summer', 'autumn', 'winter'] as const;
type Season = (typeof seasons)[number];
const names: Readonly<Record<Season, string>> = { spring: 'Spring', summer: 'Summer', autumn: 'Autumn', winter: 'Winter' };

/** A choice field holding its own value, as a form's state would. */
function Seasons({ error = null, onPick }: { readonly error?: string | null; readonly onPick: (season: Season) => void }) {
  const [season, setSeason] = useState<Season>('summer');
  return (
    <>
      <ChoiceField
        label="Season"
        error={error}
        value={season}
        choices={seasons}
        labelOf={(choice) => names[choice]}
        onChange={(choice) => {
          onPick(choice);
          setSeason(choice);
        }}
      />
      <output>{season}</output>
    </>
  );
}

describe('the choice field', () => {
  it('offers every choice by its name, in order, with the value chosen', () => {
    render(<Seasons onPick={() => undefined} />);
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Season' });
    expect(select.className).toBe('field__control');
    expect(select.value).toBe('summer');
    const options = screen.getAllByRole<HTMLOptionElement>('option');
    expect(options.map((option) => option.value)).toEqual(['spring', 'summer', 'autumn', 'winter']);
    expect(options.map((option) => option.textContent)).toEqual(['Spring', 'Summer', 'Autumn', 'Winter']);
  });

  it('hands back the choice picked', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    render(<Seasons onPick={onPick} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Season' }), 'Autumn');
    expect(onPick).toHaveBeenCalledExactlyOnceWith('autumn');
    expect(screen.getByRole('status').textContent).toBe('autumn');
  });

  it('ties its error to the control and marks it invalid only with one', () => {
    const { rerender } = render(<Seasons onPick={() => undefined} />);
    const select = screen.getByRole('combobox', { name: 'Season' });
    expect(select.getAttribute('aria-invalid')).toBe('false');
    expect(select.getAttribute('aria-describedby')).toBeNull();
    rerender(<Seasons error="Pick a season." onPick={() => undefined} />);
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Season', description: 'Pick a season.' })).toBe(select);
  });
});
