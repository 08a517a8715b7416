import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages } from '../../i18n/i18n';
import { useSettingsStore } from '../../stores/use-settings-store';

/** The interface language picker. Each language is named in itself, so anyone can find their own. */
export function LanguageSetting() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const setLanguage = useSettingsStore((state) => state.setLanguage);
  const selectId = useId();
  const helpId = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={selectId}>
        {t('settings.languageLabel')}
      </label>
      <select
        id={selectId}
        className="field__control"
        value={language}
        aria-describedby={helpId}
        onChange={(event) => {
          const choice = event.target.value;
          if (isLanguage(choice)) setLanguage(choice);
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`settings.languageNames.${code}`)}
          </option>
        ))}
      </select>
      <p className="field__help" id={helpId}>
        {t('settings.languageHelp')}
      </p>
    </div>
  );
}
