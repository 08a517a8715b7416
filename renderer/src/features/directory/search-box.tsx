import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/api/directory';
import { useSearchStore } from '../../stores/use-search-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { searchHitDetail, searchHitLabel } from './search-hit-text';

/** How long typing must pause before the list follows: a fast typist sends one search, not one per letter. */
export const SEARCH_DEBOUNCE_MS = 100;

export interface SearchBoxProps {
  readonly value: string;
  /** Called with the text once typing pauses (and at once on Enter): the list below filters by it. */
  readonly onSearch: (text: string) => void;
  /** A suggestion chosen: a contact, an organisation or a country to open. */
  readonly onOpenHit: (hit: SearchHit) => void;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** ↓ with no suggestions open moves into the list. */
  readonly onArrowDown?: () => void;
}

/**
 * The Directory's type-ahead, a combobox: as typing pauses, the contact list below filters by the text and the core's
 * best matches among contacts, organisations and countries appear under the box ("cote" finds Côte d'Ivoire).
 * ↓ ↑ move through the suggestions, Enter opens one, Escape closes them; with none open, ↓ goes into the list.
 * `/` or Ctrl+F focuses the box (see use-contact-shortcuts.ts).
 */
export function SearchBox({ value, onSearch, onOpenHit, inputRef, onArrowDown }: SearchBoxProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const id = useId();
  const listId = useId();
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const hits = useSearchStore((state) => state.hits);
  const search = useSearchStore((state) => state.search);
  const clear = useSearchStore((state) => state.clear);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      useSearchStore.getState().clear();
    },
    [],
  );

  const run = (next: string): void => {
    clearTimeout(timer.current);
    onSearch(next);
    void search(next);
  };
  const schedule = (next: string): void => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      run(next);
    }, SEARCH_DEBOUNCE_MS);
  };
  const choose = (hit: SearchHit): void => {
    setOpen(false);
    setActive(-1);
    onOpenHit(hit);
  };

  const showing = open && hits.length > 0 && text.trim() !== '';
  const optionId = (index: number): string => `${listId}-${index}`;

  return (
    <div className="search-box">
      <label className="field__label" htmlFor={id}>
        {t('directory.search.label')}
      </label>
      <div className="combobox">
        <input
          ref={inputRef}
          id={id}
          className="field__control field__control--wide"
          type="search"
          role="combobox"
          aria-expanded={showing}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showing && active >= 0 ? optionId(active) : undefined}
          value={text}
          placeholder={t('directory.search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="/ Control+F Meta+F"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
            if (event.target.value === '') {
              clear();
              run('');
            } else schedule(event.target.value);
          }}
          onBlur={() => {
            setOpen(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              if (showing) setActive((active + 1) % hits.length);
              else onArrowDown?.();
            } else if (event.key === 'ArrowUp' && showing) {
              event.preventDefault();
              setActive(active <= 0 ? hits.length - 1 : active - 1);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              const hit = showing ? hits[active] : undefined;
              if (hit === undefined) {
                setOpen(false);
                run(text);
              } else choose(hit);
            } else if (event.key === 'Escape' && showing) {
              // Only closes the suggestions; a second Escape reaches the browser's own clearing of the search field.
              event.preventDefault();
              setOpen(false);
              setActive(-1);
            }
          }}
        />
        <ul id={listId} role="listbox" aria-label={t('directory.search.suggestions')} className="combobox__list" hidden={!showing}>
          {showing
            ? hits.map((hit, index) => {
                const detail = searchHitDetail(hit, t, language);
                return (
                  <li
                    key={`${hit.kind}:${hit.id}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
                    onMouseDown={(event) => {
                      // Keeps focus in the box until the click lands, so blurring does not close the list first.
                      event.preventDefault();
                    }}
                    onClick={() => {
                      choose(hit);
                    }}
                  >
                    <span className="combobox__label">{searchHitLabel(hit, language)}</span>{' '}
                    <span className="badge">{t(`directory.search.kinds.${hit.kind}`)}</span>
                    {detail === '' ? null : <span className="combobox__detail">{detail}</span>}
                  </li>
                );
              })
            : null}
        </ul>
      </div>
    </div>
  );
}
