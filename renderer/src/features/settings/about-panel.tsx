import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { Panel } from '../../components/panel';
import { useAppInfoStore } from '../../stores/use-app-info-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { AboutDetails } from './about-details';

/** The "About" panel: `app.info` of the running core, with loading and error states and the live store health. */
export function AboutPanel() {
  const { t } = useTranslation();
  const info = useAppInfoStore((state) => state.info);
  const health = useAppInfoStore((state) => state.health);
  const load = useAppInfoStore((state) => state.load);
  const language = useSettingsStore((state) => state.language);

  useEffect(() => {
    // The shell normally loads this at start; opening Settings first (or in isolation) must not show an empty panel.
    if (info.status === 'idle') void load();
  }, [info.status, load]);

  let body;
  switch (info.status) {
    case 'idle':
    case 'loading':
      body = (
        <p className="about__loading" role="status">
          {t('about.loading')}
        </p>
      );
      break;
    case 'error':
      body = (
        <ErrorNotice
          title={t('about.errorTitle')}
          message={info.error.message}
          retryLabel={t('about.retry')}
          onRetry={() => {
            void load();
          }}
        />
      );
      break;
    case 'loaded':
      body = <AboutDetails info={info.info} health={health ?? info.info.health} language={language} />;
      break;
  }
  return <Panel heading={t('about.heading')}>{body}</Panel>;
}
