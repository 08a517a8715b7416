import { useId, type ReactNode } from 'react';

/** What a control inside a Field must carry to be labelled, described and marked invalid. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': boolean;
}

export interface FieldProps {
  readonly label: string;
  /** What is wrong with the value, in the user's language; null when nothing is. */
  readonly error?: string | null;
  readonly help?: string;
  readonly wide?: boolean;
  /** Renders the control with the ids that tie it to its label, help and error. */
  readonly children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled form control with optional help and a field-level message. The message is tied to the control by
 * `aria-describedby` (read when the control is focused) rather than announced as it changes, so typing is not
 * interrupted by a message that the next keystroke may clear.
 */
export function Field({ label, error = null, help, wide = false, children }: FieldProps) {
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  const describedBy = [help === undefined ? null : helpId, error === null ? null : errorId].filter((part) => part !== null);
  return (
    <div className={wide ? 'field field--wide' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy.length === 0 ? undefined : describedBy.join(' '), 'aria-invalid': error !== null })}
      {help === undefined ? null : (
        <p className="field__help" id={helpId}>
          {help}
        </p>
      )}
      {error === null ? null : (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
