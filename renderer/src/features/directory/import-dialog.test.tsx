import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ImportReport, ImportRowPreview } from '../../../../shared/api/directory';
import type { ImportProgress } from '../../../../shared/api/events';
import { fail, ok, type Result } from '../../../../shared/api/result';
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

const csv = 'Person;Mail;Nation\r\nAmina Diallo;amina@example.org;CI\r\nKaren Jensen;karen.jensen@example.dk;DK\r\n';

function row(overrides: Partial<ImportRowPreview>): ImportRowPreview {
  return { record: 1, line: 2, action: 'create', displayName: 'Amina Diallo', messages: [], issues: [], matchesContactId: null, ...overrides };
}

/** A skip of a record that is already in the directory as Karen Jensen. */
function sameAsKaren(): Partial<ImportRowPreview> {
  return { messages: ['same as Karen Jensen'], issues: [{ code: 'duplicate-of', params: { name: 'Karen Jensen' }, message: 'same as Karen Jensen' }] };
}

function preview(rows: readonly ImportRowPreview[], format: 'csv' | 'vcard' = 'csv'): ImportPreview {
  const counts = { create: 0, update: 0, skip: 0, error: 0 };
  for (const entry of rows) counts[entry.action] += 1;
  return {
    previewId: 'preview-1',
    format,
    columns: format === 'csv' ? ['Person', 'Mail', 'Nation'] : [],
    mapping: format === 'csv' ? { Person: 'displayName', Mail: 'email', Nation: 'ignore' } : {},
    rows,
    counts,
  };
}

async function openImport(handlers: Parameters<typeof renderWithDirectory>[1] = {}) {
  const directory = fakeDirectory({ countries: [sampleCountry()], contacts: [sampleContact()] });
  const rendered = await renderWithDirectory(directory, handlers);
  await screen.findByText('1 contact');
  await rendered.user.click(screen.getByRole('button', { name: 'Import…' }));
  const dialog = screen.getByRole('dialog', { name: 'Import contacts' });
  return { directory, dialog, ...rendered };
}

function file(name: string, content: string | Uint8Array<ArrayBuffer>, type = 'text/csv'): File {
  return new File([content], name, { type });
}

