import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentsStore } from '../../stores/use-documents-store';

export interface LibrarySearchBoxProps {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** ↓ moves into the results. */
  readonly onArrowDown: () => void;
}

/**
 * Searches inside the library (titles, summaries and the files' text) as the user types: the search runs once typing
 * pauses, Enter runs it at once, ↓ moves into the results, and emptying the box brings the list back. `/` or Ctrl+F
 * focuses it (see use-library-shortcuts.ts).
 */
export function LibrarySearchBox({ inputRef, onArrowDown }: LibrarySearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const helpId = useId();
  const query = useDocumentsStore((state) => state.query);
  const setQuery = useDocumentsStore((state) => state.setQuery);
  const searchNow = useDocumentsStore((state) => state.searchNow);

  return (
    <div className="search-box">
      <label className="field__label" htmlFor={id}>
        {t('documents.search.label')}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="field__control field__control--wide"
        type="search"
        value={query}
        placeholder={t('documents.search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={300}
        aria-describedby={helpId}
        aria-keyshortcuts="/ Control+F Meta+F"
        onChange={(event) => {
          setQuery(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            onArrowDown();
          } else if (event.key === 'Enter') {
            event.preventDefault();
            void searchNow();
          }
        }}
      />
      <p className="field__help" id={helpId}>
        {t('documents.search.help')}
      </p>
    </div>
  );
}
