import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/api/result';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import { useNavigationStore } from '../../stores/use-navigation-store';
import { fakeDigest, fakeDocuments, renderWithDocuments, resetDocumentStores, sampleDocument, sampleVersion } from '../../test/fake-documents';

beforeEach(() => {
  resetDocumentStores();
});

afterEach(() => {
  Reflect.deleteProperty(HTMLAnchorElement.prototype, 'click');
});

/** A PDF's bytes (not a real PDF: the preview is not opened here), larger than two chunks. */
const firstBytes = Uint8Array.from({ length: 1_100_000 }, (_unused, index) => (index * 7 + 3) & 0xff);
const secondBytes = new TextEncoder().encode('Revised text of the report.');

function sampleLibrary() {
  return fakeDocuments({
    documents: [
      sampleDocument({
        organisationIds: ['org-dk-mfa'],
        contactIds: ['con-dk-fp'],
        versions: [
          sampleVersion({ sha256: fakeDigest(firstBytes), size: firstBytes.length, note: 'As adopted in Copenhagen.' }),
          sampleVersion({
            number: 2,
            sha256: fakeDigest(secondBytes),
            fileName: 'report-2012-revised.docx',
            mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            size: secondBytes.length,
            addedBy: 'Kofi',
          }),
        ],
      }),
      sampleDocument({
        id: 'doc-elsewhere',
        title: 'Synced paper',
        date: '2010-01-01',
        versions: [sampleVersion({ sha256: 'e'.repeat(64), fileName: 'synced.pdf' })],
      }),
    ],
    files: new Map([
      [fakeDigest(firstBytes), firstBytes],
      [fakeDigest(secondBytes), secondBytes],
    ]),
    textStates: { 'doc-2012-report:2': { state: 'failed', reasonCode: 'malformed', reason: 'The document is damaged.' } },
    missing: ['doc-elsewhere:1'],
  });
}

async function openReport() {
  const rendered = await renderWithDocuments(sampleLibrary());
  await screen.findByText('2 documents');
  await rendered.user.click(screen.getByRole('option', { name: /Report of the 2012 meeting/ }));
  const pane = await screen.findByRole('region', { name: 'Report of the 2012 meeting' });
  return { pane, ...rendered };
}

function version(pane: HTMLElement, number: number): HTMLElement {
  return within(pane).getByRole('listitem', { name: `Version ${number}` });
}

