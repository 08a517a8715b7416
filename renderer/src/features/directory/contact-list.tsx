import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRow } from '../../../../shared/api/directory';
import { rowAt, useContactListStore } from '../../stores/use-contact-list-store';
import { ContactRowView } from './contact-row-view';

/** Every row has this height, so the list never measures and 20,000 rows cost no more than 20. */
export const CONTACT_ROW_HEIGHT = 56;

export interface ContactListProps {
  /** The list element, which holds focus while the arrow keys move the selection. */
  readonly listRef: RefObject<HTMLDivElement | null>;
  readonly onOpen: (row: ContactRow) => void;
  readonly onEdit: (row: ContactRow) => void;
  readonly onDelete: (row: ContactRow) => void;
}

/**
 * The live contact list, virtualised: only the rows in view (and a few beyond) are in the page, whatever the total.
 * A listbox with one tab stop: ↑ ↓ Page Up/Down Home End move the selection, Enter opens, E edits, Delete deletes.
 * The selected option is the list's active descendant, so screen readers follow it without focus leaving the list.
 */
export function ContactList({ listRef, onOpen, onEdit, onDelete }: ContactListProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const total = useContactListStore((state) => state.total) ?? 0;
  const offset = useContactListStore((state) => state.offset);
  const rows = useContactListStore((state) => state.rows);
  const filter = useContactListStore((state) => state.filter);
  const selectedIndex = useContactListStore((state) => state.selectedIndex);
  const select = useContactListStore((state) => state.select);
  const showRows = useContactListStore((state) => state.showRows);

  // TanStack Virtual returns new functions each render by design; the React Compiler is not used in this project.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => listRef.current,
    estimateSize: () => CONTACT_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index;
  const last = items.at(-1)?.index;

  useEffect(() => {
    if (first !== undefined && last !== undefined) showRows(first, last);
  }, [first, last, showRows]);

  useEffect(() => {
    // A new search or filter starts from the top of its results.
    virtualizer.scrollToOffset(0);
  }, [filter, virtualizer]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const rowId = (index: number): string => `${baseId}-row-${index}`;
  const selectedRow = (): ContactRow | null => rowAt(useContactListStore.getState(), useContactListStore.getState().selectedIndex);
  const pageSize = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 0) / CONTACT_ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Readonly<Record<string, () => number>> = {
      ArrowDown: () => selectedIndex + 1,
      ArrowUp: () => Math.max(0, selectedIndex - 1),
      PageDown: () => selectedIndex + pageSize,
      PageUp: () => Math.max(0, selectedIndex - pageSize),
      Home: () => 0,
      End: () => total - 1,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      select(move());
      return;
    }
    const row = selectedRow();
    if (row === null) return;
    if (event.key === 'Enter') onOpen(row);
    else if (event.key === 'e' || event.key === 'E') onEdit(row);
    else if (event.key === 'Delete' && !row.deleted) onDelete(row);
    else return;
    event.preventDefault();
  };

  const activeDescendant = items.some((item) => item.index === selectedIndex) ? rowId(selectedIndex) : undefined;
  return (
    <div
      ref={listRef}
      className="contact-list"
      role="listbox"
      aria-label={t('directory.list.label')}
      aria-activedescendant={activeDescendant}
      aria-keyshortcuts="Enter E Delete"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (selectedIndex < 0 && total > 0) select(0);
      }}
    >
      <div role="presentation" className="contact-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <ContactRowView
            key={item.key}
            id={rowId(item.index)}
            index={item.index}
            total={total}
            row={rows[item.index - offset] ?? null}
            selected={item.index === selectedIndex}
            style={{ height: CONTACT_ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            onClick={(index) => {
              select(index);
              const row = rowAt(useContactListStore.getState(), index);
              if (row !== null) onOpen(row);
            }}
          />
        ))}
      </div>
    </div>
  );
}
