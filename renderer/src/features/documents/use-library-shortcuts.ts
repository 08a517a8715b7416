import { useEffect, type RefObject } from 'react';
import { isSearchShortcut, isTextEntry, modalOpen } from '../directory/shortcut-keys';

/**
 * The Documents screen's window-wide keys: `/` (outside text fields) and Ctrl+F (⌘F) focus the library's search box.
 * Ctrl+F replaces the browser's find, which cannot search inside the files anyway. Keys pressed while a dialog is
 * open are the dialog's.
 */
export function useLibraryShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || modalOpen() || !isSearchShortcut(event)) return;
      if (event.key === '/' && isTextEntry(event.target)) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [searchRef]);
}
