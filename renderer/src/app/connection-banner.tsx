import { useTranslation } from 'react-i18next';
import { useConnectionStore } from '../stores/use-connection-store';

/**
 * Tells the user when the link to the core is down and offers to reconnect now. Silent while connected and during
 * the first connection, which normally takes milliseconds.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const status = useConnectionStore((state) => state.status);
  const reconnect = useConnectionStore((state) => state.reconnect);
  if (status.state !== 'reconnecting' && status.state !== 'offline') return null;
  const offline = status.state === 'offline';
  return (
    <div className={`connection-banner connection-banner--${status.state}`} role={offline ? 'alert' : 'status'}>
      <p className="connection-banner__text">
        {offline
          ? t('connection.offline')
          : t('connection.reconnecting', { attempt: status.attempt, max: status.maxAttempts })}
      </p>
      <button type="button" className="button" onClick={reconnect}>
        {t('connection.reconnectNow')}
      </button>
    </div>
  );
}
