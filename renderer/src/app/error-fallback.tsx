import { useTranslation } from 'react-i18next';

export interface ErrorFallbackProps {
  /** `app` fills the window; `screen` sits inside the shell, which keeps working around it. */
  readonly scope: 'app' | 'screen';
  readonly onRetry: () => void;
}

/** What replaces a part of the UI that crashed: a plain explanation and a way to try again, never a stack trace. */
export function ErrorFallback({ scope, onRetry }: ErrorFallbackProps) {
  const { t } = useTranslation();
  // Filling the window, the message is the page's main heading; inside a screen, it sits under the screen's own.
  const Heading = scope === 'app' ? 'h1' : 'h2';
  return (
    <div className={`error-fallback error-fallback--${scope}`} role="alert">
      <Heading className="error-fallback__title">{t('errors.boundaryTitle')}</Heading>
      <p>{t('errors.boundaryBody')}</p>
      <button type="button" className="button button--primary" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </div>
  );
}
