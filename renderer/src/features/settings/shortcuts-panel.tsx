import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/panel';

/** The keyboard shortcuts, listed where people look for how the app works. */
export function ShortcutsPanel() {
  const { t } = useTranslation();
  const shortcuts = [
    [t('settings.shortcutSections'), t('settings.shortcutSectionsKeys')],
    [t('settings.shortcutArrows'), t('settings.shortcutArrowsKeys')],
    [t('settings.shortcutSkip'), t('settings.shortcutSkipKeys')],
  ] as const;
  return (
    <Panel heading={t('settings.shortcutsHeading')}>
      <dl className="shortcuts">
        {shortcuts.map(([action, keys]) => (
          <div className="shortcuts__row" key={action}>
            <dt>{action}</dt>
            <dd>{keys}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