// Whole-app renders: slow on a loaded machine, so a generous cap (not a speed check).
describe('a document’s detail', { timeout: 30_000 }, () => {
  it('shows its description, its links and its versions newest first', async () => {
    const { pane } = await openReport();
    expect(within(pane).getByText('Meeting report', { selector: 'dd' })).toBeTruthy();
    expect(within(pane).getByText('May 14, 2012')).toBeTruthy();
    expect(within(pane).getByRole('button', { name: 'Denmark' })).toBeTruthy();
    expect(within(pane).getByRole('button', { name: 'Ghana' })).toBeTruthy();
    expect(within(pane).getByRole('button', { name: 'Ministry of Foreign Affairs' })).toBeTruthy();
    expect(within(pane).getByText('Early warning')).toBeTruthy();
    const versions = within(pane).getByRole('list', { name: 'Versions, newest first' });
    expect(within(versions).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual(['Version 2', 'Version 1']);
    const second = version(pane, 2);
    expect(second.textContent).toContain('report-2012-revised.docx');
    expect(second.textContent).toContain('Word document, 27 byte');
    expect(second.textContent).toContain('by Kofi');
    expect(within(second).getByText('Text not extracted: the file is damaged or not what its type says')).toBeTruthy();
    expect(within(version(pane, 1)).getByText('As adopted in Copenhagen.')).toBeTruthy();
    // The latest version is not a PDF: the preview says so instead of trying.
    expect(within(pane).getByText(/A preview is shown for PDF files only/)).toBeTruthy();
  });

  it('extracts a failed version’s text again on request, and shows its new state', async () => {
    const { pane, user, library } = await openReport();
    await user.click(within(version(pane, 2)).getByRole('button', { name: 'Retry text extraction for version 2' }));
    expect(await within(pane).findByText('Version 2: Text extracted')).toBeTruthy();
    expect(library.callsOf('documents.text.retry')).toEqual([{ documentId: 'doc-2012-report', version: 2 }]);
    await waitFor(() => {
      expect(within(version(pane, 2)).queryByText(/Text not extracted/)).toBeNull();
    });
    expect(within(version(pane, 2)).queryByRole('button', { name: /Retry text extraction/ })).toBeNull();
  });

  it('says why a file cannot be opened with its application in the browser', async () => {
    const { pane, user } = await openReport();
    await user.click(within(version(pane, 1)).getByRole('button', { name: 'Open version 1 with the system’s application' }));
    expect(
      await within(pane).findByText(
        'report-2012.pdf could not be opened: Files open with their application only in the Focal Desk app, not in a browser.',
      ),
    ).toBeTruthy();
  });

  it('saves a copy of a version, read from the core in chunks', async () => {
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob): string => {
        created.push(blob);
        return 'blob:focal/copy';
      },
      revokeObjectURL: () => undefined,
    });
    const clicked: HTMLAnchorElement[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    const { pane, user, library } = await openReport();
    await user.click(within(version(pane, 1)).getByRole('button', { name: 'Save a copy of version 1' }));
    expect(await within(pane).findByText('A copy of report-2012.pdf was saved.')).toBeTruthy();
    expect(library.callsOf('documents.file.read').map((read) => read.offset)).toEqual([0, 524_288, 1_048_576]);
    expect(clicked.map((link) => link.download)).toEqual(['report-2012.pdf']);
    expect(created[0]?.type).toBe('application/pdf');
    const saved = new Uint8Array(await (created[0] ?? new Blob()).arrayBuffer());
    expect(Buffer.from(saved).equals(Buffer.from(firstBytes))).toBe(true);
  });

  it('explains that a file not yet on this device cannot be previewed, opened or saved', async () => {
    const { user } = await renderWithDocuments(sampleLibrary());
    await user.click(await screen.findByRole('option', { name: /Synced paper/ }));
    const pane = await screen.findByRole('region', { name: 'Synced paper' });
    expect(within(pane).getByText(/No preview: the file is not on this device yet/)).toBeTruthy();
    expect(within(pane).getByRole('button', { name: 'Preview version 1' })).toHaveProperty('disabled', true);
    expect(within(pane).getByRole('button', { name: 'Save a copy of version 1' })).toHaveProperty('disabled', true);
    expect(within(pane).getAllByText('File not on this device').length).toBeGreaterThan(0);
  });

  it('edits the description, sending only what changed, and shows the core’s refusals beside their fields', async () => {
    const library = sampleLibrary();
    let refuse = true;
    const { user } = await renderWithDocuments(library, {
      handlers: {
        'documents.update': async (input) => {
          if (refuse) {
            refuse = false;
            return fail('invalid-input', 'The document was not saved.', [{ path: 'changes.title', message: 'Too similar', code: 'too_small' }]);
          }
          return (await library.handlers['documents.update']?.(input)) ?? fail('internal', 'No fake');
        },
      },
    });
    await user.click(await screen.findByRole('option', { name: /Report of the 2012 meeting/ }));
    await screen.findByRole('region', { name: 'Report of the 2012 meeting' });
    await user.keyboard('e');
    const form = await screen.findByRole('form', { name: 'Edit “Report of the 2012 meeting”' });
    const title = within(form).getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Copenhagen report');
    await user.click(within(form).getByRole('checkbox', { name: 'Mediation' }));
    await user.keyboard('{Control>}s{/Control}');
    expect(await within(form).findByText('Enter a title.')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toContain('Not saved: The document was not saved.');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Copenhagen report' })).toBeTruthy();
    expect(library.callsOf('documents.update')).toEqual([
      { id: 'doc-2012-report', changes: { title: 'Copenhagen report', themes: ['early-warning', 'mediation'] } },
    ]);
  });

  it('deletes after asking, and restores', async () => {
    const { pane, user, library } = await openReport();
    await user.click(within(pane).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this document?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('“Report of the 2012 meeting” was deleted.')).toBeTruthy();
    expect(await within(pane).findByText('This document is deleted. Restore it to use it again.')).toBeTruthy();
    await user.click(within(pane).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('“Report of the 2012 meeting” was restored.')).toBeTruthy();
    expect(library.callsOf('documents.delete')).toEqual([{ id: 'doc-2012-report' }]);
    expect(library.callsOf('documents.restore')).toEqual([{ id: 'doc-2012-report' }]);
  });

  it('adds a new version through the same upload, with a note', async () => {
    const { pane, user, library } = await openReport();
    const input = pane.querySelector<HTMLInputElement>('input[type="file"]');
    if (input === null) throw new Error('No file input for a new version');
    await user.upload(input, new File(['Third text'], 'report-v3.txt', { type: 'text/plain' }));
    const form = await screen.findByRole('form', { name: 'Add report-v3.txt to “Report of the 2012 meeting”' });
    await user.type(within(form).getByLabelText('What changed in this version'), 'Typos fixed');
    await user.click(within(form).getByRole('button', { name: 'Add as a new version' }));
    expect(await screen.findByText('A new version of “Report of the 2012 meeting” was added.')).toBeTruthy();
    const [added] = library.callsOf('documents.addVersion');
    expect(added).toMatchObject({ id: 'doc-2012-report', note: 'Typos fixed' });
    expect(await within(pane).findByRole('listitem', { name: 'Version 3' })).toBeTruthy();
  });

  it('opens a linked contact in the Directory', async () => {
    const { pane, user } = await openReport();
    await user.click(within(pane).getByRole('button', { name: 'Karen Jensen' }));
    expect(useNavigationStore.getState().section).toBe('directory');
    expect(useDirectoryViewStore.getState().contactPane).toEqual({ mode: 'detail', id: 'con-dk-fp' });
  });
});
