import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../../stores/use-navigation-store';
import { useSyncStore } from '../../stores/use-sync-store';
import { SyncStateBadge } from './sync-state-badge';
import { stateLabel } from './sync-words';

/**
 * Sync's state for the status bar ("Sync: Up to date"), as a button that opens the Sync section. Nothing until the
 * core has answered, so a core without sync (or a locked store) shows no misleading state. Not a live region: the
 * state may change often during a sync, and the Sync view announces it.
 */
export function SyncStatusBadge() {
  const { t } = useTranslation();
  const state = useSyncStore((store) => store.current.value?.state ?? null);
  const go = useNavigationStore((store) => store.go);
  if (state === null) return null;
  return (
    <button
      type="button"
      className="status-bar__button"
      title={t('sync.badgeHint')}
      onClick={() => {
        go('sync');
      }}
    >
      <SyncStateBadge state={state} label={t('sync.badge', { state: stateLabel(state, t) })} />
    </button>
  );
}
