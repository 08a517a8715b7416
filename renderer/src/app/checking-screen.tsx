import { useTranslation } from 'react-i18next';

/**
 * Shown for the moment it takes to ask the core whether its store is locked, so neither the app nor the unlock screen
 * flashes before the answer. The text appears only if the answer is slow (see theme.css), which it normally is not.
 */
export function CheckingScreen() {
  const { t } = useTranslation();
  return (
    <main className="checking" id="main-content" aria-busy="true">
      <p className="checking__text" role="status">
        {t('unlock.checking')}
      </p>
    </main>
  );
}
