import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { countryChoices } from '../directory/country-choices';
import { foldForSearch } from '../directory/fold-for-search';

/** Countries shown at most while a filter is typed: more would be a list nobody reads. */
const MAX_SHOWN = 60;

export interface CountryChecklistProps {
  /** The group's name, e.g. "Countries". */
  readonly label: string;
  readonly selected: readonly string[];
  readonly onChange: (selected: readonly string[]) => void;
}

/**
 * Ticks several countries at once: a box that filters by name or code, and the countries as checkboxes (Space ticks
 * one). Without a filter it lists the network's countries (those the directory holds) and any already ticked; a
 * filter searches every ISO 3166-1 country, in the interface language ("cote" finds Côte d'Ivoire).
 */
export function CountryChecklist({ label, selected, onChange }: CountryChecklistProps) {
  const { t } = useTranslation();
  const filterId = useId();
  const language = useSettingsStore((state) => state.language);
  const countries = useDirectoryStore((state) => state.countries);
  const [filter, setFilter] = useState('');
  const held = countries.status === 'loaded' ? countries.items : null;
  const choices = useMemo(() => countryChoices(held ?? [], language), [held, language]);
  const heldIds = useMemo(() => new Set((held ?? []).map((country) => country.id)), [held]);
  const wanted = foldForSearch(filter.trim());
  const matching =
    wanted === ''
      ? choices.filter((choice) => heldIds.has(choice.id) || selected.includes(choice.id))
      : choices.filter((choice) => foldForSearch(choice.label).includes(wanted) || choice.id === wanted);
  const shown = matching.slice(0, MAX_SHOWN);

  return (
    <fieldset className="country-checklist">
      <legend className="field__label">{label}</legend>
      <label className="visually-hidden" htmlFor={filterId}>
        {t('meetings.attendance.quick.filter')}
      </label>
      <input
        id={filterId}
        className="field__control"
        type="search"
        placeholder={t('meetings.attendance.quick.filter')}
        autoComplete="off"
        spellCheck={false}
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value);
        }}
        onKeyDown={(event) => {
          // Enter narrows; it must not submit the form around the list.
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <p className="muted country-checklist__status" role="status">
        {shown.length === 0
          ? t('meetings.attendance.quick.noCountry')
          : matching.length > shown.length
            ? t('meetings.attendance.quick.showingSome', { shown: shown.length, count: matching.length })
            : ''}
      </p>
      <ul className="country-checklist__list">
        {shown.map((choice) => (
          <li key={choice.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={selected.includes(choice.id)}
                onChange={(event) => {
                  onChange(event.target.checked ? [...selected, choice.id] : selected.filter((id) => id !== choice.id));
                }}
              />
              {choice.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
