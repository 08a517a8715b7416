import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRecordRow } from '../../../../shared/api/sync';
import { ErrorNotice } from '../../components/error-notice';
import { formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/i18n';
import { useSettingsStore } from '../../stores/use-settings-store';
import { useSyncStore } from '../../stores/use-sync-store';
import { conflictFieldsOf, fieldLabel } from './conflict-detail';
import { ConflictEditor } from './conflict-editor';
import { collectionLabel } from './sync-words';

/**
 * The conflicts waiting for a choice, latest first (collection, record, when, fields), and the one opened for review.
 * Closing a conflict puts focus back on its Review button, or on the heading once it is resolved (the save is
 * announced).
 */
export function ConflictsView() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const records = useSyncStore((state) => state.records);
  const open = useSyncStore((state) => state.openConflict);
  const openConflict = useSyncStore((state) => state.openConflictView);
  const loadRecords = useSyncStore((state) => state.loadRecords);
  const [announcement, setAnnouncement] = useState('');
  // Counts closings: a save may close the conflict in the store before the view asks to, so `open` alone may not change.
  const [closings, setClosings] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reviewRefs = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterClose = useRef<string | null>(null);
  const conflicts = records.rows.filter((row) => row.kind === 'conflict');
  const opened = open === null ? undefined : conflicts.find((row) => row.id === open);

  useEffect(() => {
    if (open !== null || focusAfterClose.current === null) return;
    const target = reviewRefs.current.get(focusAfterClose.current) ?? headingRef.current;
    focusAfterClose.current = null;
    target?.focus();
  }, [open, closings]);

  const close = (id: string): void => {
    focusAfterClose.current = id;
    setClosings((count) => count + 1);
    openConflict(null);
  };

  // Outside the list and the editor, so the live region is already on the page when a save is announced.
  const live = (
    <p className="status-line" role="status">
      {announcement}
    </p>
  );

  if (open !== null) {
    if (opened === undefined) {
      return (
        <div>
          {live}
          <p className="sync-problem">{t('sync.editor.gone')}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              close(open);
            }}
          >
            {t('sync.editor.back')}
          </button>
        </div>
      );
    }
    return (
      <div>
        {live}
        <ConflictEditor
          row={opened}
          onBack={() => {
            close(opened.id);
          }}
          onSaved={() => {
            setAnnouncement(t('sync.conflicts.resolved', { collection: collectionLabel(opened.collection, t), id: opened.documentId }));
            close(opened.id);
          }}
        />
      </div>
    );
  }

  return (
    <div>
      {live}
      <h2 ref={headingRef} tabIndex={-1}>
        {t('sync.conflicts.heading')}
      </h2>
      <p>{t('sync.conflicts.intro')}</p>
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
      {conflicts.length === 0 ? (
        records.status === 'loaded' ? (
          <p className="muted">{t('sync.conflicts.empty')}</p>
        ) : null
      ) : (
        <div className="sync-table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('sync.conflicts.collection')}</th>
                <th scope="col">{t('sync.conflicts.record')}</th>
                <th scope="col">{t('sync.conflicts.detected')}</th>
                <th scope="col">{t('sync.conflicts.fields')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('sync.conflicts.review')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((row) => (
                <ConflictRow
                  key={row.id}
                  row={row}
                  language={language}
                  buttonRef={(element) => {
                    if (element === null) reviewRefs.current.delete(row.id);
                    else reviewRefs.current.set(row.id, element);
                  }}
                  onOpen={() => {
                    setAnnouncement('');
                    openConflict(row.id);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

interface ConflictRowProps {
  readonly row: SyncRecordRow;
  readonly language: Language;
  readonly buttonRef: (element: HTMLButtonElement | null) => void;
  readonly onOpen: () => void;
}

function ConflictRow({ row, language, buttonRef, onOpen }: ConflictRowProps) {
  const { t } = useTranslation();
  const fields = conflictFieldsOf(row.detail);
  const collection = collectionLabel(row.collection, t);
  return (
    <tr>
      <td>{collection}</td>
      <th scope="row">
        <code>{row.documentId}</code>
      </th>
      <td>{formatDateTime(row.detectedAt, language)}</td>
      <td>{fields === null ? row.reason : fields.map((field) => fieldLabel(field.field, t)).join(', ')}</td>
      <td>
        <button
          ref={buttonRef}
          type="button"
          className="button"
          aria-label={t('sync.conflicts.reviewLabel', { collection, id: row.documentId })}
          onClick={onOpen}
        >
          {t('sync.conflicts.review')}
        </button>
      </td>
    </tr>
  );
}
