import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { AboutPanel } from './about-panel';
import { LanguageSetting } from './language-setting';
import { ShortcutsPanel } from './shortcuts-panel';

/** Preferences of this computer's user, and what the running core reports about itself. */
export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('sections.settings')}>
      <LanguageSetting />
      <AboutPanel />
      <ShortcutsPanel />
    </Screen>
  );
}
