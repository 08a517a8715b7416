import { useTranslation } from 'react-i18next';
import { countryDisplayName } from '../../i18n/country-names';
import { useSettingsStore } from '../../stores/use-settings-store';
import type { ContactFilter } from '../../../../shared/api/directory';
import { contactRoles, type ContactRole } from '../../../../shared/schemas/contact';
import { networkStatuses, regions, type NetworkStatus, type Region } from '../../../../shared/schemas/country';
import { Field } from '../../components/field';
import { useDirectoryStore } from '../../stores/use-directory-store';

export interface ContactFiltersProps {
  readonly filter: ContactFilter;
  readonly onChange: (filter: ContactFilter) => void;
}

/** `filter` with `key` set to `value`, or without it when `value` is '' (the "Any" choice). */
function withChoice(filter: ContactFilter, key: 'countryId' | 'region' | 'role' | 'networkStatus' | 'organisationId', value: string): ContactFilter {
  const rest: Record<string, unknown> = Object.fromEntries(Object.entries(filter).filter(([name]) => name !== key));
  // The value comes from a select whose options are exactly the filter's allowed values.
  return value === '' ? rest : { ...rest, [key]: value };
}

/**
 * The contact list's filters: country, region, role, network status, organisation, and whether deleted contacts
 * show. Each change applies at once; "Any" removes a filter.
 */
export function ContactFilters({ filter, onChange }: ContactFiltersProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const countries = useDirectoryStore((state) => state.countries);
  const organisations = useDirectoryStore((state) => state.organisations);
  const countryOptions = countries.status === 'loaded' ? countries.items : [];
  const organisationOptions = organisations.status === 'loaded' ? organisations.items.filter((row) => !row.deleted) : [];
  const any = t('directory.filters.any');
  const hasFilter = Object.keys(filter).some((key) => key !== 'search');

  return (
    <fieldset className="filters">
      <legend className="filters__legend">{t('directory.filters.label')}</legend>
      <Field label={t('directory.filters.country')}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={filter.countryId ?? ''}
            onChange={(event) => {
              onChange(withChoice(filter, 'countryId', event.target.value));
            }}
          >
            <option value="">{any}</option>
            {countryOptions.map((country) => (
              <option key={country.id} value={country.id}>
                {country.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('directory.filters.region')}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={filter.region ?? ''}
            onChange={(event) => {
              onChange(withChoice(filter, 'region', event.target.value));
            }}
          >
            <option value="">{any}</option>
            {regions.map((region: Region) => (
              <option key={region} value={region}>
                {t(`directory.regions.${region}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('directory.filters.role')}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={filter.role ?? ''}
            onChange={(event) => {
              onChange(withChoice(filter, 'role', event.target.value));
            }}
          >
            <option value="">{any}</option>
            {contactRoles.map((role: ContactRole) => (
              <option key={role} value={role}>
                {t(`directory.roles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('directory.filters.networkStatus')}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={filter.networkStatus ?? ''}
            onChange={(event) => {
              onChange(withChoice(filter, 'networkStatus', event.target.value));
            }}
          >
            <option value="">{any}</option>
            {networkStatuses.map((status: NetworkStatus) => (
              <option key={status} value={status}>
                {t(`directory.networkStatuses.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('directory.filters.organisation')}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={filter.organisationId ?? ''}
            onChange={(event) => {
              onChange(withChoice(filter, 'organisationId', event.target.value));
            }}
          >
            <option value="">{any}</option>
            {organisationOptions.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.countryId === '' ? organisation.name : `${organisation.name} — ${countryDisplayName(organisation.countryId, language, organisation.countryName)}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox filters__deleted">
        <input
          type="checkbox"
          checked={filter.includeDeleted === true}
          onChange={(event) => {
            const { includeDeleted: _previous, ...rest } = filter;
            onChange(event.target.checked ? { ...rest, includeDeleted: true } : rest);
          }}
        />
        {t('directory.filters.showDeleted')}
      </label>
      <button
        type="button"
        className="button filters__clear"
        disabled={!hasFilter}
        onClick={() => {
          onChange(filter.search === undefined ? {} : { search: filter.search });
        }}
      >
        {t('directory.filters.clear')}
      </button>
    </fieldset>
  );
}
