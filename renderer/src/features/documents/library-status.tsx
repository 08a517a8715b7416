import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { useDocumentsStore } from '../../stores/use-documents-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatCount } from '../directory/format-directory';

/** What the library shows, in one line read out as it changes ("12 documents", "3 results for “truth”"), or why not. */
export function LibraryStatus() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const query = useDocumentsStore((state) => state.query);
  const list = useDocumentsStore((state) => state.list);
  const search = useDocumentsStore((state) => state.search);
  const filter = useDocumentsStore((state) => state.filter);
  const reloadList = useDocumentsStore((state) => state.reloadList);
  const searchNow = useDocumentsStore((state) => state.searchNow);
  const searching = query.trim() !== '';
  const filtered = Object.keys(filter).length > 0;

  let text: string;
  let failure: ReactNode = null;
  if (searching) {
    if (search.status === 'error' && search.error !== null) {
      text = '';
      failure = (
        <ErrorNotice
          title={t('documents.search.failed')}
          message={search.error.message}
          retryLabel={t('documents.list.retry')}
          onRetry={() => {
            void searchNow();
          }}
        />
      );
    } else if (search.status === 'done' || search.text !== '') {
      text = t('documents.search.count', { count: search.total, formatted: formatCount(search.total, language), text: search.text });
    } else text = t('documents.search.searching');
  } else {
    if (list.error !== null) {
      failure = (
        <ErrorNotice
          title={t('documents.list.failed')}
          message={list.error.message}
          retryLabel={t('documents.list.retry')}
          onRetry={() => {
            void reloadList();
          }}
        />
      );
    }
    if (list.total === null) text = list.error === null ? t('documents.list.loading') : '';
    else if (list.total === 0) text = filtered ? t('documents.list.noMatch') : t('documents.list.empty');
    else if (list.rows.length < list.total) {
      text = t('documents.list.countPartial', {
        count: list.total,
        formatted: formatCount(list.total, language),
        shown: formatCount(list.rows.length, language),
      });
    } else text = t('documents.list.count', { count: list.total, formatted: formatCount(list.total, language) });
  }

  return (
    <>
      <p className="contacts__count" role="status" aria-live="polite">
        {text}
      </p>
      {failure}
    </>
  );
}
