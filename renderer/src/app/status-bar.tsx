import { useTranslation } from 'react-i18next';
import { HealthBadge } from '../components/health-badge';
import { SyncStatusBadge } from '../features/sync/sync-status-badge';
import { useAppInfoStore } from '../stores/use-app-info-store';
import { useNavigationStore } from '../stores/use-navigation-store';

/** The footer: app version, sync's state (opens Sync) and the live health of the local store (opens Settings). */
export function StatusBar() {
  const { t } = useTranslation();
  const health = useAppInfoStore((state) => state.health);
  const info = useAppInfoStore((state) => state.info);
  const go = useNavigationStore((state) => state.go);
  const status = health?.status ?? 'unknown';
  return (
    <footer className="status-bar" aria-label={t('shell.statusBarLabel')}>
      <span className="status-bar__version">
        {info.status === 'loaded' ? `${info.info.name} ${info.info.version}` : t('app.name')}
      </span>
      <SyncStatusBadge />
      <div className="status-bar__health" role="status">
        <button
          type="button"
          className="status-bar__button"
          title={t('shell.storeStatusHint')}
          onClick={() => {
            go('settings');
          }}
        >
          <HealthBadge status={status} label={t('shell.storeStatus', { status: t(`health.${status}`) })} />
        </button>
      </div>
    </footer>
  );
}
