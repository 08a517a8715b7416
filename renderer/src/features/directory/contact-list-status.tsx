import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { useContactListStore } from '../../stores/use-contact-list-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatCount } from './format-directory';

/** The list's total (read out when it changes), or why there is nothing to show. */
export function ContactListStatus() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const total = useContactListStore((state) => state.total);
  const error = useContactListStore((state) => state.error);
  const filter = useContactListStore((state) => state.filter);
  const start = useContactListStore((state) => state.start);
  // Before any window there is nothing to show but the failure; later, the rows shown stay and the failure is added.
  const failure =
    error === null ? null : (
      <ErrorNotice title={t('directory.list.failed')} message={error.message} retryLabel={t('directory.list.retry')} onRetry={start} />
    );
  if (failure !== null && total === null) return failure;
  // Filters hold only the keys in use (see contact-filters.tsx): any key narrows the list.
  const filtered = Object.keys(filter).length > 0;
  let text: string;
  if (total === null) text = t('directory.list.loading');
  else if (total === 0) text = filtered ? t('directory.list.noMatch') : t('directory.list.empty');
  else text = t('directory.list.count', { count: total, formatted: formatCount(total, language) });
  return (
    <>
      <p className="contacts__count" role="status" aria-live="polite">
        {text}
      </p>
      {failure}
    </>
  );
}
