import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';

/**
 * Briefing packs for meetings and missions.
 * Until the briefing feature lands, it explains what will be here.
 */
export function BriefingScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('sections.briefing')}>
      <EmptyState title={t('briefing.emptyTitle')} body={t('briefing.emptyBody')} />
    </Screen>
  );
}
