import type { ReactNode } from 'react';

/** The words on a record's actions, in the user's language. */
export interface RecordActionLabels {
  readonly edit: string;
  readonly delete: string;
  readonly restore: string;
  readonly close: string;
}

export interface RecordActionsProps {
  /** A deleted record offers Restore instead of Edit, Delete and the extra actions. */
  readonly deleted: boolean;
  /** While a delete or restore runs, Delete and Restore wait. */
  readonly busy: boolean;
  readonly labels: RecordActionLabels;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  readonly onRestore: () => void;
  readonly onClose: () => void;
  /** Further actions on a record that is not deleted, between Edit and Delete. */
  readonly children?: ReactNode;
}

/**
 * The actions of an open record (a contact, a document): Edit (E), anything the record adds, Delete (Delete), or
 * Restore once deleted; then Close (Escape). The keys are announced here; the pane that holds the record answers
 * them.
 */
export function RecordActions({ deleted, busy, labels, onEdit, onDelete, onRestore, onClose, children }: RecordActionsProps) {
  return (
    <div className="detail__actions">
      {deleted ? (
        <button type="button" className="button button--primary" disabled={busy} onClick={onRestore}>
          {labels.restore}
        </button>
      ) : (
        <>
          <button type="button" className="button button--primary" aria-keyshortcuts="E" onClick={onEdit}>
            {labels.edit}
          </button>
          {children}
          <button type="button" className="button" aria-keyshortcuts="Delete" disabled={busy} onClick={onDelete}>
            {labels.delete}
          </button>
        </>
      )}
      <button type="button" className="button" aria-keyshortcuts="Escape" onClick={onClose}>
        {labels.close}
      </button>
    </div>
  );
}
