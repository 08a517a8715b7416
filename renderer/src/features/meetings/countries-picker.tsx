import { useMemo } from 'react';
import { countryDisplayName } from '../../i18n/country-names';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { countryChoices } from '../directory/country-choices';
import { MultiPicker } from '../documents/multi-picker';

export interface CountriesPickerProps {
  /** The group's name: a meeting's hosts, an agenda item's presenting countries. */
  readonly label: string;
  /** The select's name, e.g. "Host to add". */
  readonly addLabel: string;
  /** The button's text, e.g. "Add host". */
  readonly addButton: string;
  readonly selected: readonly string[];
  readonly error: string | null;
  readonly onChange: (countryIds: readonly string[]) => void;
}

/**
 * Chooses countries for a meeting or an agenda item: every ISO country can be chosen, held by the directory or not,
 * named and sorted in the interface language (see country-choices.ts).
 */
export function CountriesPicker({ label, addLabel, addButton, selected, error, onChange }: CountriesPickerProps) {
  const language = useSettingsStore((state) => state.language);
  const countries = useDirectoryStore((state) => state.countries);
  const held = countries.status === 'loaded' ? countries.items : null;
  const options = useMemo(() => countryChoices(held ?? [], language).map((choice) => ({ id: choice.id, label: choice.label })), [held, language]);
  return (
    <MultiPicker
      label={label}
      addLabel={addLabel}
      addButton={addButton}
      options={options}
      selected={selected}
      labelOf={(id) => countryDisplayName(id, language)}
      error={error}
      onChange={onChange}
    />
  );
}
