import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { RecordActions } from '../../components/record-actions';
import { useContactStore } from '../../stores/use-contact-store';
import { ContactDetailView } from './contact-detail-view';
import { RoleBadges } from './role-badges';

/** A contact a delete is asked for. */
export interface DeleteTarget {
  readonly id: string;
  readonly name: string;
}

export interface ContactDetailPaneProps {
  readonly id: string;
  readonly onEdit: (id: string) => void;
  readonly onDelete: (target: DeleteTarget) => void;
  readonly onRestore: (target: DeleteTarget) => void;
  /** Escape or "Close": back to the list. */
  readonly onClose: () => void;
}

/**
 * The open contact: heading, badges, details, and Edit / Delete (or Restore, once deleted). Its heading takes focus
 * when another contact opens, so a screen reader announces it; E edits and Delete deletes from anywhere inside.
 */
export function ContactDetailPane({ id, onEdit, onDelete, onRestore, onClose }: ContactDetailPaneProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const open = useContactStore((state) => state.open);
  const busy = useContactStore((state) => state.busy);
  const load = useContactStore((state) => state.load);

  useEffect(() => {
    void load(id);
  }, [id, load]);

  const contact = open.status === 'loaded' && open.contact.id === id ? open.contact : null;
  const shownId = contact?.id;
  useEffect(() => {
    if (shownId !== undefined) headingRef.current?.focus();
  }, [shownId]);


  if (contact === null) {
    if (open.status === 'error' && open.id === id) {
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

  const deleted = contact.deletedAt !== null;
  const target = { id: contact.id, name: contact.displayName };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') onClose();
    else if (event.key === 'e' || event.key === 'E') onEdit(contact.id);
    else if (event.key === 'Delete' && !deleted) onDelete(target);
    else return;
    event.preventDefault();
  };
  return (
    <section className="detail" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="detail__header">
        <h2 className="detail__title" id={headingId} ref={headingRef} tabIndex={-1}>
          {contact.displayName}
        </h2>
        <RoleBadges roles={[]} demo={contact.demo} deleted={deleted} />
      </div>
      {contact.demo ? <p className="notice">{t('directory.detail.demoNotice')}</p> : null}
      {deleted ? <p className="notice notice--warning">{t('directory.detail.deletedNotice')}</p> : null}
      <RecordActions
        deleted={deleted}
        busy={busy}
        labels={{
          edit: t('directory.detail.edit'),
          delete: t('directory.detail.delete'),
          restore: t('directory.detail.restore'),
          close: t('directory.detail.close'),
        }}
        onEdit={() => {
          onEdit(contact.id);
        }}
        onDelete={() => {
          onDelete(target);
        }}
        onRestore={() => {
          onRestore(target);
        }}
        onClose={onClose}
      />
      <ContactDetailView contact={contact} />
    </section>
  );
}
