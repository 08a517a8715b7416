import type { FieldControlProps } from '../../components/field';
import { useDirectoryStore } from '../../stores/use-directory-store';

export interface CountrySelectProps {
  readonly control: FieldControlProps;
  readonly value: string;
  /** The label of the '' choice ("None", "None (international)"). */
  readonly noneLabel: string;
  readonly onChange: (countryId: string) => void;
  readonly onBlur?: () => void;
}

/** A country picker over the directory's countries, by name; a country no longer listed stays selectable as its code. */
export function CountrySelect({ control, value, noneLabel, onChange, onBlur }: CountrySelectProps) {
  const countries = useDirectoryStore((state) => state.countries);
  const items = countries.status === 'loaded' ? countries.items : [];
  const missing = value !== '' && !items.some((country) => country.id === value);
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
      {items.map((country) => (
        <option key={country.id} value={country.id}>
          {country.name}
        </option>
      ))}
    </select>
  );
}
