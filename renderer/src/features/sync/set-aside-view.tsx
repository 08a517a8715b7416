import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRecordRow } from '../../../../shared/api/sync';
import { ErrorNotice } from '../../components/error-notice';
import { Panel } from '../../components/panel';
import { formatDateTime } from '../../i18n/format';
import { useSettingsStore } from '../../stores/use-settings-store';
import { useSyncStore } from '../../stores/use-sync-store';
import { collectionLabel, failureText } from './sync-words';

/**
 * What sync set aside besides conflicts: documents from the server that failed the checks (quarantined, never
 * applied) and local changes the server refused, each with its reason, collection, record, time, the document as
 * text, and Dismiss. Dismissing moves focus to the next row's Dismiss (or the previous one, or the panel) and says so.
 */
export function SetAsideView() {
  const { t } = useTranslation();
  const records = useSyncStore((state) => state.records);
  const loadRecords = useSyncStore((state) => state.loadRecords);
  const [announcement, setAnnouncement] = useState('');
  return (
    <div>
      <p className="status-line" role="status">
        {announcement}
      </p>
      {records.status === 'error' ? (
        <ErrorNotice
          title={t('sync.conflicts.listFailed')}
          message={records.error?.message}
          retryLabel={t('sync.retry')}
          onRetry={() => {
            void loadRecords();
          }}
        />
      ) : null}
      <SetAsideList
        heading={t('sync.setAside.quarantineHeading')}
        intro={t('sync.setAside.quarantineIntro')}
        empty={t('sync.setAside.quarantineEmpty')}
        rows={records.rows.filter((row) => row.kind === 'quarantine')}
        loaded={records.status === 'loaded'}
        onAnnounce={setAnnouncement}
      />
      <SetAsideList
        heading={t('sync.setAside.rejectedHeading')}
        intro={t('sync.setAside.rejectedIntro')}
        empty={t('sync.setAside.rejectedEmpty')}
        rows={records.rows.filter((row) => row.kind === 'rejected')}
        loaded={records.status === 'loaded'}
        onAnnounce={setAnnouncement}
      />
    </div>
  );
}

interface SetAsideListProps {
  readonly heading: string;
  readonly intro: string;
  readonly empty: string;
  readonly rows: readonly SyncRecordRow[];
  /** The list was answered at least once: an empty list then says so. */
  readonly loaded: boolean;
  readonly onAnnounce: (message: string) => void;
}

function SetAsideList({ heading, intro, empty, rows, loaded, onAnnounce }: SetAsideListProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const dismiss = useSyncStore((state) => state.dismiss);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const panelRef = useRef<HTMLDivElement>(null);

  const onDismiss = (row: SyncRecordRow, index: number): void => {
    if (busy !== null) return;
    // Chosen before the row goes: the next one takes its place, else the one before.
    const neighbour = rows[index + 1] ?? rows[index - 1];
    setBusy(row.id);
    setFailure(null);
    void dismiss(row.id).then((result) => {
      setBusy(null);
      if (!result.ok) {
        setFailure(t('sync.setAside.dismissFailed', { message: failureText(result.error, t) }));
        return;
      }
      onAnnounce(t('sync.setAside.dismissed', { collection: collectionLabel(row.collection, t), id: row.documentId }));
      const next = neighbour === undefined ? undefined : buttons.current.get(neighbour.id);
      (next ?? panelRef.current)?.focus();
    });
  };

  return (
    <Panel heading={heading}>
      <div ref={panelRef} tabIndex={-1}>
        <p>{intro}</p>
        {failure === null ? null : (
          <p className="form-failure" role="alert">
            {failure}
          </p>
        )}
        {rows.length === 0 ? (
          loaded ? (
            <p className="muted">{empty}</p>
          ) : null
        ) : (
          <div className="sync-table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('sync.setAside.reason')}</th>
                  <th scope="col">{t('sync.setAside.collection')}</th>
                  <th scope="col">{t('sync.setAside.record')}</th>
                  <th scope="col">{t('sync.setAside.when')}</th>
                  <th scope="col">{t('sync.setAside.document')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('sync.setAside.dismiss')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => {
                  const collection = collectionLabel(row.collection, t);
                  return (
                    <tr key={row.id}>
                      <td className="sync-value">{row.reason}</td>
                      <td>{collection}</td>
                      <th scope="row">
                        <code>{row.documentId}</code>
                      </th>
                      <td>{formatDateTime(row.detectedAt, language)}</td>
                      <td>
                        <details>
                          <summary>{t('sync.setAside.showDocument')}</summary>
                          <pre className="sync-document">{documentText(row.detail)}</pre>
                        </details>
                      </td>
                      <td>
                        <button
                          ref={(element) => {
                            if (element === null) buttons.current.delete(row.id);
                            else buttons.current.set(row.id, element);
                          }}
                          type="button"
                          className="button"
                          aria-disabled={busy !== null}
                          aria-label={t('sync.setAside.dismissLabel', { collection, id: row.documentId })}
                          onClick={() => {
                            onDismiss(row, index);
                          }}
                        >
                          {t('sync.setAside.dismiss')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Panel>
  );
}

/** The evidence as indented JSON text (a cut one, which the core keeps as text, as it is). */
function documentText(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  return detail === undefined ? '' : JSON.stringify(detail, null, 2);
}
