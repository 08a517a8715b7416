import { Field } from './field';

export interface ChoiceFieldProps<T extends string> {
  readonly label: string;
  /** What is wrong with the value, in the user's language; null when nothing is. */
  readonly error?: string | null;
  readonly value: T;
  /** Every value the field offers, in the order shown. */
  readonly choices: readonly T[];
  /** A choice's name, in the user's language. */
  readonly labelOf: (choice: T) => string;
  /** The choice picked; never called with anything outside `choices`. */
  readonly onChange: (choice: T) => void;
}

/**
 * A labelled drop-down over a fixed set of values (a kind, a status), tied to its error by Field. The value picked
 * is handed back as one of `choices`, typed as such, so a form needs no cast from the control's string.
 */
export function ChoiceField<T extends string>({ label, error = null, value, choices, labelOf, onChange }: ChoiceFieldProps<T>) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select
          {...control}
          className="field__control"
          value={value}
          onChange={(event) => {
            const choice = choices.find((candidate) => candidate === event.target.value);
            if (choice !== undefined) onChange(choice);
          }}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {labelOf(choice)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
