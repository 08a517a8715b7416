import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/panel';

/** The keyboard shortcuts, listed where people look for how the app works. */
export function ShortcutsPanel() {
  const { t } = useTranslation();
  const shortcuts = [
    [t('settings.shortcutSections'), t('settings.shortcutSectionsKeys')],
    [t('settings.shortcutArrows'), t('settings.shortcutArrowsKeys')],
    [t('settings.shortcutSkip'), t('settings.shortcutSkipKeys')],
    [t('settings.shortcutSearch'), t('settings.shortcutSearchKeys')],
    [t('settings.shortcutNew'), t('settings.shortcutNewKeys')],
    [t('settings.shortcutList'), t('settings.shortcutListKeys')],
    [t('settings.shortcutSave'), t('settings.shortcutSaveKeys')],
    [t('settings.shortcutCancel'), t('settings.shortcutCancelKeys')],
    [t('settings.shortcutTree'), t('settings.shortcutTreeKeys')],
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
