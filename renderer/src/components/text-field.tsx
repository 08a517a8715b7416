import { useId, type InputHTMLAttributes } from 'react';
import { Field } from './field';

/** What a text field shares with its Field: the words around the control and how wide it stands. */
interface TextFieldBase {
  readonly label: string;
  /** What is wrong with the value, in the user's language; null when nothing is. */
  readonly error?: string | null;
  readonly help?: string;
  /** Across the whole form, control included, rather than one column of a grid. */
  readonly wide?: boolean;
  readonly value: string;
  /** The new value as typed, on every change. */
  readonly onChange: (value: string) => void;
}

/** The input attributes a text field may set besides its value (`type` defaults to `text`). */
type TextInputAttributes = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'inputMode' | 'maxLength' | 'spellCheck'
>;

export type TextFieldProps = TextFieldBase &
  TextInputAttributes & {
    /** Values offered as the user types (the browser's own list); any other text is still accepted. */
    readonly suggestions?: readonly string[];
    /** How a suggestion is described beside it (a language's name for its tag); none when absent. */
    readonly suggestionLabel?: (suggestion: string) => string;
  };

export interface TextAreaFieldProps extends TextFieldBase {
  readonly rows: number;
}

/** The control's classes: a wide field's control fills the field. */
const controlClass = (wide: boolean): string => (wide ? 'field__control field__control--wide' : 'field__control');

/**
 * A labelled one-line input (text, date…) whose value is a string, tied to its help and error by Field; with
 * `suggestions`, the input offers them through a datalist placed right after it.
 */
export function TextField({
  label,
  error = null,
  help,
  wide = false,
  value,
  onChange,
  type = 'text',
  suggestions,
  suggestionLabel,
  ...attributes
}: TextFieldProps) {
  const listId = useId();
  return (
    <Field label={label} error={error} help={help} wide={wide}>
      {(control) => (
        <>
          <input
            {...control}
            {...attributes}
            className={controlClass(wide)}
            type={type}
            list={suggestions === undefined ? undefined : listId}
            value={value}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
          {suggestions === undefined ? null : (
            <datalist id={listId}>
              {suggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion}>
                  {suggestionLabel?.(suggestion)}
                </option>
              ))}
            </datalist>
          )}
        </>
      )}
    </Field>
  );
}

/** A labelled multi-line text, tied to its help and error by Field. */
export function TextAreaField({ label, error = null, help, wide = false, value, onChange, rows }: TextAreaFieldProps) {
  return (
    <Field label={label} error={error} help={help} wide={wide}>
      {(control) => (
        <textarea
          {...control}
          className={controlClass(wide)}
          rows={rows}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </Field>
  );
}
