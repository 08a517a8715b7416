import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useDocumentStore } from '../../stores/use-document-store';
import { useDocumentsStore } from '../../stores/use-documents-store';
import { useUploadStore } from '../../stores/use-upload-store';
import type { DocumentTarget } from './document-detail-pane';
import { DocumentList } from './document-list';
import { DocumentPaneView } from './document-pane';
import { DropZone } from './drop-zone';
import { FilePickerButton } from './file-picker-button';
import { LibraryFilters } from './library-filters';
import { LibraryFooter } from './library-footer';
import { LibrarySearchBox } from './library-search-box';
import { LibraryStatus } from './library-status';
import { UploadPanel } from './upload-panel';
import { useLibraryShortcuts } from './use-library-shortcuts';
import './documents.css';

/**
 * The documents library: add files (button or drop, several at once, sent one after another), search inside them,
 * filter and sort the list, and open a document beside the list to read its description and versions, preview a
 * PDF, open or save a file, edit, add a version, delete or restore. The list, the open document and the storage
 * figures follow `documents.changed` while the screen is on; uploads carry on when it is not.
 */
export function DocumentsScreen() {
  const { t } = useTranslation();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const focusListNext = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  const [deleteTarget, setDeleteTarget] = useState<DocumentTarget | null>(null);
  const pane = useDocumentStore((state) => state.pane);
  const show = useDocumentStore((state) => state.show);
  const busy = useDocumentStore((state) => state.busy);
  const addFiles = useUploadStore((state) => state.add);
  const empty = useDocumentsStore(
    (state) => state.list.total === 0 && Object.keys(state.filter).length === 0 && state.query.trim() === '',
  );

  useEffect(() => {
    const documents = useDocumentsStore.getState();
    void documents.load();
    const stopList = documents.follow();
    const stopDetail = useDocumentStore.getState().follow();
    // Country and organisation names for the filters and the description form come from the directory.
    const directory = useDirectoryStore.getState();
    if (directory.countries.status !== 'loaded') void directory.loadCountries();
    if (directory.organisations.status !== 'loaded') void directory.loadOrganisations();
    return () => {
      stopDetail();
      stopList();
    };
  }, []);

  useEffect(() => {
    if (!focusListNext.current) return;
    focusListNext.current = false;
    listRef.current?.focus();
  });

  useLibraryShortcuts(searchRef);

  const restore = async (target: DocumentTarget): Promise<void> => {
    const result = await useDocumentStore.getState().restore(target.id);
    setAnnouncement(
      result.ok ? t('documents.detail.restored', { title: target.title }) : t('documents.detail.actionFailed', { message: result.error.message }),
    );
  };
  const confirmDelete = async (): Promise<void> => {
    if (deleteTarget === null) return;
    const result = await useDocumentStore.getState().remove(deleteTarget.id);
    setAnnouncement(
      result.ok
        ? t('documents.detail.deleted', { title: deleteTarget.title })
        : t('documents.detail.actionFailed', { message: result.error.message }),
    );
    setDeleteTarget(null);
  };

  return (
    <Screen title={t('sections.documents')} wide>
      <DropZone onFiles={addFiles}>
        <div className="toolbar" role="toolbar" aria-label={t('documents.toolbar.label')}>
          <FilePickerButton label={t('documents.toolbar.addFiles')} multiple primary onFiles={addFiles} />
          <span className="muted">{t('documents.toolbar.dropHint')}</span>
        </div>
        <p className="status-line" role="status">
          {announcement}
        </p>
        <UploadPanel
          onAdded={(detail, newVersion) => {
            setAnnouncement(
              newVersion
                ? t('documents.upload.addedVersion', { title: detail.document.title })
                : t('documents.upload.added', { title: detail.document.title }),
            );
          }}
        />
        {empty ? <EmptyState title={t('documents.emptyTitle')} body={t('documents.emptyBody')} /> : null}
        <LibrarySearchBox
          inputRef={searchRef}
          onArrowDown={() => {
            listRef.current?.focus();
          }}
        />
        <LibraryFilters />
        <div className="contacts__body">
          <div className="documents__list">
            <LibraryStatus />
            <DocumentList
              listRef={listRef}
              onOpen={(row) => {
                show({ mode: 'detail', id: row.id });
              }}
            />
            <p className="muted contacts__keys">{t('documents.list.keysHint')}</p>
            <LibraryFooter />
          </div>
          <div className="contacts__pane">
            <DocumentPaneView
              pane={pane}
              onEdit={(id) => {
                show({ mode: 'edit', id });
              }}
              onDelete={setDeleteTarget}
              onRestore={(target) => {
                void restore(target);
              }}
              onSaved={(detail) => {
                setAnnouncement(t('documents.form.saved'));
                show({ mode: 'detail', id: detail.document.id });
              }}
              onClose={(editedId) => {
                if (editedId !== null) {
                  show({ mode: 'detail', id: editedId });
                  return;
                }
                focusListNext.current = true;
                show({ mode: 'none' });
              }}
            />
          </div>
        </div>
      </DropZone>
      {deleteTarget === null ? null : (
        <ConfirmDialog
          title={t('documents.delete.title')}
          message={t('documents.delete.message', { title: deleteTarget.title })}
          confirmLabel={t('documents.delete.confirm')}
          cancelLabel={t('documents.delete.cancel')}
          busy={busy}
          returnFocusTo={listRef}
          onConfirm={() => {
            void confirmDelete();
          }}
          onCancel={() => {
            setDeleteTarget(null);
          }}
        />
      )}
    </Screen>
  );
}
