import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/api/documents';
import { useDocumentStore, type DocumentPane } from '../../stores/use-document-store';
import { DocumentDetailPane, type DocumentTarget } from './document-detail-pane';
import { DocumentEditForm } from './document-edit-form';

export interface DocumentPaneViewProps {
  readonly pane: DocumentPane;
  readonly onEdit: (id: string) => void;
  readonly onDelete: (target: DocumentTarget) => void;
  readonly onRestore: (target: DocumentTarget) => void;
  readonly onSaved: (detail: DocumentDetail) => void;
  /** Back from the pane: to the detail after an edit, or to the list. */
  readonly onClose: (editedId: string | null) => void;
}

/** The pane beside the library: a hint, the open document's detail, or its edit form. */
export function DocumentPaneView({ pane, onEdit, onDelete, onRestore, onSaved, onClose }: DocumentPaneViewProps) {
  const { t } = useTranslation();
  const open = useDocumentStore((state) => state.open);
  const load = useDocumentStore((state) => state.load);
  const editId = pane.mode === 'edit' ? pane.id : null;

  useEffect(() => {
    if (editId !== null) void load(editId);
  }, [editId, load]);

  if (pane.mode === 'none') return <p className="muted pane__hint">{t('documents.detail.hint')}</p>;
  if (pane.mode === 'detail') {
    return (
      <DocumentDetailPane
        id={pane.id}
        onEdit={onEdit}
        onDelete={onDelete}
        onRestore={onRestore}
        onClose={() => {
          onClose(null);
        }}
      />
    );
  }
  if (open.status !== 'loaded' || open.detail.document.id !== pane.id) {
    return (
      <p className="muted" role="status">
        {t('documents.detail.loading')}
      </p>
    );
  }
  return (
    <DocumentEditForm
      key={pane.id}
      detail={open.detail}
      onSaved={onSaved}
      onCancel={() => {
        onClose(pane.id);
      }}
    />
  );
}
