import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeDirectory, manyContacts, sampleCountry } from '../../test/fake-directory';
import { layOutScrollables } from '../../test/list-layout';
import { renderWithDirectory } from '../../test/render-app';

let restoreLayout: () => void;

beforeEach(() => {
  // 560 px: ten rows of 56 px in view.
  restoreLayout = layOutScrollables(560);
});

afterEach(() => {
  restoreLayout();
});

function list(): HTMLElement {
  return screen.getByRole('listbox', { name: 'Contacts' });
}

function options(): HTMLElement[] {
  return within(list()).queryAllByRole('option');
}

function selectedOption(): HTMLElement | null {
  const id = list().getAttribute('aria-activedescendant');
  return id === null ? null : document.getElementById(id);
}

async function twentyThousand() {
  const directory = fakeDirectory({ countries: [sampleCountry()], contacts: manyContacts(20_000) });
  const rendered = await renderWithDirectory(directory);
  await screen.findByText('20,000 contacts');
  await screen.findByText('Contact 00001');
  return { directory, ...rendered };
}

describe('the contact list', () => {
  it('keeps only a window of 20,000 contacts in the page, and asks the core for no more than that', async () => {
    const { directory } = await twentyThousand();
    const rendered = options();
    expect(rendered.length).toBeGreaterThanOrEqual(10);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]?.getAttribute('aria-setsize')).toBe('20000');
    expect(rendered[0]?.getAttribute('aria-posinset')).toBe('1');
    const [watch] = directory.callsOf('directory.contacts.watch');
    expect(watch?.filter).toEqual({});
    expect(watch?.range.limit).toBeLessThanOrEqual(100);
  });

  it('asks for the window around what is visible when scrolled far down', async () => {
    const { directory } = await twentyThousand();
    act(() => {
      list().scrollTop = 56 * 12_000;
      fireEvent.scroll(list());
    });
    expect(await screen.findByText('Contact 12001')).toBeTruthy();
    const rewatch = directory.callsOf('directory.contacts.rewatch').at(-1);
    expect(rewatch?.range.offset).toBeLessThanOrEqual(12_000);
    expect(rewatch?.range.offset).toBeGreaterThan(11_900);
    expect(options().length).toBeLessThan(40);
    expect(screen.queryByText('Contact 00001')).toBeNull();
  });

  it('moves the selection with the arrow keys, Home and End, and opens the selected contact with Enter', async () => {
    const { user } = await twentyThousand();
    list().focus();
    expect(selectedOption()?.textContent).toContain('Contact 00001');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selectedOption()?.textContent).toContain('Contact 00003');
    expect(selectedOption()?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{End}');
    await waitFor(() => {
      expect(selectedOption()?.textContent).toContain('Contact 20000');
    });
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Contact 00002' });
    expect(document.activeElement).toBe(heading);
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(list());
    expect(screen.queryByRole('heading', { level: 2, name: 'Contact 00002' })).toBeNull();
  });

  it('asks before deleting with Delete, in a dialog that keeps focus, and follows the core afterwards', async () => {
    const { user, directory } = await twentyThousand();
    list().focus();
    await user.keyboard('{ArrowDown}{Delete}');
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this contact?' });
    expect(dialog.textContent).toContain('Contact 00002 will leave the lists');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(document.activeElement).toBe(cancel);
    await user.tab();
    expect(document.activeElement).toBe(confirm);
    await user.tab();
    expect(document.activeElement).toBe(cancel);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(list());
    expect(directory.callsOf('directory.contacts.delete')).toEqual([]);

    await user.keyboard('{Delete}');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(directory.callsOf('directory.contacts.delete')).toEqual([{ id: 'con-00002' }]);
    expect(await screen.findByText('19,999 contacts')).toBeTruthy();
    expect(screen.getByText('Contact 00002 was deleted.')).toBeTruthy();
    // The deleted contact stays open with Restore, which undoes it.
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('20,000 contacts')).toBeTruthy();
  });

  it('edits the selected contact with E, and starts a new one with Ctrl+N', async () => {
    const { user } = await twentyThousand();
    list().focus();
    await user.keyboard('e');
    expect(await screen.findByRole('heading', { level: 2, name: 'Edit Contact 00001' })).toBeTruthy();
    await user.keyboard('{Escape}');
    list().focus();
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('heading', { level: 2, name: 'New contact' })).toBeTruthy();
  });

  it('focuses the search box with / or Ctrl+F, and ↓ goes from it into the results', async () => {
    const { user } = await twentyThousand();
    const search = screen.getByRole('combobox', { name: 'Search the directory' });
    list().focus();
    await user.keyboard('/');
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe('');
    list().focus();
    await user.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(search);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(list());
  });

  it('ends the live list when the Directory is left', async () => {
    const { user, directory } = await twentyThousand();
    expect(directory.liveLists()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Documents' }));
    await waitFor(() => {
      expect(directory.liveLists()).toBe(0);
    });
    expect(directory.callsOf('directory.contacts.unwatch')).toHaveLength(1);
  });
});
