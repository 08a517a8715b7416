import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

export interface EditFormProps {
  /** The form's own class (its layout). */
  readonly className: string;
  /** What the form edits, in the user's language: the form's accessible name. */
  readonly title: string;
  /** 2 where the form is the pane's main content, 3 inside a section that has its own heading. */
  readonly titleLevel: 2 | 3;
  readonly titleClassName: string;
  /** A line under the title (the keys the form answers to). */
  readonly hint?: string;
  /** A save is running: announced as `aria-busy`. */
  readonly busy: boolean;
  /** The form element, for callers that move focus to its first invalid field. */
  readonly formRef?: RefObject<HTMLFormElement | null>;
  /** Enter in a field, or the submit button; the browser's own submission and checks never run. */
  readonly onSubmit: () => Promise<void>;
  readonly onKeyDown?: (event: KeyboardEvent<HTMLFormElement>) => void;
  /**
   * Asked once, on opening: whether focus may move to the title. Without it, it always does, so a screen reader
   * announces the form and Tab starts at its first field.
   */
  readonly mayTakeFocus?: () => boolean;
  readonly children: ReactNode;
}

/**
 * The frame of an edit form: a form named by its title, which takes focus on opening, with the browser's own
 * validation off (the forms check against the core's schema and say so beside each field).
 */
export function EditForm({
  className,
  title,
  titleLevel,
  titleClassName,
  hint,
  busy,
  formRef,
  onSubmit,
  onKeyDown,
  mayTakeFocus,
  children,
}: EditFormProps) {
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const Title = titleLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    if (mayTakeFocus?.() ?? true) titleRef.current?.focus();
    // Only on opening: later renders must not pull focus back from the field being typed in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <form
      ref={formRef}
      className={className}
      aria-labelledby={titleId}
      aria-busy={busy}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <Title className={titleClassName} id={titleId} ref={titleRef} tabIndex={-1}>
        {title}
      </Title>
      {hint === undefined ? null : <p className="muted">{hint}</p>}
      {children}
    </form>
  );
}
