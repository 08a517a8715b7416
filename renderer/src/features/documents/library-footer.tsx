import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format';
import { useDocumentsStore } from '../../stores/use-documents-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatCount } from '../directory/format-directory';

/**
 * Under the list: "Show more" while the list holds fewer rows than match, and what the library's files take on this
 * device, with the files whose text is still waiting or could not be extracted.
 */
export function LibraryFooter() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const storage = useDocumentsStore((state) => state.storage);
  const list = useDocumentsStore((state) => state.list);
  const searching = useDocumentsStore((state) => state.query.trim() !== '');
  const loadMore = useDocumentsStore((state) => state.loadMore);
  const more = !searching && list.total !== null && list.rows.length < list.total;

  return (
    <footer className="documents__footer">
      {more ? (
        <button
          type="button"
          className="button"
          disabled={list.status === 'loading'}
          onClick={() => {
            void loadMore();
          }}
        >
          {t('documents.list.more')}
        </button>
      ) : null}
      {storage === null ? null : (
        <p className="muted documents__storage">
          {t('documents.storage.used', {
            count: storage.files,
            files: formatCount(storage.files, language),
            size: formatBytes(storage.bytes, language),
          })}
          {storage.textPending > 0
            ? ` ${t('documents.storage.textPending', { count: storage.textPending, formatted: formatCount(storage.textPending, language) })}`
            : ''}
          {storage.textFailed > 0
            ? ` ${t('documents.storage.textFailed', { count: storage.textFailed, formatted: formatCount(storage.textFailed, language) })}`
            : ''}
        </p>
      )}
    </footer>
  );
}
