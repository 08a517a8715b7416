import type { Locale } from './locales/en';

// Types every `t('…')` key against the English resources, so a misspelt or missing key fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Locale };
  }
}
