export interface ErrorNoticeProps {
  readonly title: string;
  /** Written for a person (an AppError's `message`); never raw JSON or a stack trace. */
  readonly message?: string;
  readonly retryLabel: string;
  readonly onRetry: () => void;
}

/** A failure the user can retry, announced to screen readers as it appears. */
export function ErrorNotice({ title, message, retryLabel, onRetry }: ErrorNoticeProps) {
  return (
    <div className="error-notice" role="alert">
      <p className="error-notice__title">{title}</p>
      {message === undefined ? null : <p className="error-notice__message">{message}</p>}
      <button type="button" className="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
