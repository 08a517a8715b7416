import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, DocumentVersionView } from '../../../../shared/api/documents';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { useDocumentStore } from '../../stores/use-document-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { AvailabilityBadge, TextStateBadge } from './document-badges';
import { isPdf } from './document-format';
import { fileTypeLabel } from './file-type-label';
import { downloadBlob, readVersionFile } from './read-version-file';
import { textStateMessage } from './text-state';

export interface VersionListProps {
  readonly detail: DocumentDetail;
  readonly onPreview: (version: DocumentVersionView) => void;
  /** Says how an action went, in the pane's status line. */
  readonly announce: (message: string) => void;
}

/**
 * The document's file versions, newest first: number, file name, type and size, who added it and when, its note,
 * whether the file is on this device and its text's state. Each offers Preview (PDFs), Open with the system's
 * application, Save a copy, and Retry text extraction when extraction failed.
 */
export function VersionList({ detail, onPreview, announce }: VersionListProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const busy = useDocumentStore((state) => state.busy);
  const progress = useDocumentStore((state) => state.textProgress);
  const retryText = useDocumentStore((state) => state.retryText);
  const openFile = useDocumentStore((state) => state.openFile);
  const [saving, setSaving] = useState<{ readonly version: number; readonly read: number; readonly total: number } | null>(null);
  const id = detail.document.id;
  const bytes = (value: number): string => formatBytes(value, language);

  const saveCopy = async (version: DocumentVersionView): Promise<void> => {
    setSaving({ version: version.number, read: 0, total: version.size });
    const read = await readVersionFile(id, version.number, (readBytes, total) => {
      setSaving({ version: version.number, read: readBytes, total });
    });
    setSaving(null);
    if (!read.ok) {
      announce(t('documents.versions.saveFailed', { name: version.fileName, message: read.error.message }));
      return;
    }
    downloadBlob(new Blob([...read.value.parts], { type: read.value.mediaType || version.mediaType }), read.value.fileName || version.fileName);
    announce(t('documents.versions.saved', { name: version.fileName }));
  };

  const open = async (version: DocumentVersionView): Promise<void> => {
    const result = await openFile(id, version.number);
    announce(
      result.ok
        ? t('documents.versions.opened', { name: version.fileName })
        : t('documents.versions.openFailed', { name: version.fileName, message: result.error.message }),
    );
  };

  const retry = async (version: DocumentVersionView): Promise<void> => {
    const result = await retryText(id, version.number);
    announce(
      result.ok
        ? t('documents.versions.retried', { number: version.number, state: textStateMessage(result.value, t) })
        : t('documents.versions.retryFailed', { message: result.error.message }),
    );
  };

  return (
    <ol className="plain-list version-list" aria-label={t('documents.versions.label')}>
      {detail.versions.map((version) => {
        const live = progress[version.number];
        const extracting = live !== undefined && live.state === 'extracting' && version.text.state !== 'extracted';
        const label = t('documents.versions.number', { number: version.number });
        return (
          <li key={version.number} className="version" aria-label={label}>
            <div className="version__header">
              <span className="version__number">{label}</span>
              <span className="version__file">{version.fileName}</span>
            </div>
            <p className="muted version__meta">
              {t('documents.versions.meta', {
                type: fileTypeLabel(version.mediaType, version.fileName, t),
                size: bytes(version.size),
                at: formatDateTime(version.addedAt, language),
                by: version.addedBy === '' ? t('documents.versions.someone') : version.addedBy,
              })}
            </p>
            {version.note === '' ? null : <p className="pre-wrap version__note">{version.note}</p>}
            <div className="badges">
              <AvailabilityBadge available={version.available} />
              <TextStateBadge text={version.text} />
            </div>
            {extracting ? (
              <p className="muted" role="status">
                {t('documents.versions.extracting', { done: live.done, total: live.total })}
              </p>
            ) : null}
            {saving?.version === version.number ? (
              <p className="muted" role="status">
                {t('documents.versions.reading', { read: bytes(saving.read), total: bytes(saving.total) })}
              </p>
            ) : null}
            <div className="detail__actions version__actions">
              {isPdf(version.mediaType) ? (
                <button
                  type="button"
                  className="button"
                  disabled={!version.available}
                  aria-label={t('documents.versions.previewVersion', { number: version.number })}
                  onClick={() => {
                    onPreview(version);
                  }}
                >
                  {t('documents.versions.preview')}
                </button>
              ) : null}
              <button
                type="button"
                className="button"
                disabled={!version.available}
                aria-label={t('documents.versions.openVersion', { number: version.number })}
                onClick={() => {
                  void open(version);
                }}
              >
                {t('documents.versions.open')}
              </button>
              <button
                type="button"
                className="button"
                disabled={!version.available || saving !== null}
                aria-label={t('documents.versions.saveVersion', { number: version.number })}
                onClick={() => {
                  void saveCopy(version);
                }}
              >
                {t('documents.versions.save')}
              </button>
              {version.text.state === 'failed' ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy || !version.available}
                  aria-label={t('documents.versions.retryVersion', { number: version.number })}
                  onClick={() => {
                    void retry(version);
                  }}
                >
                  {t('documents.versions.retry')}
                </button>
              ) : null}
            </div>
            {version.available ? null : <p className="muted">{t('documents.versions.notOnDeviceHelp')}</p>}
          </li>
        );
      })}
    </ol>
  );
}
