import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';

/**
 * Replication with the network's server.
 * Until the sync feature lands, it explains what will be here.
 */
export function SyncScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('sections.sync')}>
      <EmptyState title={t('sync.emptyTitle')} body={t('sync.emptyBody')} />
    </Screen>
  );
}
