import type { OrganisationRow } from '../../../../shared/api/directory';
import type { FieldControlProps } from '../../components/field';
import { countryDisplayName } from '../../i18n/country-names';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useSettingsStore } from '../../stores/use-settings-store';

export interface OrganisationSelectProps {
  readonly control: FieldControlProps;
  readonly value: string;
  readonly noneLabel: string;
  /** With a country, only its organisations and international ones are offered; '' offers all. */
  readonly countryId: string;
  /** Organisations that may not be chosen (an organisation and its own parts, as its parent). */
  readonly exclude?: ReadonlySet<string>;
  readonly onChange: (organisationId: string) => void;
}

/** Organisations a picker offers, by name, the chosen one always included even when deleted or elsewhere. */
export function organisationChoices(
  rows: readonly OrganisationRow[],
  countryId: string,
  value: string,
  exclude: ReadonlySet<string> = new Set(),
): OrganisationRow[] {
  return rows.filter(
    (row) =>
      row.id === value ||
      (!row.deleted && !exclude.has(row.id) && (countryId === '' || row.countryId === '' || row.countryId === countryId)),
  );
}

/** An organisation picker over the directory's organisations, each labelled with its acronym and country. */
export function OrganisationSelect({ control, value, noneLabel, countryId, exclude, onChange }: OrganisationSelectProps) {
  const organisations = useDirectoryStore((state) => state.organisations);
  const language = useSettingsStore((state) => state.language);
  const rows = organisations.status === 'loaded' ? organisations.items : [];
  const choices = organisationChoices(rows, countryId, value, exclude);
  const missing = value !== '' && !choices.some((row) => row.id === value);
  return (
    <select
      {...control}
      className="field__control field__control--wide"
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    >
      <option value="">{noneLabel}</option>
      {missing ? <option value={value}>{value}</option> : null}
      {choices.map((row) => (
        <option key={row.id} value={row.id}>
          {[row.acronym === '' ? row.name : `${row.name} (${row.acronym})`, row.countryId === '' ? '' : countryDisplayName(row.countryId, language, row.countryName)]
            .filter((part) => part !== '')
            .join(' — ')}
        </option>
      ))}
    </select>
  );
}
