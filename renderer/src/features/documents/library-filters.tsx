import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFilter } from '../../../../shared/api/documents';
import { documentKinds, pillars } from '../../../../shared/schemas/document';
import { Field } from '../../components/field';
import { countryDisplayName } from '../../i18n/country-names';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useDocumentsStore, type DocumentSort } from '../../stores/use-documents-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { languageName } from '../directory/format-directory';

/** Languages the filter offers (the documents' own tags; the network works mostly in these). */
const filterLanguages = ['en', 'fr', 'es', 'pt', 'ar', 'ru', 'zh', 'de'] as const;
const sorts: readonly DocumentSort[] = ['date', 'title', 'updated'];
const YEAR_MIN = 1900;
const YEAR_MAX = 2200;

type ListKey = 'kinds' | 'countryIds' | 'pillars' | 'languages';

/** `filter` narrowed to the one `value` for `key`, or without `key` when `value` is '' (the "Any" choice). */
function withOne(filter: DocumentFilter, key: ListKey, value: string): DocumentFilter {
  const rest: Record<string, unknown> = Object.fromEntries(Object.entries(filter).filter(([name]) => name !== key));
  // The value comes from a select whose options are exactly the filter's allowed values.
  return value === '' ? rest : { ...rest, [key]: [value] };
}

/** A year as typed: null for none, a number in range, or 'invalid'. */
function parseYear(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{4}$/.test(trimmed)) return 'invalid';
  const year = Number(trimmed);
  return year >= YEAR_MIN && year <= YEAR_MAX ? year : 'invalid';
}

/**
 * The library's order and filters: kind, country, pillar, language, a span of years, and whether deleted documents
 * show. Each change applies at once (to the list and to a running search); "Any" removes a filter.
 */
export function LibraryFilters() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const filter = useDocumentsStore((state) => state.filter);
  const sort = useDocumentsStore((state) => state.sort);
  const setFilter = useDocumentsStore((state) => state.setFilter);
  const setSort = useDocumentsStore((state) => state.setSort);
  const countries = useDirectoryStore((state) => state.countries);
  const [years, setYears] = useState({ from: filter.yearFrom?.toString() ?? '', to: filter.yearTo?.toString() ?? '' });
  const any = t('documents.filters.any');
  const countryOptions =
    countries.status === 'loaded'
      ? countries.items
          .map((country) => ({ id: country.id, label: countryDisplayName(country.id, language, country.name) }))
          .sort((a, b) => a.label.localeCompare(b.label, language))
      : [];
  const hasFilter = Object.keys(filter).length > 0;

  const changeYear = (end: 'from' | 'to', text: string): void => {
    setYears((previous) => ({ ...previous, [end]: text }));
    const year = parseYear(text);
    if (year === 'invalid') return;
    const key = end === 'from' ? 'yearFrom' : 'yearTo';
    const rest: DocumentFilter = Object.fromEntries(Object.entries(filter).filter(([name]) => name !== key));
    setFilter(year === null ? rest : { ...rest, [key]: year });
  };
  const yearError = (text: string): string | null =>
    parseYear(text) === 'invalid' ? t('documents.filters.yearInvalid', { min: YEAR_MIN, max: YEAR_MAX }) : null;

  const select = (key: ListKey, label: string, options: readonly { readonly id: string; readonly label: string }[]) => (
    <Field label={label}>
      {(control) => (
        <select
          {...control}
          className="field__control"
          value={filter[key]?.[0] ?? ''}
          onChange={(event) => {
            setFilter(withOne(filter, key, event.target.value));
          }}
        >
          <option value="">{any}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <fieldset className="filters">
      <legend className="filters__legend">{t('documents.filters.label')}</legend>
      <Field label={t('documents.filters.sort')}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={sort}
            onChange={(event) => {
              const next = sorts.find((candidate) => candidate === event.target.value);
              if (next !== undefined) setSort(next);
            }}
          >
            {sorts.map((value) => (
              <option key={value} value={value}>
                {t(`documents.sorts.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {select(
        'kinds',
        t('documents.filters.kind'),
        documentKinds.map((kind) => ({ id: kind, label: t(`documents.kinds.${kind}`) })),
      )}
      {select('countryIds', t('documents.filters.country'), countryOptions)}
      {select(
        'pillars',
        t('documents.filters.pillar'),
        pillars.map((pillar) => ({ id: pillar, label: t(`documents.pillarsShort.${pillar}`) })),
      )}
      {select(
        'languages',
        t('documents.filters.language'),
        filterLanguages.map((tag) => ({ id: tag, label: languageName(tag, language) })),
      )}
      <Field label={t('documents.filters.yearFrom')} error={yearError(years.from)}>
        {(control) => (
          <input
            {...control}
            className="field__control documents-year"
            type="text"
            inputMode="numeric"
            maxLength={4}
            value={years.from}
            onChange={(event) => {
              changeYear('from', event.target.value);
            }}
          />
        )}
      </Field>
      <Field label={t('documents.filters.yearTo')} error={yearError(years.to)}>
        {(control) => (
          <input
            {...control}
            className="field__control documents-year"
            type="text"
            inputMode="numeric"
            maxLength={4}
            value={years.to}
            onChange={(event) => {
              changeYear('to', event.target.value);
            }}
          />
        )}
      </Field>
      <label className="checkbox filters__deleted">
        <input
          type="checkbox"
          checked={filter.includeDeleted === true}
          onChange={(event) => {
            const { includeDeleted: _previous, ...rest } = filter;
            setFilter(event.target.checked ? { ...rest, includeDeleted: true } : rest);
          }}
        />
        {t('documents.filters.showDeleted')}
      </label>
      <button
        type="button"
        className="button filters__clear"
        disabled={!hasFilter}
        onClick={() => {
          setYears({ from: '', to: '' });
          setFilter({});
        }}
      >
        {t('documents.filters.clear')}
      </button>
    </fieldset>
  );
}
