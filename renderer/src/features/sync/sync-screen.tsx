import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { Screen } from '../../components/screen';
import { useSettingsStore } from '../../stores/use-settings-store';
import { syncTabs, useSyncStore, type SyncTab } from '../../stores/use-sync-store';
import { formatCount } from '../directory/format-directory';
import { SectionTabs } from '../meetings/section-tabs';
import { CollectionsTable } from './collections-table';
import { ConfigureForm } from './configure-form';
import { ConflictsView } from './conflicts-view';
import { FileTransfer } from './file-transfer';
import { SetAsideView } from './set-aside-view';
import { SyncOverview } from './sync-overview';
import './sync.css';

/**
 * Replication with the network's server, in three tabs: Status (the sign-in form until a server is set, then where
 * sync stands, per collection and for files, with Sync now, Pause/Resume and Sign out), Conflicts (pick per field) and
 * Set aside (quarantined documents and refused changes). Everything follows the core's `sync.changed` events.
 */
export function SyncScreen() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const current = useSyncStore((state) => state.current);
  const tab = useSyncStore((state) => state.tab);
  const setTab = useSyncStore((state) => state.setTab);
  const load = useSyncStore((state) => state.load);
  const loadRecords = useSyncStore((state) => state.loadRecords);
  // Another server or account, asked for from the status tab; the current one keeps syncing until the new one is accepted.
  const [changingServer, setChangingServer] = useState(false);

  // The stores start with the shell; this covers a window whose first ask failed (or a screen shown on its own).
  useEffect(() => {
    const { current: now } = useSyncStore.getState();
    if (now.status === 'idle' || now.status === 'error') void load();
  }, [load]);

  const select = (next: SyncTab): void => {
    setTab(next);
    // Events reload the lists when their counts move; a record that replaced another of its kind does not move them.
    if (next !== 'status') void loadRecords();
  };

  const status = current.value;
  if (status === null) {
    return (
      <Screen title={t('sections.sync')}>
        {current.status === 'error' ? (
          <ErrorNotice
            title={t('sync.loadFailed')}
            message={current.error?.message}
            retryLabel={t('sync.retry')}
            onRetry={() => {
              void load();
            }}
          />
        ) : (
          <p className="status-line" role="status">
            {t('sync.loading')}
          </p>
        )}
      </Screen>
    );
  }

  const counts: Readonly<Record<SyncTab, number | null>> = {
    status: null,
    conflicts: status.records.conflicts,
    'set-aside': status.records.quarantined + status.records.rejected,
  };
  const labelOf = (id: SyncTab): string => {
    const label = t(id === 'status' ? 'sync.tabs.status' : id === 'conflicts' ? 'sync.tabs.conflicts' : 'sync.tabs.setAside');
    const count = counts[id];
    return count === null || count === 0 ? label : t('sync.tabs.withCount', { label, formatted: formatCount(count, language) });
  };

  return (
    <Screen title={t('sections.sync')} wide>
      <SectionTabs label={t('sync.tabsLabel')} tabs={syncTabs} selected={tab} labelOf={labelOf} onSelect={select}>
        {tab === 'conflicts' ? (
          <ConflictsView />
        ) : tab === 'set-aside' ? (
          <SetAsideView />
        ) : status.state === 'not-configured' ? (
          <ConfigureForm status={status} />
        ) : changingServer ? (
          <ConfigureForm
            status={status}
            onCancel={() => {
              setChangingServer(false);
            }}
            onDone={() => {
              setChangingServer(false);
            }}
          />
        ) : (
          <>
            <SyncOverview status={status} />
            <CollectionsTable collections={status.collections} />
            <FileTransfer files={status.files} />
            {status.serverLocked ? null : (
              <p>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setChangingServer(true);
                  }}
                >
                  {t('sync.setup.changeServer')}
                </button>
              </p>
            )}
          </>
        )}
      </SectionTabs>
    </Screen>
  );
}
