import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import { useOrganisationStore } from '../../stores/use-organisation-store';
import { OrganisationPane } from './organisation-pane';
import { OrganisationTree } from './organisation-tree';
import { isNewShortcut, modalOpen } from './shortcut-keys';

interface Target {
  readonly id: string;
  readonly name: string;
}

/**
 * The Organisations view: every organisation as a tree grouped by country, and a pane with the selected one's
 * details or its form. Ctrl+N creates one; deleted ones show only on request.
 */
export function OrganisationsView() {
  const { t } = useTranslation();
  const organisations = useDirectoryStore((state) => state.organisations);
  const loadOrganisations = useDirectoryStore((state) => state.loadOrganisations);
  const pane = useDirectoryViewStore((state) => state.organisationPane);
  const show = useDirectoryViewStore((state) => state.showOrganisation);
  const busy = useOrganisationStore((state) => state.busy);
  const [showDeleted, setShowDeleted] = useState(false);
  const [active, setActive] = useState<string | null>(pane.mode === 'detail' || pane.mode === 'edit' ? pane.id : null);
  const [deleteTarget, setDeleteTarget] = useState<Target | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const treeRef = useRef<HTMLDivElement>(null);
  const editing = pane.mode === 'edit' || pane.mode === 'create';

  useEffect(() => useOrganisationStore.getState().follow(), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || modalOpen() || editing || !isNewShortcut(event)) return;
      event.preventDefault();
      show({ mode: 'create', parentId: '', countryId: '' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [editing, show]);

  const confirmDelete = async (): Promise<void> => {
    if (deleteTarget === null) return;
    const result = await useOrganisationStore.getState().remove(deleteTarget.id);
    setAnnouncement(
      result.ok
        ? t('directory.organisations.deleted', { name: deleteTarget.name })
        : t('directory.organisations.actionFailed', { message: result.error.message }),
    );
    if (result.ok) show({ mode: 'detail', id: deleteTarget.id });
    setDeleteTarget(null);
  };
  const restore = async (target: Target): Promise<void> => {
    const result = await useOrganisationStore.getState().restore(target.id);
    setAnnouncement(
      result.ok
        ? t('directory.organisations.restored', { name: target.name })
        : t('directory.organisations.actionFailed', { message: result.error.message }),
    );
  };

  let tree;
  if (organisations.status === 'error') {
    tree = (
      <ErrorNotice
        title={t('directory.organisations.failed')}
        message={organisations.error.message}
        retryLabel={t('directory.organisations.retry')}
        onRetry={() => {
          void loadOrganisations();
        }}
      />
    );
  } else if (organisations.status !== 'loaded') {
    tree = (
      <p className="muted" role="status">
        {t('directory.organisations.loading')}
      </p>
    );
  } else {
    const rows = showDeleted ? organisations.items : organisations.items.filter((row) => !row.deleted);
    tree =
      rows.length === 0 ? (
        <p className="muted">{t('directory.organisations.empty')}</p>
      ) : (
        <OrganisationTree
          rows={rows}
          activeId={active}
          onActiveChange={setActive}
          onOpen={(id) => {
            show({ mode: 'detail', id });
          }}
          onEdit={(id) => {
            show({ mode: 'edit', id });
          }}
          onDelete={(row) => {
            setDeleteTarget({ id: row.id, name: row.name });
          }}
        />
      );
  }

  return (
    <div className="organisations">
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          aria-keyshortcuts="Control+N Meta+N"
          disabled={editing}
          onClick={() => {
            show({ mode: 'create', parentId: '', countryId: '' });
          }}
        >
          {t('directory.organisations.new')}
        </button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showDeleted}
            onChange={(event) => {
              setShowDeleted(event.target.checked);
            }}
          />
          {t('directory.organisations.showDeleted')}
        </label>
      </div>
      <p className="status-line" role="status">
        {announcement}
      </p>
      <div className="contacts__body">
        <div className="organisations__tree" ref={treeRef} tabIndex={-1}>
          <p className="muted">{t('directory.organisations.treeHint')}</p>
          {tree}
        </div>
        <div className="contacts__pane">
          <OrganisationPane
            pane={pane}
            onShow={show}
            onDelete={(organisation) => {
              setDeleteTarget({ id: organisation.id, name: organisation.name });
            }}
            onRestore={(organisation) => {
              void restore({ id: organisation.id, name: organisation.name });
            }}
            onSaved={(organisation) => {
              setActive(organisation.id);
              show({ mode: 'detail', id: organisation.id });
            }}
          />
        </div>
      </div>
      {deleteTarget === null ? null : (
        <ConfirmDialog
          title={t('directory.deleteOrganisation.title')}
          message={t('directory.deleteOrganisation.message', { name: deleteTarget.name })}
          confirmLabel={t('directory.deleteOrganisation.confirm')}
          cancelLabel={t('directory.deleteOrganisation.cancel')}
          busy={busy}
          returnFocusTo={treeRef}
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
