import { describe, expect, it } from 'vitest';
import { applyLanguage, detectLanguage, i18n } from './i18n';

describe('detectLanguage', () => {
  it('picks the first supported language among the preferences, by its base tag', () => {
    expect(detectLanguage(['fr-CA', 'en-US'])).toBe('fr');
    expect(detectLanguage(['de-DE', 'FR'])).toBe('fr');
    expect(detectLanguage(['en-GB', 'fr'])).toBe('en');
  });

  it('falls back to English when nothing is supported', () => {
    expect(detectLanguage(['de-DE', 'es'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });
});

describe('applyLanguage', () => {
  it('translates and keeps <html lang> in step', () => {
    applyLanguage('fr');
    expect(i18n.t('sections.settings')).toBe('Paramètres');
    expect(document.documentElement.lang).toBe('fr');
    applyLanguage('en');
    expect(i18n.t('sections.settings')).toBe('Settings');
    expect(document.documentElement.lang).toBe('en');
  });
});
