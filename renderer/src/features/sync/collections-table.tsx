import { useTranslation } from 'react-i18next';
import type { CollectionSyncStatus } from '../../../../shared/api/sync';
import { Panel } from '../../components/panel';
import { formatDateTime } from '../../i18n/format';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatCount } from '../directory/format-directory';
import { SyncStateBadge } from './sync-state-badge';
import { collectionLabel, problemText, stateLabel } from './sync-words';

export interface CollectionsTableProps {
  readonly collections: readonly CollectionSyncStatus[];
}

/** Each synced collection's state, changes waiting to be sent, records received and sent, last sync and problem. */
export function CollectionsTable({ collections }: CollectionsTableProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  return (
    <Panel heading={t('sync.collections.heading')}>
      {collections.length === 0 ? (
        <p className="muted">{t('sync.collections.empty')}</p>
      ) : (
        <div className="sync-table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('sync.collections.collection')}</th>
                <th scope="col">{t('sync.collections.state')}</th>
                <th scope="col" className="table__number">
                  {t('sync.collections.pending')}
                </th>
                <th scope="col" className="table__number">
                  {t('sync.collections.received')}
                </th>
                <th scope="col" className="table__number">
                  {t('sync.collections.sent')}
                </th>
                <th scope="col">{t('sync.collections.lastSynced')}</th>
                <th scope="col">{t('sync.collections.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {collections.map((collection) => (
                <tr key={collection.collection}>
                  <th scope="row">{collectionLabel(collection.collection, t)}</th>
                  <td>
                    <SyncStateBadge state={collection.state} label={stateLabel(collection.state, t)} />
                  </td>
                  <td className="table__number">{formatCount(collection.pendingLocal, language)}</td>
                  <td className="table__number">{formatCount(collection.pulled, language)}</td>
                  <td className="table__number">{formatCount(collection.pushed, language)}</td>
                  <td>{collection.lastSyncedAt === null ? t('sync.collections.never') : formatDateTime(collection.lastSyncedAt, language)}</td>
                  <td>{collection.error === null ? '' : problemText(collection.error, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
