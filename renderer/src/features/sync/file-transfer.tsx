import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/api/sync';
import { Panel } from '../../components/panel';
import { formatBytes } from '../../i18n/format';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatCount } from '../directory/format-directory';
import { SyncProgress } from './sync-progress';

export interface FileTransferProps {
  readonly files: SyncStatus['files'];
}

/** Files waiting to go up or come down, and the one moving now with its progress in bytes. */
export function FileTransfer({ files }: FileTransferProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const { current } = files;
  return (
    <Panel heading={t('sync.files.heading')}>
      <p>{t('sync.files.waiting', { up: formatCount(files.pendingUp, language), down: formatCount(files.pendingDown, language) })}</p>
      {current === null ? (
        <p className="muted">{t('sync.files.idle')}</p>
      ) : (
        <SyncProgress
          label={current.direction === 'upload' ? t('sync.files.upload', { name: current.name }) : t('sync.files.download', { name: current.name })}
          value={current.doneBytes}
          max={current.totalBytes}
          text={t('sync.files.progress', { done: formatBytes(current.doneBytes, language), total: formatBytes(current.totalBytes, language) })}
        />
      )}
    </Panel>
  );
}
