import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';

/**
 * Statements, reports and reference texts.
 * Until the documents feature lands, it explains what will be here.
 */
export function DocumentsScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('sections.documents')}>
      <EmptyState title={t('documents.emptyTitle')} body={t('documents.emptyBody')} />
    </Screen>
  );
}
