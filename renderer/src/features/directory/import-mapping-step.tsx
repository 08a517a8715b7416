import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../../stores/use-settings-store';
import { importFailureMessage } from './import-issue-message';
import { csvTargetFields, type CsvTargetField } from '../../../../shared/api/directory';
import { Field } from '../../components/field';
import { csvDelimiters, useImportStore, type ColumnTarget, type CsvDelimiter } from '../../stores/use-import-store';

const delimiterNames = { '': 'auto', ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' } as const satisfies Record<
  CsvDelimiter,
  string
>;

/**
 * The CSV step: the delimiter, and for each column of the header the contact field it fills (the core's guess from
 * the header to begin with). Each column's select is labelled with the column's name.
 */
export function ImportMappingStep() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const file = useImportStore((state) => state.file);
  const columns = useImportStore((state) => state.columns);
  const mapping = useImportStore((state) => state.mapping);
  const delimiter = useImportStore((state) => state.delimiter);
  const busy = useImportStore((state) => state.busy);
  const error = useImportStore((state) => state.error);
  const mapColumn = useImportStore((state) => state.mapColumn);
  const setDelimiter = useImportStore((state) => state.setDelimiter);
  const previewMapped = useImportStore((state) => state.previewMapped);
  const reset = useImportStore((state) => state.reset);

  return (
    <div className="import-step">
      <h3 className="import-step__title" tabIndex={-1}>{t('directory.import.mappingTitle', { file: file?.name ?? '' })}</h3>
      <p>{t('directory.import.mappingIntro')}</p>
      <Field label={t('directory.import.delimiter')}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={delimiter}
            disabled={busy}
            onChange={(event) => {
              void setDelimiter(event.target.value as CsvDelimiter);
            }}
          >
            {csvDelimiters.map((choice) => (
              <option key={delimiterNames[choice]} value={choice}>
                {t(`directory.import.delimiters.${delimiterNames[choice]}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('directory.import.column')}</th>
            <th scope="col">{t('directory.import.field')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => (
            <tr key={`${index}-${column}`}>
              <th scope="row">{column}</th>
              <td>
                <select
                  className="field__control"
                  aria-label={t('directory.import.fieldFor', { column })}
                  value={mapping[column] ?? 'ignore'}
                  onChange={(event) => {
                    mapColumn(column, event.target.value as ColumnTarget);
                  }}
                >
                  <option value="ignore">{t('directory.import.ignore')}</option>
                  {csvTargetFields.map((field: CsvTargetField) => (
                    <option key={field} value={field}>
                      {t(`directory.import.fields.${field}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error === null ? null : (
        <p className="field__error" role="alert">
          {t('directory.import.previewFailed', { message: importFailureMessage(error, t, language) })}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={reset}>
          {t('directory.import.chooseAnother')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => {
            void previewMapped();
          }}
        >
          {t('directory.import.preview')}
        </button>
      </div>
    </div>
  );
}
