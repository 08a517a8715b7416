import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../shared/api/directory';
import { ErrorNotice } from '../../components/error-notice';
import type { OrganisationPane as Pane } from '../../stores/use-directory-view-store';
import { useOrganisationStore } from '../../stores/use-organisation-store';
import { OrganisationDetailView } from './organisation-detail-view';
import { OrganisationForm } from './organisation-form';

export interface OrganisationPaneProps {
  readonly pane: Pane;
  readonly onShow: (pane: Pane) => void;
  readonly onDelete: (organisation: OrganisationDetail) => void;
  readonly onRestore: (organisation: OrganisationDetail) => void;
  readonly onSaved: (organisation: OrganisationDetail) => void;
}

/** The pane beside the organisation tree: a hint, an organisation's details, or the form that edits or creates one. */
export function OrganisationPane({ pane, onShow, onDelete, onRestore, onSaved }: OrganisationPaneProps) {
  const { t } = useTranslation();
  const open = useOrganisationStore((state) => state.open);
  const busy = useOrganisationStore((state) => state.busy);
  const load = useOrganisationStore((state) => state.load);
  const id = pane.mode === 'detail' || pane.mode === 'edit' ? pane.id : null;
  const loaded = open.status === 'loaded' && open.organisation.id === id ? open.organisation : null;

  useEffect(() => {
    if (id !== null) void load(id);
  }, [id, load]);

  if (pane.mode === 'none') return <p className="muted pane__hint">{t('directory.organisations.nothingOpen')}</p>;
  if (pane.mode === 'create') {
    return (
      <OrganisationForm
        key={`new-${pane.parentId}-${pane.countryId}`}
        organisation={null}
        start={pane}
        onSaved={onSaved}
        onCancel={() => {
          onShow({ mode: 'none' });
        }}
      />
    );
  }
  if (loaded === null) {
    if (open.status === 'error') {
      return (
        <ErrorNotice
          title={t('directory.organisations.failed')}
          message={open.error.message}
          retryLabel={t('directory.organisations.retry')}
          onRetry={() => {
            if (id !== null) void load(id);
          }}
        />
      );
    }
    return (
      <p className="muted" role="status">
        {t('directory.organisations.loading')}
      </p>
    );
  }
  if (pane.mode === 'edit') {
    return (
      <OrganisationForm
        key={loaded.id}
        organisation={loaded}
        onSaved={onSaved}
        onCancel={() => {
          onShow({ mode: 'detail', id: loaded.id });
        }}
      />
    );
  }
  return (
    <OrganisationDetailView
      organisation={loaded}
      busy={busy}
      onEdit={() => {
        onShow({ mode: 'edit', id: loaded.id });
      }}
      onDelete={() => {
        onDelete(loaded);
      }}
      onRestore={() => {
        onRestore(loaded);
      }}
      onNewInside={() => {
        onShow({ mode: 'create', parentId: loaded.id, countryId: loaded.countryId });
      }}
    />
  );
}
