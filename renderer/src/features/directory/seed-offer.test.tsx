import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeedReport } from '../../../../shared/api/directory';
import { fail } from '../../../../shared/api/result';
import { useSettingsStore } from '../../stores/use-settings-store';
import { fakeDirectory, sampleContact, sampleCountry } from '../../test/fake-directory';
import { layOutScrollables } from '../../test/list-layout';
import { renderWithDirectory } from '../../test/render-app';

let restoreLayout: () => void;

beforeEach(() => {
  restoreLayout = layOutScrollables(560);
});

afterEach(() => {
  restoreLayout();
});

describe('the first-run offer', () => {
  it('offers the demo network on an empty directory, says it is marked, and loads it', async () => {
    const directory = fakeDirectory();
    const { user } = await renderWithDirectory(directory);
    const offer = await screen.findByRole('region', { name: 'No focal points yet' });
    expect(within(offer).getByText('Demo entries are marked “Demo” and can be deleted like any other entry.')).toBeTruthy();
    expect(await screen.findByText('No contacts yet.')).toBeTruthy();
    await user.click(within(offer).getByRole('button', { name: 'Load the demo network from the 2012 meeting report' }));
    expect(directory.callsOf('directory.seed')).toEqual([{}]);
    expect(await screen.findByText('Demo network loaded: 1 countries, 1 organisations and 1 contacts.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'No focal points yet' })).toBeNull();
    const row = await screen.findByRole('option', { name: /Karen Jensen/ });
    expect(within(row).getByText('Demo')).toBeTruthy();
    expect(within(row).getByText('Focal point')).toBeTruthy();
  });

  it('is not offered once the directory holds anything', async () => {
    await renderWithDirectory(fakeDirectory({ countries: [sampleCountry()], contacts: [sampleContact()] }));
    expect(await screen.findByText('1 contact')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Load the demo network/ })).toBeNull();
  });

  it('says why when the core refuses, in French too', async () => {
    useSettingsStore.getState().setLanguage('fr');
    const refuse = () => Promise.resolve(fail<SeedReport>('conflict', "L'annuaire n'est plus vide."));
    const { user } = await renderWithDirectory(fakeDirectory(), { 'directory.seed': refuse });
    await user.click(await screen.findByRole('button', { name: 'Charger le réseau de démonstration tiré du rapport de la réunion de 2012' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Le réseau de démonstration n'a pas pu être chargé. L'annuaire n'est plus vide.",
    );
  });
});
