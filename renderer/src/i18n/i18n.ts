import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { fr } from './locales/fr';

/** Languages the interface is fully translated into; English is the fallback for everything else. */
export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The first supported language among the user's preferences (`fr-CA` counts as `fr`), else English. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return defaultLanguage;
}

/**
 * The renderer's one i18next instance. A private instance (rather than the library's global) so nothing else on the
 * page can change the language behind the settings store's back.
 */
export const i18n = i18next.createInstance();

/** Initialises translations synchronously in `language`; calling it again only switches the language. */
export function initI18n(language: Language): void {
  if (i18n.isInitialized) {
    applyLanguage(language);
    return;
  }
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    // Resources are bundled, so there is nothing to wait for: `t` works as soon as this returns.
    initAsync: false,
    // React escapes every rendered string already; escaping here too would show `&amp;` to the user.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  syncDocument(language);
}

/** Switches the interface language and keeps `<html lang>` and the window title in step with it. */
export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  syncDocument(language);
}

function syncDocument(language: Language): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
}
