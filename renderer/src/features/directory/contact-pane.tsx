import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../../shared/api/directory';
import { ErrorNotice } from '../../components/error-notice';
import { useContactStore } from '../../stores/use-contact-store';
import type { ContactPane as Pane } from '../../stores/use-directory-view-store';
import { ContactDetailPane, type DeleteTarget } from './contact-detail-pane';
import { ContactForm } from './contact-form';

export interface ContactPaneProps {
  readonly pane: Pane;
  readonly onEdit: (id: string) => void;
  readonly onDelete: (target: DeleteTarget) => void;
  readonly onRestore: (target: DeleteTarget) => void;
  readonly onSaved: (contact: ContactDetail) => void;
  /** Leaves the detail or the form; `editedId` is the contact a cancelled edit was about. */
  readonly onClose: (editedId: string | null) => void;
}

/** The pane beside the list: a hint, a contact's detail, or the form that edits or creates one. */
export function ContactPane({ pane, onEdit, onDelete, onRestore, onSaved, onClose }: ContactPaneProps) {
  const { t } = useTranslation();
  switch (pane.mode) {
    case 'none':
      return <p className="muted pane__hint">{t('directory.detail.nothingOpen')}</p>;
    case 'detail':
      return (
        <ContactDetailPane
          id={pane.id}
          onEdit={onEdit}
          onDelete={onDelete}
          onRestore={onRestore}
          onClose={() => {
            onClose(null);
          }}
        />
      );
    case 'create':
      return (
        <ContactForm
          contact={null}
          onSaved={onSaved}
          onCancel={() => {
            onClose(null);
          }}
        />
      );
    case 'edit':
      return <EditContact id={pane.id} onSaved={onSaved} onClose={onClose} />;
  }
}

/** The edit form, once the contact it edits is loaded (the form takes its starting values once, on opening). */
function EditContact({ id, onSaved, onClose }: { id: string; onSaved: (contact: ContactDetail) => void; onClose: (editedId: string | null) => void }) {
  const { t } = useTranslation();
  const open = useContactStore((state) => state.open);
  const load = useContactStore((state) => state.load);
  const loaded = open.status === 'loaded' && open.contact.id === id ? open.contact : null;

  useEffect(() => {
    if (loaded === null) void load(id);
  }, [id, loaded, load]);

  if (loaded !== null) {
    return (
      <ContactForm
        key={id}
        contact={loaded}
        onSaved={onSaved}
        onCancel={() => {
          onClose(id);
        }}
      />
    );
  }
  if (open.status === 'error') {
    return (
      <ErrorNotice
        title={t('directory.detail.failed')}
        message={open.error.message}
        retryLabel={t('directory.list.retry')}
        onRetry={() => {
          void load(id);
        }}
      />
    );
  }
  return (
    <p className="muted" role="status">
      {t('directory.detail.loading')}
    </p>
  );
}
