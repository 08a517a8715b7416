import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerOption {
  readonly id: string;
  readonly label: string;
}

export interface MultiPickerProps {
  /** The group's name, e.g. "Countries". */
  readonly label: string;
  /** The select's name, e.g. "Country to add". */
  readonly addLabel: string;
  /** The button's text, e.g. "Add country". */
  readonly addButton: string;
  readonly options: readonly PickerOption[];
  readonly selected: readonly string[];
  /** The label of a chosen id no option names any more (a country removed from the directory). */
  readonly labelOf: (id: string) => string;
  readonly onChange: (selected: readonly string[]) => void;
  readonly error?: string | null;
}

/**
 * Chooses several entries from a long list: the chosen ones as a list, each with its own Remove button, and a select
 * with an Add button. The select only adds on Add, so moving through it with the arrow keys (which changes a closed
 * select's value in Chromium) adds nothing by accident.
 */
export function MultiPicker({ label, addLabel, addButton, options, selected, labelOf, onChange, error = null }: MultiPickerProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const errorId = useId();
  const [choice, setChoice] = useState('');
  const remaining = options.filter((option) => !selected.includes(option.id));
  const nameOf = (id: string): string => options.find((option) => option.id === id)?.label ?? labelOf(id);

  return (
    <fieldset className="multi-picker" aria-describedby={error === null ? undefined : errorId}>
      <legend className="field__label">{label}</legend>
      {selected.length === 0 ? (
        <p className="muted multi-picker__none">{t('documents.form.noneChosen')}</p>
      ) : (
        <ul className="multi-picker__chosen">
          {selected.map((id) => (
            <li key={id} className="multi-picker__item">
              <span>{nameOf(id)}</span>
              <button
                type="button"
                className="link-button"
                aria-label={t('documents.form.removeItem', { name: nameOf(id) })}
                onClick={() => {
                  onChange(selected.filter((held) => held !== id));
                }}
              >
                {t('documents.form.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="multi-picker__add">
        <label className="visually-hidden" htmlFor={selectId}>
          {addLabel}
        </label>
        <select
          id={selectId}
          className="field__control"
          value={choice}
          aria-invalid={error !== null}
          onChange={(event) => {
            setChoice(event.target.value);
          }}
        >
          <option value="">{addLabel}</option>
          {remaining.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={choice === ''}
          onClick={() => {
            if (choice === '' || selected.includes(choice)) return;
            onChange([...selected, choice]);
            setChoice('');
          }}
        >
          {addButton}
        </button>
      </div>
      {error === null ? null : (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