describe('the import dialog', () => {
  it('maps a CSV’s columns, previews row by row with errors, and imports only once none is left', async () => {
    const { user, dialog, directory } = await openImport();
    const input = within(dialog).getByLabelText('File to import');
    expect(document.activeElement).toBe(input);
    directory.preparePreview(preview([row({}), row({ record: 2, line: 3, action: 'skip', displayName: 'Karen Jensen', ...sameAsKaren() })]));
    await user.upload(input, file('people.csv', csv));

    expect(await within(dialog).findByRole('heading', { name: 'Match the columns of people.csv' })).toBeTruthy();
    expect(directory.callsOf('directory.import.preview')).toEqual([{ format: 'csv', text: csv }]);
    const nation = within(dialog).getByRole('combobox', { name: 'Field for the column Nation' });
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Field for the column Person' }).value).toBe('displayName');
    expect((nation as HTMLSelectElement).value).toBe('ignore');
    await user.selectOptions(nation, 'country');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Delimiter' }), ';');
    // A new delimiter asks the core for the columns again; the mapping shown is then its guess.
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Field for the column Nation' }), 'country');

    directory.preparePreview(
      preview([
        row({}),
        row({
          record: 2,
          line: 3,
          action: 'error',
          displayName: 'Karen Jensen',
          messages: ['country: unknown country "Dnmark": use a two-letter ISO code such as DK, or the country\'s name'],
          issues: [
            {
              code: 'unknown-country',
              field: 'country',
              params: { value: 'Dnmark' },
              message: 'country: unknown country "Dnmark": use a two-letter ISO code such as DK, or the country\'s name',
            },
          ],
        }),
      ]),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(directory.callsOf('directory.import.preview').at(-1)).toEqual({
      format: 'csv',
      text: csv,
      delimiter: ';',
      mapping: { Person: 'displayName', Mail: 'email', Nation: 'country' },
    });
    expect(await within(dialog).findByText('1 to create, 0 to update, 0 to skip, 1 in error.')).toBeTruthy();
    const errorRow = within(dialog).getByRole('row', { name: /Karen Jensen/ });
    expect(within(errorRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '2',
      '3',
      'Error',
      'Karen Jensen',
      'Country: unknown country “Dnmark”: use a two-letter ISO code such as DK, or the country’s name',
    ]);
    expect(within(dialog).getByText(/Nothing is imported while a row is in error/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Show' }), 'errors');
    expect(within(dialog).getAllByRole('row')).toHaveLength(2);

    await user.click(within(dialog).getByRole('button', { name: 'Back to the columns' }));
    directory.preparePreview(preview([row({}), row({ record: 2, line: 3, action: 'update', displayName: 'Karen Jensen' })]));
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByText('1 to create, 1 to update, 0 to skip, 0 in error.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(directory.callsOf('directory.import.commit')).toEqual([{ previewId: 'preview-1' }]);
    expect(await within(dialog).findByText('1 created, 1 updated, 0 skipped.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import…' }));
  });

  it('goes straight to the preview for a vCard, and offers nothing to import when every card is a skip', async () => {
    const { user, dialog, directory } = await openImport();
    directory.preparePreview(preview([row({ action: 'skip', displayName: 'Karen Jensen', ...sameAsKaren() })], 'vcard'));
    await user.upload(within(dialog).getByLabelText('File to import'), file('export.vcf', 'BEGIN:VCARD\r\nFN:Karen Jensen\r\nEND:VCARD\r\n', 'text/vcard'));
    expect(await within(dialog).findByText('0 to create, 0 to update, 1 to skip, 0 in error.')).toBeTruthy();
    expect(directory.callsOf('directory.import.preview')[0]?.format).toBe('vcard');
    expect(within(dialog).getByText('Nothing to import: every record is already in the directory.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);
    expect(within(dialog).queryByRole('button', { name: 'Back to the columns' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(directory.callsOf('directory.import.commit')).toEqual([]);
  });

  it('refuses a file that is not UTF-8 before sending it anywhere', async () => {
    const { user, dialog, directory } = await openImport();
    // "Côte" in Windows-1252, as a spreadsheet might save it.
    await user.upload(within(dialog).getByLabelText('File to import'), file('latin1.csv', new Uint8Array([0x43, 0xf4, 0x74, 0x65, 0x0a])));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/^This file is not UTF-8 text/);
    expect(within(dialog).getByLabelText('File to import').getAttribute('aria-invalid')).toBe('true');
    expect(directory.callsOf('directory.import.preview')).toEqual([]);
  });

  it('says when the directory changed since the preview, and previews again', async () => {
    const commit = vi.fn(() => Promise.resolve(fail<ImportReport>('conflict', 'The directory changed.')));
    const { user, dialog, directory } = await openImport({ 'directory.import.commit': commit });
    directory.preparePreview(preview([row({})], 'vcard'));
    await user.upload(within(dialog).getByLabelText('File to import'), file('one.vcf', 'BEGIN:VCARD\r\nFN:Amina\r\nEND:VCARD\r\n'));
    await within(dialog).findByText('1 to create, 0 to update, 0 to skip, 0 in error.');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText(/The directory changed since this preview/)).toBeTruthy();
    expect(commit).toHaveBeenCalledWith({ previewId: 'preview-1' });
    expect(within(dialog).getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('button', { name: 'Preview again' }));
    await waitFor(() => {
      expect(within(dialog).getByRole('button', { name: 'Import' })).toHaveProperty('disabled', false);
    });
  });

  it('shows how far a long preview and the import have got, with a bar and its text, then leaves no bar behind', async () => {
    let answerPreview: (result: Result<ImportPreview>) => void = () => undefined;
    let answerCommit: (result: Result<ImportReport>) => void = () => undefined;
    const { user, dialog, fake } = await openImport({
      'directory.import.preview': () =>
        new Promise((resolve) => {
          answerPreview = resolve;
        }),
      'directory.import.commit': () =>
        new Promise((resolve) => {
          answerCommit = resolve;
        }),
    });
    const step = (progress: ImportProgress): void => {
      act(() => {
        fake.emit({ name: 'directory.import.progress', payload: progress });
      });
    };
    await user.upload(within(dialog).getByLabelText('File to import'), file('big.vcf', 'BEGIN:VCARD\r\nFN:Amina\r\nEND:VCARD\r\n', 'text/vcard'));

    // Before the core's first step: a bar without a value.
    const bar = await within(dialog).findByRole('progressbar', { name: 'Import progress' });
    expect(bar.hasAttribute('value')).toBe(false);
    expect(within(dialog).getByText('Reading the file…')).toBeTruthy();

    step({ previewId: 'imp-1', operation: 'preview', phase: 'reading', done: 4_000, total: 20_000 });
    expect(within(dialog).getByText('Reading the file: 4,000 of 20,000 records')).toBeTruthy();
    expect(within(dialog).getByRole<HTMLProgressElement>('progressbar').value).toBe(4_000);
    expect(within(dialog).getByRole<HTMLProgressElement>('progressbar').max).toBe(20_000);
    // Another operation's steps are not this one's.
    step({ previewId: 'imp-0', operation: 'commit', phase: 'writing', done: 10, total: 20 });
    expect(within(dialog).getByText('Reading the file: 4,000 of 20,000 records')).toBeTruthy();
    step({ previewId: 'imp-1', operation: 'preview', phase: 'checking', done: 20_000, total: 20_000 });
    expect(within(dialog).getByText('Comparing with the directory: 20,000 of 20,000 records')).toBeTruthy();

    answerPreview(ok(preview([row({})], 'vcard')));
    expect(await within(dialog).findByText('1 to create, 0 to update, 0 to skip, 0 in error.')).toBeTruthy();
    expect(within(dialog).queryByRole('progressbar')).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByRole('progressbar', { name: 'Import progress' })).toBeTruthy();
    step({ previewId: 'preview-1', operation: 'commit', phase: 'writing', done: 1_000, total: 20_000 });
    expect(within(dialog).getByText('Writing to the directory: 1,000 of 20,000 contacts')).toBeTruthy();
    // A step of another preview's commit is left out.
    step({ previewId: 'preview-0', operation: 'commit', phase: 'writing', done: 5, total: 5 });
    expect(within(dialog).getByText('Writing to the directory: 1,000 of 20,000 contacts')).toBeTruthy();

    answerCommit(ok({ created: 1, updated: 0, skipped: 0, createdIds: [] }));
    expect(await within(dialog).findByText('1 created, 0 updated, 0 skipped.')).toBeTruthy();
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
  });
});

