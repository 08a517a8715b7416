import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowPreview } from '../../../../shared/api/directory';
import { Field } from '../../components/field';
import { useImportStore } from '../../stores/use-import-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatCount } from './format-directory';
import { importFailureMessage, importIssueMessage } from './import-issue-message';

/** Rows the table shows at most: enough to review, few enough to stay quick with a 20 MB file. */
export const MAX_PREVIEW_ROWS = 500;

/**
 * What importing would do, row by row (create, update, skip, error), before anything is written. Import is offered
 * only when no row is in error and something would change; it applies every row or none.
 */
export function ImportPreviewStep() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const file = useImportStore((state) => state.file);
  const preview = useImportStore((state) => state.preview);
  const busy = useImportStore((state) => state.busy);
  const error = useImportStore((state) => state.error);
  const commit = useImportStore((state) => state.commit);
  const backToMapping = useImportStore((state) => state.backToMapping);
  const previewMapped = useImportStore((state) => state.previewMapped);
  const reset = useImportStore((state) => state.reset);
  const [onlyErrors, setOnlyErrors] = useState(false);
  if (preview === null) return null;

  const { counts } = preview;
  const rows: readonly ImportRowPreview[] = onlyErrors ? preview.rows.filter((row) => row.action === 'error') : preview.rows;
  const shown = rows.slice(0, MAX_PREVIEW_ROWS);
  const changes = counts.create + counts.update;
  const format = (count: number): string => formatCount(count, language);
  let why: string;
  if (counts.error > 0) why = t('directory.import.fixErrors');
  else if (changes === 0) why = t('directory.import.nothingToImport');
  else why = t('directory.import.allOrNothing');
  const stale = error?.code === 'conflict' || error?.code === 'not-found';

  return (
    <div className="import-step">
      <h3 className="import-step__title" tabIndex={-1}>{t('directory.import.previewTitle', { file: file?.name ?? '' })}</h3>
      <p className="import-counts" role="status">
        {t('directory.import.counts', {
          create: format(counts.create),
          update: format(counts.update),
          skip: format(counts.skip),
          error: format(counts.error),
        })}
      </p>
      {counts.error > 0 ? (
        <Field label={t('directory.import.show')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={onlyErrors ? 'errors' : 'all'}
              onChange={(event) => {
                setOnlyErrors(event.target.value === 'errors');
              }}
            >
              <option value="all">{t('directory.import.showAll')}</option>
              <option value="errors">{t('directory.import.showErrors')}</option>
            </select>
          )}
        </Field>
      ) : null}
      <div className="import-table">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="table__number">
                {t('directory.import.record')}
              </th>
              <th scope="col" className="table__number">
                {t('directory.import.line')}
              </th>
              <th scope="col">{t('directory.import.action')}</th>
              <th scope="col">{t('directory.import.name')}</th>
              <th scope="col">{t('directory.import.messages')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.record} className={`import-row import-row--${row.action}`}>
                <td className="table__number">{row.record}</td>
                <td className="table__number">{row.line}</td>
                <td>
                  <span className={`badge badge--action-${row.action}`}>{t(`directory.import.actions.${row.action}`)}</span>
                </td>
                <td>{row.displayName}</td>
                <td>
                  {row.issues.length === 0 ? null : (
                    <ul className="plain-list">
                      {row.issues.map((issue, index) => (
                        <li key={index}>{importIssueMessage(issue, t, language)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length ? (
        <p className="muted">{t('directory.import.truncated', { shown: format(shown.length), total: format(rows.length) })}</p>
      ) : null}
      <p className={counts.error > 0 ? 'notice notice--warning' : 'notice'}>{why}</p>
      {error === null ? null : (
        <p className="field__error" role="alert">
          {error.code === 'conflict'
            ? t('directory.import.changedSince')
            : error.code === 'not-found'
              ? t('directory.import.expired')
              : t('directory.import.failed', { message: importFailureMessage(error, t, language) })}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={reset}>
          {t('directory.import.chooseAnother')}
        </button>
        {preview.format === 'csv' ? (
          <button type="button" className="button" onClick={backToMapping}>
            {t('directory.import.back')}
          </button>
        ) : null}
        {stale ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              void previewMapped();
            }}
          >
            {t('directory.import.previewAgain')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--primary"
          disabled={busy || counts.error > 0 || changes === 0 || stale}
          onClick={() => {
            void commit();
          }}
        >
          {busy ? t('directory.import.importing') : t('directory.import.import')}
        </button>
      </div>
    </div>
  );
}
