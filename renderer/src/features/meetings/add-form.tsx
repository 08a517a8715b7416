import { useId, type ReactNode } from 'react';

export interface AddFormProps {
  /** The form's block class; its heading takes `<className>__heading`. */
  readonly className: string;
  /** The heading, which also names the form. */
  readonly heading: string;
  /** Why the last add failed, said as an alert under the fields; null when it did not. */
  readonly failure: string | null;
  readonly submitLabel: string;
  /** An add is on its way: the button waits for it. */
  readonly busy?: boolean;
  /** Enter in a field or the button: the browser's own checks are off, the caller checks against the schema. */
  readonly onSubmit: () => Promise<void>;
  readonly children: ReactNode;
}

/**
 * The frame of the meeting page's quick add forms (agenda items, action items): a form named by its heading, the
 * fields, the failure of the last add, and the button that adds.
 */
export function AddForm({ className, heading, failure, submitLabel, busy = false, onSubmit, children }: AddFormProps) {
  const headingId = useId();
  return (
    <form
      className={className}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <h3 className={`${className}__heading`} id={headingId}>
        {heading}
      </h3>
      {children}
      {failure === null ? null : (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="detail__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
