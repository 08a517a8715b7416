import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersionView } from '../../../../shared/api/documents';
import { Badge } from '../../components/badge';
import { ErrorNotice } from '../../components/error-notice';
import { RecordActions } from '../../components/record-actions';
import { useDocumentStore } from '../../stores/use-document-store';
import { useUploadStore } from '../../stores/use-upload-store';
import { DocumentDetailView } from './document-detail-view';
import { FilePickerButton } from './file-picker-button';
import { PdfPreviewDialog } from './pdf-preview-dialog';
import { PreviewSection } from './preview-section';
import { VersionList } from './version-list';

/** A document a delete is asked for. */
export interface DocumentTarget {
  readonly id: string;
  readonly title: string;
}

export interface DocumentDetailPaneProps {
  readonly id: string;
  readonly onEdit: (id: string) => void;
  readonly onDelete: (target: DocumentTarget) => void;
  readonly onRestore: (target: DocumentTarget) => void;
  /** Escape or "Close": back to the list. */
  readonly onClose: () => void;
}

/**
 * The open document: heading and badges, actions (Edit, Add a new version, Delete or Restore, Close), its description,
 * the latest version's preview and every version with its own actions. The heading takes focus when another document
 * opens, so a screen reader announces it; E edits, Delete deletes and Escape closes from anywhere inside.
 */
export function DocumentDetailPane({ id, onEdit, onDelete, onRestore, onClose }: DocumentDetailPaneProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const open = useDocumentStore((state) => state.open);
  const busy = useDocumentStore((state) => state.busy);
  const load = useDocumentStore((state) => state.load);
  const addFiles = useUploadStore((state) => state.add);
  const [previewing, setPreviewing] = useState<DocumentVersionView | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    void load(id);
  }, [id, load]);

  const detail = open.status === 'loaded' && open.detail.document.id === id ? open.detail : null;
  const shownId = detail?.document.id;
  useEffect(() => {
    if (shownId !== undefined) headingRef.current?.focus();
  }, [shownId]);

  if (detail === null) {
    if (open.status === 'error' && open.id === id) {
      return (
        <ErrorNotice
          title={t('documents.detail.failed')}
          message={open.error.message}
          retryLabel={t('documents.list.retry')}
          onRetry={() => {
            void load(id);
          }}
        />
      );
    }
    return (
      <p className="muted" role="status">
        {t('documents.detail.loading')}
      </p>
    );
  }

  const { document } = detail;
  const deleted = document.deletedAt !== null;
  const target = { id: document.id, title: document.title };
  const latest = detail.versions[0];
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    if (event.key === 'Escape') onClose();
    else if ((event.key === 'e' || event.key === 'E') && !deleted) onEdit(document.id);
    else if (event.key === 'Delete' && !deleted) onDelete(target);
    else return;
    event.preventDefault();
  };

  return (
    <section className="detail" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="detail__header">
        <h2 className="detail__title" id={headingId} ref={headingRef} tabIndex={-1}>
          {document.title}
        </h2>
        <span className="badges">
          <Badge label={t(`documents.kinds.${document.kind}`)} tone="role" />
          {document.demo ? <Badge label={t('documents.row.demo')} tone="demo" /> : null}
          {deleted ? <Badge label={t('documents.row.deleted')} tone="deleted" /> : null}
        </span>
      </div>
      {document.demo ? <p className="notice">{t('documents.detail.demoNotice')}</p> : null}
      {deleted ? <p className="notice notice--warning">{t('documents.detail.deletedNotice')}</p> : null}
      <RecordActions
        deleted={deleted}
        busy={busy}
        labels={{
          edit: t('documents.detail.edit'),
          delete: t('documents.detail.delete'),
          restore: t('documents.detail.restore'),
          close: t('documents.detail.close'),
        }}
        onEdit={() => {
          onEdit(document.id);
        }}
        onDelete={() => {
          onDelete(target);
        }}
        onRestore={() => {
          onRestore(target);
        }}
        onClose={onClose}
      >
        <FilePickerButton
          label={t('documents.detail.addVersion')}
          multiple={false}
          onFiles={(files) => {
            addFiles(files.slice(0, 1), { kind: 'version', documentId: document.id, title: document.title });
            setAnnouncement(t('documents.detail.versionQueued'));
          }}
        />
      </RecordActions>
      <p className="status-line" role="status">
        {announcement}
      </p>
      <DocumentDetailView detail={detail} />
      {latest === undefined ? null : <PreviewSection version={latest} onPreview={setPreviewing} />}
      <h3 className="document-section-title">{t('documents.versions.heading', { count: detail.versions.length })}</h3>
      <VersionList detail={detail} onPreview={setPreviewing} announce={setAnnouncement} />
      {previewing === null ? null : (
        <PdfPreviewDialog
          documentId={document.id}
          title={document.title}
          version={previewing}
          onClose={() => {
            setPreviewing(null);
          }}
        />
      )}
    </section>
  );
}
