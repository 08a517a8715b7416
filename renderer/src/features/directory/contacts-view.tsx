import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail, ContactFilter } from '../../../../shared/api/directory';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useConnectionStore } from '../../stores/use-connection-store';
import { useContactListStore } from '../../stores/use-contact-list-store';
import { useContactStore } from '../../stores/use-contact-store';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import type { DeleteTarget } from './contact-detail-pane';
import { ContactFilters } from './contact-filters';
import { ContactList } from './contact-list';
import { ContactListStatus } from './contact-list-status';
import { ContactPane } from './contact-pane';
import { ExportButton } from './export-button';
import { SearchBox } from './search-box';
import { useContactShortcuts } from './use-contact-shortcuts';

/**
 * The Contacts view: search and filters over a live, virtualised list, and a pane with the open contact's detail or
 * its edit form. The live list runs while this view is on screen and ends when it leaves.
 */
export function ContactsView() {
  const { t } = useTranslation();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const focusListNext = useRef(false);
  const [deleteTarget, setDeleteTarget] = useState<DeleteTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const filter = useContactListStore((state) => state.filter);
  const setFilter = useContactListStore((state) => state.setFilter);
  const pane = useDirectoryViewStore((state) => state.contactPane);
  const showContact = useDirectoryViewStore((state) => state.showContact);
  const setImporting = useDirectoryViewStore((state) => state.setImporting);
  const openCountry = useDirectoryViewStore((state) => state.openCountry);
  const openOrganisation = useDirectoryViewStore((state) => state.openOrganisation);
  const busy = useContactStore((state) => state.busy);

  useEffect(() => {
    const list = useContactListStore.getState();
    const stopWindows = list.follow();
    const stopContact = useContactStore.getState().follow();
    list.start();
    // A link that comes back may have lost the core's side of the live list: start it again.
    const stopReconnect = useConnectionStore.subscribe((current, previous) => {
      const wasLost = previous.status.state === 'reconnecting' || previous.status.state === 'offline';
      if (current.status.state === 'connected' && wasLost) useContactListStore.getState().start();
    });
    return () => {
      stopReconnect();
      useContactListStore.getState().stop();
      stopContact();
      stopWindows();
    };
  }, []);

  useEffect(() => {
    if (!focusListNext.current) return;
    focusListNext.current = false;
    listRef.current?.focus();
  });

  const editing = pane.mode === 'edit' || pane.mode === 'create';
  const newContact = (): void => {
    showContact({ mode: 'create' });
  };
  useContactShortcuts({ searchRef, onNew: editing ? null : newContact });

  const changeFilter = (next: ContactFilter): void => {
    setFilter(next);
  };
  const restore = async (target: DeleteTarget): Promise<void> => {
    const result = await useContactStore.getState().restore(target.id);
    setAnnouncement(
      result.ok
        ? t('directory.detail.restored', { name: target.name })
        : t('directory.detail.actionFailed', { message: result.error.message }),
    );
  };
  const confirmDelete = async (): Promise<void> => {
    if (deleteTarget === null) return;
    const result = await useContactStore.getState().remove(deleteTarget.id);
    setAnnouncement(
      result.ok
        ? t('directory.detail.deleted', { name: deleteTarget.name })
        : t('directory.detail.actionFailed', { message: result.error.message }),
    );
    if (result.ok) showContact({ mode: 'detail', id: deleteTarget.id });
    setDeleteTarget(null);
  };

  return (
    <div className="contacts">
      <div className="toolbar" role="toolbar" aria-label={t('directory.toolbar.label')}>
        <button type="button" className="button button--primary" aria-keyshortcuts="Control+N Meta+N" disabled={editing} onClick={newContact}>
          {t('directory.toolbar.newContact')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setImporting(true);
          }}
        >
          {t('directory.toolbar.import')}
        </button>
        <ExportButton announce={setAnnouncement} />
      </div>
      <p className="status-line" role="status">
        {announcement}
      </p>
      <SearchBox
        value={filter.search ?? ''}
        inputRef={searchRef}
        onSearch={(text) => {
          const next: ContactFilter = { ...useContactListStore.getState().filter };
          if (text.trim() === '') delete next.search;
          else next.search = text;
          changeFilter(next);
        }}
        onArrowDown={() => {
          listRef.current?.focus();
        }}
        onOpenHit={(hit) => {
          if (hit.kind === 'contact') showContact({ mode: 'detail', id: hit.id });
          else if (hit.kind === 'country') openCountry(hit.id);
          else openOrganisation(hit.id);
        }}
      />
      <ContactFilters filter={filter} onChange={changeFilter} />
      <div className="contacts__body">
        <div className="contacts__list">
          <ContactListStatus />
          <ContactList
            listRef={listRef}
            onOpen={(row) => {
              showContact({ mode: 'detail', id: row.id });
            }}
            onEdit={(row) => {
              showContact({ mode: 'edit', id: row.id });
            }}
            onDelete={(row) => {
              setDeleteTarget({ id: row.id, name: row.displayName });
            }}
          />
          <p className="muted contacts__keys">{t('directory.list.keysHint')}</p>
        </div>
        <div className="contacts__pane">
          <ContactPane
            pane={pane}
            onEdit={(id) => {
              showContact({ mode: 'edit', id });
            }}
            onDelete={setDeleteTarget}
            onRestore={(target) => {
              void restore(target);
            }}
            onSaved={(contact: ContactDetail) => {
              setAnnouncement(t('directory.form.saved'));
              showContact({ mode: 'detail', id: contact.id });
            }}
            onClose={(editedId) => {
              if (editedId !== null) {
                showContact({ mode: 'detail', id: editedId });
                return;
              }
              focusListNext.current = true;
              showContact({ mode: 'none' });
            }}
          />
        </div>
      </div>
      {deleteTarget === null ? null : (
        <ConfirmDialog
          title={t('directory.deleteContact.title')}
          message={t('directory.deleteContact.message', { name: deleteTarget.name })}
          confirmLabel={t('directory.deleteContact.confirm')}
          cancelLabel={t('directory.deleteContact.cancel')}
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
    </div>
  );
}
