import { create } from 'zustand';
import { applyLanguage, detectLanguage, isLanguage, type Language } from '../i18n/i18n';

/** Where the language choice is kept between runs. */
export const LANGUAGE_STORAGE_KEY = 'focal.language';

export interface SettingsState {
  readonly language: Language;
  /** Switches the interface language now and remembers it for the next start. */
  readonly setLanguage: (language: Language) => void;
}

/** The language to start in: the one chosen earlier, else the system's when supported, else English. */
export function initialLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored !== null) return stored;
  return detectLanguage(typeof navigator === 'undefined' ? [] : [...navigator.languages, navigator.language]);
}

/** Preferences of this computer's user. Today only the language; later issues add more. */
export const useSettingsStore = create<SettingsState>()((set) => ({
  language: initialLanguage(),
  setLanguage: (language) => {
    applyLanguage(language);
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch (error: unknown) {
      // The choice still applies to this session; it just will not survive a restart.
      console.warn('Focal Desk: could not save the language choice', error);
    }
    set({ language });
  },
}));

function readStoredLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}
