import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSearchResult } from '../../../../shared/api/documents';
import { ok, type Result } from '../../../../shared/api/result';
import { useDocumentsStore } from '../../stores/use-documents-store';
import { fakeDocuments, renderWithDocuments, resetDocumentStores, sampleDocument, sampleVersion } from '../../test/fake-documents';

beforeEach(() => {
  resetDocumentStores();
});

const hostile = '<img src=x onerror=alert(1)>';

function sampleLibrary() {
  return fakeDocuments({
    documents: [
      sampleDocument(),
      sampleDocument({
        id: 'doc-ghana-nap',
        title: 'Ghana national action plan',
        kind: 'national-action-plan',
        countryIds: ['gh'],
        pillars: ['III'],
        language: 'fr',
        date: '2015-02-01',
        versions: [sampleVersion({ sha256: 'b'.repeat(64), fileName: 'nap.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 48_000 })],
      }),
      sampleDocument({
        id: 'doc-hostile',
        title: hostile,
        kind: 'case-study',
        countryIds: [],
        pillars: [],
        date: null,
        versions: [sampleVersion({ sha256: 'c'.repeat(64), fileName: 'case.pdf', size: 2_000 })],
      }),
    ],
    texts: {
      'doc-2012-report': 'The network agreed that early warning needs national focal points with a mandate.',
      'doc-hostile': `A case where ${hostile} was found in the minutes, and early warning failed.`,
    },
    missing: ['doc-ghana-nap:1'],
    textStates: {
      'doc-hostile:1': { state: 'failed', reasonCode: 'encrypted', reason: 'The PDF is password-protected.' },
    },
  });
}

function list(): HTMLElement {
  return screen.getByRole('listbox', { name: 'Documents' });
}

function option(name: RegExp | string): HTMLElement {
  return within(list()).getByRole('option', { name });
}

// Whole-app renders: slow on a loaded machine, so a generous cap (not a speed check).
describe('the library', { timeout: 30_000 }, () => {
  it('lists documents with their kind, date, countries, pillars, file and its state', async () => {
    await renderWithDocuments(sampleLibrary());
    await screen.findByText('3 documents');
    const report = option(/Report of the 2012 meeting/);
    expect(report.textContent).toContain('Meeting report');
    expect(report.textContent).toContain('May 14, 2012');
    expect(report.textContent).toContain('Denmark, Ghana');
    expect(report.textContent).toContain('Pillars I, II');
    expect(report.textContent).toContain('PDF, 1.2 MB');
    expect(within(report).getByText('On this device')).toBeTruthy();
    const plan = option(/Ghana national action plan/);
    expect(plan.textContent).toContain('Word document, 48 kB');
    expect(within(plan).getByText('File not on this device')).toBeTruthy();
    const hostileRow = option(/case study/i);
    expect(within(hostileRow).getByText('Text not extracted: the file is password-protected')).toBeTruthy();
    expect(hostileRow.textContent).toContain('No date');
    // Newest first.
    expect(within(list()).getAllByRole('option').map((row) => row.querySelector('.document-row__title')?.textContent)).toEqual([
      'Ghana national action plan',
      'Report of the 2012 meeting',
      hostile,
    ]);
    expect(screen.getByText('Files on this device: 3 files, 1.3 MB. Text of 1 file could not be extracted.')).toBeTruthy();
  });

  it('searches as the user types, showing each hit’s excerpt with the words marked and every text escaped', async () => {
    const library = sampleLibrary();
    const { user } = await renderWithDocuments(library);
    await screen.findByText('3 documents');
    await user.type(screen.getByRole('searchbox', { name: 'Search documents' }), 'early warning');
    expect(await screen.findByText('2 results for “early warning”')).toBeTruthy();
    // Debounced: one search for the whole phrase, not one per letter.
    expect(library.callsOf('documents.search').map((call) => call.text)).toEqual(['early warning']);
    const hit = option(/minutes/);
    const marks = [...hit.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['early warning']);
    expect(hit.querySelector('.document-row__snippet')?.textContent).toBe(`A case where ${hostile} was found in the minutes, and early warning failed.`);
    expect(within(hit).getByText(hostile)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(option(/national focal points/).querySelector('mark')?.textContent).toBe('early warning');

    await user.clear(screen.getByRole('searchbox', { name: 'Search documents' }));
    expect(await screen.findByText('3 documents')).toBeTruthy();
    expect(document.querySelector('mark')).toBeNull();
  });

  it('drops the answer of an older search that arrives after a newer one', async () => {
    const library = sampleLibrary();
    const pending: ((result: Result<DocumentSearchResult>) => void)[] = [];
    const { user } = await renderWithDocuments(library, {
      handlers: {
        'documents.search': () =>
          new Promise((resolve) => {
            pending.push(resolve);
          }),
      },
    });
    await screen.findByText('3 documents');
    const box = screen.getByRole('searchbox', { name: 'Search documents' });
    await user.type(box, 'ghana');
    await waitFor(() => {
      expect(pending).toHaveLength(1);
    });
    await user.clear(box);
    await user.type(box, 'report');
    await waitFor(() => {
      expect(pending).toHaveLength(2);
    });
    const answer = async (text: string) => {
      const result = await library.handlers['documents.search']?.({ text });
      if (result === undefined || !result.ok) throw new Error('The fake did not answer');
      return ok(result.value);
    };
    // The newer answer first, then the older one: the older must not replace it.
    await act(async () => {
      pending[1]?.(await answer('report'));
    });
    await act(async () => {
      pending[0]?.(await answer('ghana'));
    });
    expect(await screen.findByText('1 result for “report”')).toBeTruthy();
    expect(within(list()).queryByRole('option', { name: /Ghana national action plan/ })).toBeNull();
    expect(useDocumentsStore.getState().search.text).toBe('report');
  });

  it('asks the core for the list with the filters and order chosen', async () => {
    const library = sampleLibrary();
    const { user } = await renderWithDocuments(library);
    await screen.findByText('3 documents');
    const lastList = () => library.callsOf('documents.list').at(-1);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'national-action-plan');
    await screen.findByText('1 document');
    expect(lastList()?.filter).toEqual({ kinds: ['national-action-plan'] });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'gh');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Pillar' }), 'III');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr');
    await user.type(screen.getByRole('textbox', { name: 'From year' }), '2014');
    await user.type(screen.getByRole('textbox', { name: 'To year' }), '2016');
    await waitFor(() => {
      expect(lastList()?.filter).toEqual({
        kinds: ['national-action-plan'],
        countryIds: ['gh'],
        pillars: ['III'],
        languages: ['fr'],
        yearFrom: 2014,
        yearTo: 2016,
      });
    });
    expect(await screen.findByText('1 document')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Order' }), 'title');
    await waitFor(() => {
      expect(lastList()?.sort).toBe('title');
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      expect(lastList()?.filter).toEqual({});
    });
    expect(await screen.findByText('3 documents')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'From year' }).value).toBe('');
  });

  it('says when a year is not one, without asking the core', async () => {
    const library = sampleLibrary();
    const { user } = await renderWithDocuments(library);
    await screen.findByText('3 documents');
    const calls = library.callsOf('documents.list').length;
    const from = screen.getByRole('textbox', { name: 'From year' });
    await user.type(from, '1850');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use a year between 1900 and 2200.')).toBeTruthy();
    expect(library.callsOf('documents.list')).toHaveLength(calls);
  });

  it('focuses the search with / and Ctrl+F, moves through the list with the arrows and opens with Enter', async () => {
    const { user } = await renderWithDocuments(sampleLibrary());
    await screen.findByText('3 documents');
    const box = screen.getByRole('searchbox', { name: 'Search documents' });
    await user.click(document.body);
    await user.keyboard('/');
    expect(document.activeElement).toBe(box);
    expect(box).toHaveProperty('value', '');
    list().focus();
    await user.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(box);

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(list());
    const selected = () => document.getElementById(list().getAttribute('aria-activedescendant') ?? '');
    expect(selected()?.textContent).toContain('Ghana national action plan');
    await user.keyboard('{ArrowDown}');
    expect(selected()?.textContent).toContain('Report of the 2012 meeting');
    expect(selected()?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Report of the 2012 meeting' });
    await waitFor(() => {
      expect(document.activeElement).toBe(heading);
    });
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(list());
    expect(screen.queryByRole('heading', { level: 2, name: 'Report of the 2012 meeting' })).toBeNull();
  });

  it('reloads the list and the storage figures when the core says documents changed', async () => {
    const library = sampleLibrary();
    await renderWithDocuments(library);
    await screen.findByText('3 documents');
    const lists = library.callsOf('documents.list').length;
    const storages = library.callsOf('documents.storage').length;
    await act(async () => {
      await library.handlers['documents.delete']?.({ id: 'doc-ghana-nap' });
    });
    expect(await screen.findByText('2 documents')).toBeTruthy();
    expect(library.callsOf('documents.list').length).toBeGreaterThan(lists);
    expect(library.callsOf('documents.storage').length).toBeGreaterThan(storages);
  });
});
