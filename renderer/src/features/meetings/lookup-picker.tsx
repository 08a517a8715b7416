import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/api/result';
import type { LookupOption } from '../../stores/use-meeting-store';

/** How long typing must pause before the core is asked: one search per pause, not one per letter. */
export const LOOKUP_DEBOUNCE_MS = 150;

export interface LookupPickerProps {
  /** The group's name, e.g. "Presenting people". */
  readonly label: string;
  /** The search box's name, e.g. "Find a presenter". */
  readonly searchLabel: string;
  readonly find: (text: string) => Promise<Result<LookupOption[]>>;
  readonly selected: readonly string[];
  readonly nameOf: (id: string) => string;
  /** A match's button, e.g. "Add Karen Jensen" or "Attach Report of the 2012 meeting". */
  readonly addLabel: (name: string) => string;
  readonly onAdd: (option: LookupOption) => void;
  readonly onRemove: (id: string) => void;
  /** Offer matches before anything is typed (the latest papers), as soon as the box is focused. */
  readonly offerWhenBlank?: boolean;
  readonly error?: string | null;
}

type Found =
  | { readonly status: 'idle' }
  | { readonly status: 'searching'; readonly text: string }
  | { readonly status: 'done'; readonly text: string; readonly options: readonly LookupOption[] }
  | { readonly status: 'error'; readonly text: string; readonly message: string };

/**
 * Chooses entries of a long list the core searches (contacts of the directory, papers of the library): the chosen
 * ones, each with its Remove button, a search box, and the matches as buttons under it. ↓ goes from the box into the
 * matches, ↑ ↓ move between them, Escape goes back to the box (and from the box clears it). Focus returns to the box
 * after a choice, ready for the next.
 */
export function LookupPicker({ label, searchLabel, find, selected, nameOf, addLabel, onAdd, onRemove, offerWhenBlank = false, error = null }: LookupPickerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ticket = useRef(0);
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found>({ status: 'idle' });

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      ticket.current += 1;
    },
    [],
  );

  const run = async (value: string): Promise<void> => {
    clearTimeout(timer.current);
    const mine = ++ticket.current;
    if (value.trim() === '' && !offerWhenBlank) {
      setFound({ status: 'idle' });
      return;
    }
    setFound({ status: 'searching', text: value });
    const result = await find(value);
    if (mine !== ticket.current) return;
    setFound(result.ok ? { status: 'done', text: value, options: result.value } : { status: 'error', text: value, message: result.error.message });
  };
  const schedule = (value: string): void => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void run(value);
    }, LOOKUP_DEBOUNCE_MS);
  };

  const options = found.status === 'done' ? found.options.filter((option) => !selected.includes(option.id)) : [];
  const buttons = (): HTMLButtonElement[] => [...(listRef.current?.querySelectorAll('button') ?? [])];

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === 'Escape' && (text !== '' || found.status !== 'idle')) {
      // Only a box with something in it uses Escape; an empty one leaves it to the form (cancel).
      event.preventDefault();
      event.stopPropagation();
      ticket.current += 1;
      clearTimeout(timer.current);
      setText('');
      setFound({ status: 'idle' });
    } else if (event.key === 'Enter') {
      // Enter searches now rather than submitting the form the picker sits in.
      event.preventDefault();
      void run(text);
    }
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const all = buttons();
    const at = all.findIndex((button) => button === document.activeElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? Math.min(at + 1, all.length - 1) : at - 1;
      if (next < 0) inputRef.current?.focus();
      else all[next]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      inputRef.current?.focus();
    }
  };

  const statusText =
    found.status === 'searching'
      ? t('meetings.lookup.searching')
      : found.status === 'error'
        ? t('meetings.lookup.failed', { message: found.message })
        : found.status === 'done'
          ? options.length > 0
            ? t('meetings.lookup.results', { count: options.length })
            : found.options.length > 0
              ? t('meetings.lookup.allChosen')
              : found.text.trim() === ''
                ? t('meetings.lookup.noneBlank')
                : t('meetings.lookup.none', { text: found.text.trim() })
          : '';

  return (
    <fieldset className="lookup-picker" aria-describedby={error === null ? undefined : errorId}>
      <legend className="field__label">{label}</legend>
      {selected.length === 0 ? (
        <p className="muted lookup-picker__none">{t('meetings.lookup.noneChosen')}</p>
      ) : (
        <ul className="lookup-picker__chosen">
          {selected.map((id) => (
            <li key={id} className="lookup-picker__item">
              <span>{nameOf(id)}</span>
              <button
                type="button"
                className="link-button"
                aria-label={t('meetings.lookup.removeLabel', { name: nameOf(id) })}
                onClick={() => {
                  onRemove(id);
                  inputRef.current?.focus();
                }}
              >
                {t('meetings.lookup.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="visually-hidden" htmlFor={inputId}>
        {searchLabel}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="field__control field__control--wide"
        type="search"
        placeholder={searchLabel}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error !== null}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          schedule(event.target.value);
        }}
        onFocus={() => {
          if (offerWhenBlank && found.status === 'idle') void run(text);
        }}
        onKeyDown={onInputKeyDown}
      />
      <p className="muted lookup-picker__status" role="status">
        {statusText}
      </p>
      {options.length === 0 ? null : (
        <ul ref={listRef} className="lookup-picker__matches" aria-label={t('meetings.lookup.matches', { field: label })} onKeyDown={onListKeyDown}>
          {options.map((option, index) => (
            <li key={option.id}>
              <button
                type="button"
                className="lookup-picker__match"
                aria-label={addLabel(option.label)}
                aria-describedby={option.detail === '' ? undefined : `${inputId}-detail-${index}`}
                onClick={() => {
                  onAdd(option);
                  inputRef.current?.focus();
                }}
              >
                <span className="lookup-picker__label">{addLabel(option.label)}</span>
                {option.detail === '' ? null : (
                  <span className="muted lookup-picker__detail" id={`${inputId}-detail-${index}`}>
                    {option.detail}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error === null ? null : (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
