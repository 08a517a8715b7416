import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render-app';
import { initialLanguage, LANGUAGE_STORAGE_KEY } from '../../stores/use-settings-store';

const frenchSections = ['Annuaire', 'Documents', 'Réunions', "Dossiers d'information", 'Synchronisation', 'Paramètres'];

describe('language setting', () => {
  it('offers English and French, each named in itself', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const select = screen.getByRole('combobox', { name: 'Language' });
    const options = within(select).getAllByRole<HTMLOptionElement>('option');
    expect(options.map((option) => [option.value, option.textContent])).toEqual([
      ['en', 'English'],
      ['fr', 'Français'],
    ]);
    expect((select as HTMLSelectElement).value).toBe('en');
  });

  it('switches the whole interface to French, and remembers the choice', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr');

    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getAllByRole('button').map((button) => button.textContent)).toEqual(frenchSections);
    expect(within(nav).getByRole('button', { name: 'Paramètres' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Paramètres');
    expect(screen.getByRole('combobox', { name: 'Langue' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(initialLanguage()).toBe('fr');

    await user.click(screen.getByRole('button', { name: 'Annuaire' }));
    expect(screen.getByText("Aucun point focal pour l'instant")).toBeTruthy();
  });

  it('starts in the remembered language, else the system one, else English', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(initialLanguage()).toBe('fr');
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    // jsdom reports en-US, so an unknown stored value falls back to it.
    expect(initialLanguage()).toBe('en');
  });
});
