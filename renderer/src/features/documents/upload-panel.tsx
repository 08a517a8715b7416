import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/api/documents';
import { settledStatuses, useUploadStore } from '../../stores/use-upload-store';
import { UploadItemView } from './upload-item-view';

export interface UploadPanelProps {
  /** A file became a document or a version: the screen says so. */
  readonly onAdded: (detail: DocumentDetail, newVersion: boolean) => void;
}

/**
 * The files being added, in the order they came: each with its progress, question or error. Finished files are
 * described one at a time (the first one waiting gets the form), while the next ones keep uploading.
 */
export function UploadPanel({ onAdded }: UploadPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const items = useUploadStore((state) => state.items);
  const dismissSettled = useUploadStore((state) => state.dismissSettled);
  if (items.length === 0) return null;
  const describing = items.find((item) => item.status === 'ready' || item.status === 'saving')?.key;
  const sending = items.filter((item) => item.status === 'queued' || item.status === 'sending').length;

  return (
    <section className="upload-panel" aria-labelledby={headingId}>
      <div className="upload-panel__header">
        <h2 className="upload-panel__title" id={headingId}>
          {t('documents.upload.heading')}
        </h2>
        <span className="muted" role="status">
          {sending === 0 ? '' : t('documents.upload.sending', { count: sending })}
        </span>
        <button type="button" className="button" disabled={!items.some((item) => settledStatuses.has(item.status))} onClick={dismissSettled}>
          {t('documents.upload.clearFinished')}
        </button>
      </div>
      <ul className="plain-list upload-panel__items">
        {items.map((item) => (
          <UploadItemView
            key={item.key}
            item={item}
            describing={item.key === describing}
            onAdded={(detail) => {
              onAdded(detail, item.target.kind === 'version');
            }}
          />
        ))}
      </ul>
    </section>
  );
}
