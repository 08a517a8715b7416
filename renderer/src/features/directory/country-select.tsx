import { useMemo } from 'react';
import type { FieldControlProps } from '../../components/field';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { countryChoices } from './country-choices';

export interface CountrySelectProps {
  readonly control: FieldControlProps;
  readonly value: string;
  /** The label of the '' choice ("None", "None (international)"). */
  readonly noneLabel: string;
  readonly onChange: (countryId: string) => void;
  readonly onBlur?: () => void;
}

/**
 * A country picker over every ISO 3166-1 country and any other the directory holds (the demo's European Union), named
 * in the interface language and sorted in it. Choosing a country the directory does not hold yet is fine: the core
 * creates it with the contact or organisation. A value that is none of these (a code that arrived by sync) stays
 * selectable, shown as its code.
 */
export function CountrySelect({ control, value, noneLabel, onChange, onBlur }: CountrySelectProps) {
  const language = useSettingsStore((state) => state.language);
  const countries = useDirectoryStore((state) => state.countries);
  const held = countries.status === 'loaded' ? countries.items : null;
  const choices = useMemo(() => countryChoices(held ?? [], language), [held, language]);
  const missing = value !== '' && !choices.some((country) => country.id === value);
  return (
    <select
      {...control}
      className="field__control"
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
      }}
      onBlur={onBlur}
    >
      <option value="">{noneLabel}</option>
      {missing ? <option value={value}>{value.toUpperCase()}</option> : null}
      {choices.map((country) => (
        <option key={country.id} value={country.id}>
          {country.label}
        </option>
      ))}
    </select>
  );
}
