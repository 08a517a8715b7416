import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountrySummary } from '../../../../shared/api/directory';
import { networkStatuses, regions, type NetworkStatus, type Region } from '../../../../shared/schemas/country';
import { ErrorNotice } from '../../components/error-notice';
import { Field } from '../../components/field';
import { useCountryStore, type CountryListFilter } from '../../stores/use-country-store';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import type { Language } from '../../i18n/i18n';
import { useSettingsStore } from '../../stores/use-settings-store';
import { compareLabels, countryLabel, withReferenceCountries } from './country-choices';
import { formatCount } from './format-directory';
import { foldForSearch } from './fold-for-search';

export interface CountryListProps {
  /** The country whose page was just left: its button takes focus again. */
  readonly focusId: string | null;
}

/** A country of the list with its name in the interface language. */
export interface ListedCountry extends CountrySummary {
  readonly label: string;
}

/** The list's countries named in `language` and sorted by that name. */
export function labelCountries(countries: readonly CountrySummary[], language: Language): ListedCountry[] {
  const compare = compareLabels(language);
  return countries
    .map((country) => ({ ...country, label: countryLabel(country, language) }))
    .sort((a, b) => compare(a.label, b.label) || (a.id < b.id ? -1 : 1));
}

/**
 * Countries the list shows: the region and status filters, then the typed text (accents and case ignored), which
 * finds a country by its name in the interface language, its stored English name or its code.
 */
export function visibleCountries(countries: readonly ListedCountry[], filter: CountryListFilter, text: string): ListedCountry[] {
  const wanted = foldForSearch(text.trim());
  return countries.filter(
    (country) =>
      (filter.region === undefined || country.region === filter.region) &&
      (filter.networkStatus === undefined || country.networkStatus === filter.networkStatus) &&
      (wanted === '' ||
        foldForSearch(country.label).includes(wanted) ||
        foldForSearch(country.name).includes(wanted) ||
        country.code.toLowerCase() === wanted),
  );
}

/**
 * The countries of the network, with status, co-host and focal point count; each name opens its country page. "Every
 * country" adds the ISO countries the directory does not hold yet, so any of them can be opened and edited.
 */
export function CountryList({ focusId }: CountryListProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const countries = useDirectoryStore((state) => state.countries);
  const loadCountries = useDirectoryStore((state) => state.loadCountries);
  const filter = useCountryStore((state) => state.filter);
  const setFilter = useCountryStore((state) => state.setFilter);
  const showAll = useCountryStore((state) => state.showAll);
  const setShowAll = useCountryStore((state) => state.setShowAll);
  const openCountry = useDirectoryViewStore((state) => state.openCountry);
  const [text, setText] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const held = countries.status === 'loaded' ? countries.items : null;
  const listed = useMemo(
    () => (held === null ? [] : labelCountries(showAll ? withReferenceCountries(held) : held, language)),
    [held, showAll, language],
  );

  useEffect(() => {
    if (focusId !== null) tableRef.current?.querySelector<HTMLElement>(`[data-country-id="${focusId}"]`)?.focus();
  }, [focusId]);

  const choose = (key: keyof CountryListFilter, value: string): void => {
    const rest: Record<string, unknown> = Object.fromEntries(Object.entries(filter).filter(([name]) => name !== key));
    // The value comes from a select whose options are exactly the filter's allowed values.
    setFilter(value === '' ? rest : { ...rest, [key]: value });
  };

  if (countries.status === 'error') {
    return (
      <ErrorNotice
        title={t('directory.countries.failed')}
        message={countries.error.message}
        retryLabel={t('directory.countries.retry')}
        onRetry={() => {
          void loadCountries();
        }}
      />
    );
  }
  const shown = visibleCountries(listed, filter, text);
  return (
    <div className="countries">
      <div className="filters">
        <Field label={t('directory.countries.find')}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              type="search"
              value={text}
              autoComplete="off"
              onChange={(event) => {
                setText(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('directory.countries.region')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={filter.region ?? ''}
              onChange={(event) => {
                choose('region', event.target.value);
              }}
            >
              <option value="">{t('directory.countries.any')}</option>
              {regions.map((region: Region) => (
                <option key={region} value={region}>
                  {t(`directory.regions.${region}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('directory.countries.networkStatus')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={filter.networkStatus ?? ''}
              onChange={(event) => {
                choose('networkStatus', event.target.value);
              }}
            >
              <option value="">{t('directory.countries.any')}</option>
              {networkStatuses.map((status: NetworkStatus) => (
                <option key={status} value={status}>
                  {t(`directory.networkStatuses.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showAll}
            onChange={(event) => {
              setShowAll(event.target.checked);
            }}
          />
          {t('directory.countries.showAll')}
        </label>
      </div>
      <p className="contacts__count" role="status">
        {countries.status === 'loaded'
          ? shown.length === 0
            ? t('directory.countries.noMatch')
            : t('directory.countries.count', { count: shown.length, formatted: formatCount(shown.length, language) })
          : t('directory.countries.loading')}
      </p>
      {shown.length === 0 ? null : (
        <table className="table" ref={tableRef}>
          <caption className="visually-hidden">
            {t('directory.countries.label')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.countries.name')}</th>
              <th scope="col">{t('directory.countries.region')}</th>
              <th scope="col">{t('directory.countries.networkStatus')}</th>
              <th scope="col">{t('directory.countries.coHost')}</th>
              <th scope="col" className="table__number">
                {t('directory.countries.focalPoints')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((country) => (
              <tr key={country.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    data-country-id={country.id}
                    onClick={() => {
                      openCountry(country.id);
                    }}
                  >
                    {country.label}
                  </button>
                </th>
                <td>{t(`directory.regions.${country.region}`)}</td>
                <td>{t(`directory.networkStatuses.${country.networkStatus}`)}</td>
                <td>{country.coHost ? t('directory.countries.yes') : t('directory.countries.no')}</td>
                <td className="table__number">{formatCount(country.focalPointCount, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
