import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';

/**
 * The directory of countries, organisations and Focal Points.
 * Until the directory feature lands, it explains what will be here.
 */
export function DirectoryScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('sections.directory')}>
      <EmptyState title={t('directory.emptyTitle')} body={t('directory.emptyBody')} />
    </Screen>
  );
}
