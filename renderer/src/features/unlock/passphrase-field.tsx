import { useId, type ReactNode, type Ref } from 'react';

export interface PassphraseFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Tells password managers what this field is: the current passphrase, or a new one to remember. */
  readonly autoComplete: 'current-password' | 'new-password';
  /** What is wrong with the value, in the user's language; announced as it appears. */
  readonly error: string | null;
  /** Help shown under the field (rules, strength), read out with it. */
  readonly help?: ReactNode;
  /** While the core derives the key the value stays as typed: editing it then would not change what was sent. */
  readonly readOnly: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/**
 * A passphrase input with its label, help and error. Masked, and never spell-checked, corrected or capitalised: a
 * spell-checking service must never see it, and the browser must type exactly what the user typed.
 */
export function PassphraseField({ label, value, onChange, autoComplete, error, help, readOnly, inputRef }: PassphraseFieldProps) {
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const describedBy = [help === undefined ? null : helpId, error === null ? null : errorId].filter((id) => id !== null);
  return (
    <div className="field">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="field__control field__control--wide"
        type="password"
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="off"
        readOnly={readOnly}
        aria-invalid={error !== null}
        aria-describedby={describedBy.length === 0 ? undefined : describedBy.join(' ')}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {help === undefined ? null : (
        <div className="field__help" id={helpId}>
          {help}
        </div>
      )}
      {error === null ? null : (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
