import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';

/**
 * Meetings with their agendas, attendance and actions.
 * Until the meetings feature lands, it explains what will be here.
 */
export function MeetingsScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('sections.meetings')}>
      <EmptyState title={t('meetings.emptyTitle')} body={t('meetings.emptyBody')} />
    </Screen>
  );
}
