import { useEffect, useId, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRow, DocumentSearchHit } from '../../../../shared/api/documents';
import { useDocumentsStore } from '../../stores/use-documents-store';
import { DocumentRowView } from './document-row-view';

/** One line of what the library shows: a document, and its hit when the library is showing search results. */
export interface LibraryEntry {
  readonly row: DocumentRow;
  readonly hit?: DocumentSearchHit;
}

/** What the library shows now: search hits while there is a query, else the list. */
export function useLibraryEntries(): readonly LibraryEntry[] {
  const searching = useDocumentsStore((state) => state.query.trim() !== '');
  const rows = useDocumentsStore((state) => state.list.rows);
  const hits = useDocumentsStore((state) => state.search.hits);
  return searching ? hits.map((hit) => ({ row: hit.document, hit })) : rows.map((row) => ({ row }));
}

export interface DocumentListProps {
  /** The list element, which holds focus while the arrow keys move the selection. */
  readonly listRef: RefObject<HTMLDivElement | null>;
  readonly onOpen: (row: DocumentRow) => void;
}

const PAGE_STEP = 10;

/**
 * The library's documents (or search hits) as a listbox with one tab stop: ↑ ↓ Page Up/Down Home End move the
 * selection, Enter opens the selected document. The selected option is the list's active descendant, so screen
 * readers follow it without focus leaving the list.
 */
export function DocumentList({ listRef, onOpen }: DocumentListProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const entries = useLibraryEntries();
  const selectedIndex = useDocumentsStore((state) => state.selectedIndex);
  const select = useDocumentsStore((state) => state.select);
  const optionId = (index: number): string => `${baseId}-option-${index}`;

  useEffect(() => {
    if (selectedIndex < 0) return;
    const element = document.getElementById(`${baseId}-option-${selectedIndex}`);
    // jsdom has no scrollIntoView; browsers do.
    if (typeof element?.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
  }, [baseId, selectedIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Readonly<Record<string, () => number>> = {
      ArrowDown: () => selectedIndex + 1,
      ArrowUp: () => selectedIndex - 1,
      PageDown: () => selectedIndex + PAGE_STEP,
      PageUp: () => selectedIndex - PAGE_STEP,
      Home: () => 0,
      End: () => entries.length - 1,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      select(move());
      return;
    }
    const entry = entries[selectedIndex];
    if (event.key === 'Enter' && entry !== undefined) {
      event.preventDefault();
      onOpen(entry.row);
    }
  };

  const active = entries[selectedIndex] === undefined ? undefined : optionId(selectedIndex);
  return (
    <div
      ref={listRef}
      className="document-list"
      role="listbox"
      aria-label={t('documents.list.label')}
      aria-activedescendant={active}
      aria-keyshortcuts="Enter"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (selectedIndex < 0 && entries.length > 0) select(0);
      }}
    >
      {entries.map((entry, index) => (
        <DocumentRowView
          key={entry.row.id}
          id={optionId(index)}
          row={entry.row}
          hit={entry.hit}
          index={index}
          count={entries.length}
          selected={index === selectedIndex}
          onClick={(clicked) => {
            select(clicked);
            const target = entries[clicked];
            if (target !== undefined) onOpen(target.row);
          }}
        />
      ))}
    </div>
  );
}
