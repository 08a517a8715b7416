import { useEffect, useRef, type RefObject } from 'react';
import { isNewShortcut, isSearchShortcut, isTextEntry, modalOpen } from './shortcut-keys';

export interface ContactShortcuts {
  readonly searchRef: RefObject<HTMLInputElement | null>;
  /** Ctrl+N; null while a form is open (a new contact would throw its edits away). */
  readonly onNew: (() => void) | null;
}

/**
 * The Contacts view's window-wide keys: `/` (outside text fields) and Ctrl+F focus the search box, Ctrl+N starts a
 * new contact. Ctrl+F replaces the browser's find, which cannot search a virtualised list anyway. Keys pressed while
 * a dialog is open are the dialog's.
 */
export function useContactShortcuts({ searchRef, onNew }: ContactShortcuts): void {
  const latest = useRef(onNew);
  useEffect(() => {
    latest.current = onNew;
  }, [onNew]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || modalOpen()) return;
      if (isSearchShortcut(event)) {
        if (event.key === '/' && isTextEntry(event.target)) return;
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (isNewShortcut(event) && latest.current !== null) {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [searchRef]);
}
