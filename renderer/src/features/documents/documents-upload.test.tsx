import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/api/result';
import { fakeDocuments, renderWithDocuments, resetDocumentStores, sampleDocument, sampleVersion, sentBytes, fakeDigest } from '../../test/fake-documents';

beforeEach(() => {
  resetDocumentStores();
});

/** Bytes that differ at every position, so a chunk sent twice, dropped or out of order changes the whole. */
function patterned(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (index * 31 + seed + (index >> 9)) & 0xff;
  return bytes;
}

/** Byte-for-byte equality (a deep equal of a megabyte array element by element would be needlessly slow). */
function sameBytes(actual: Uint8Array | undefined, expected: Uint8Array): boolean {
  return actual !== undefined && Buffer.from(actual).equals(Buffer.from(expected));
}

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type="file"][multiple]');
  if (input === null) throw new Error('No file input for adding documents');
  return input;
}

function uploadItem(name: string): HTMLElement {
  return screen.getByRole('listitem', { name });
}

// Whole-app renders with forms typed into: slow on a loaded machine, so a generous cap (not a speed check).
describe('adding documents', { timeout: 30_000 }, () => {
  it('sends two files one after another with their progress, and makes each a document once described', async () => {
    const library = fakeDocuments();
    const { user } = await renderWithDocuments(library);
    const bigBytes = patterned(1_200_000, 7);
    const big = new File([bigBytes], 'Annual_report_2012.pdf', { type: 'application/pdf' });
    const smallBytes = new TextEncoder().encode('Statement on early warning, Accra 2013.');
    const small = new File([smallBytes], 'statement.txt', { type: 'text/plain' });
    const chunks = library.holdChunks();

    await user.upload(fileInput(), [big, small]);
    const bar = await screen.findByRole('progressbar', { name: 'Sending Annual_report_2012.pdf' });
    await waitFor(() => {
      expect(chunks.waiting()).toBe(1);
    });
    expect(bar.getAttribute('aria-valuetext')).toBe('0 byte of 1.2 MB sent');
    // One file at a time: the second is not even announced while the first is being sent.
    expect(library.callsOf('documents.upload.begin').map((call) => call.fileName)).toEqual(['Annual_report_2012.pdf']);
    expect(within(uploadItem('statement.txt')).getByText('Waiting to be sent')).toBeTruthy();

    chunks.step();
    await waitFor(() => {
      expect(screen.getByRole('progressbar', { name: 'Sending Annual_report_2012.pdf' }).getAttribute('aria-valuetext')).toBe(
        '524 kB of 1.2 MB sent',
      );
    });
    expect(within(uploadItem('Annual_report_2012.pdf')).getByText('524 kB of 1.2 MB sent')).toBeTruthy();
    chunks.release();

    const first = await screen.findByRole('form', { name: 'Describe Annual_report_2012.pdf' });
    const title = within(first).getByLabelText<HTMLInputElement>('Title');
    expect(title.value).toBe('Annual report 2012');
    await user.selectOptions(within(first).getByLabelText('Kind'), 'meeting-report');
    await user.selectOptions(within(first).getByRole('combobox', { name: 'Country to add' }), 'dk');
    await user.click(within(first).getByRole('button', { name: 'Add country' }));
    await user.click(within(first).getByRole('checkbox', { name: /^Pillar II —/ }));
    await user.click(within(first).getByRole('checkbox', { name: 'Early warning' }));
    await user.click(within(first).getByRole('button', { name: 'Add to the library' }));

    const second = await screen.findByRole('form', { name: 'Describe statement.txt' });
    await user.clear(within(second).getByLabelText('Title'));
    await user.type(within(second).getByLabelText('Title'), 'Accra statement');
    await user.click(within(second).getByRole('button', { name: 'Add to the library' }));

    await waitFor(() => {
      expect(library.callsOf('documents.create')).toHaveLength(2);
    });
    const [createdBig, createdSmall] = library.callsOf('documents.create');
    expect(createdBig?.document).toMatchObject({
      title: 'Annual report 2012',
      kind: 'meeting-report',
      countryIds: ['dk'],
      pillars: ['II'],
      themes: ['early-warning'],
      visibility: 'network',
    });
    expect(createdSmall?.document.title).toBe('Accra statement');
    expect(await screen.findByRole('option', { name: /Annual report 2012/ })).toBeTruthy();
    expect(await screen.findByRole('option', { name: /Accra statement/ })).toBeTruthy();

    // What reached the core, chunk by chunk and in order, is each file byte for byte.
    const begins = library.callsOf('documents.upload.begin');
    expect(begins).toEqual([
      { fileName: 'Annual_report_2012.pdf', size: 1_200_000, mediaType: 'application/pdf' },
      { fileName: 'statement.txt', size: smallBytes.length, mediaType: 'text/plain' },
    ]);
    const sent = sentBytes(library);
    expect([...sent.values()].map((bytes) => fakeDigest(bytes))).toEqual([fakeDigest(bigBytes), fakeDigest(smallBytes)]);
    expect(sameBytes(sent.get(createdBig?.uploadId ?? ''), bigBytes)).toBe(true);
    expect(sameBytes(sent.get(createdSmall?.uploadId ?? ''), smallBytes)).toBe(true);
    expect(library.callsOf('documents.upload.chunk').map((chunk) => chunk.offset)).toEqual([0, 524_288, 1_048_576, 0]);
    expect(within(uploadItem('statement.txt')).getByText('Added to the library.')).toBeTruthy();
  });

  it('shows a refusal of the core beside its own file, and goes on with the others', async () => {
    const library = fakeDocuments({ maxFileBytes: 1000 });
    const { user } = await renderWithDocuments(library);
    const big = new File([patterned(5000, 1)], 'huge.pdf', { type: 'application/pdf' });
    const small = new File(['short note'], 'note.txt', { type: 'text/plain' });
    const empty = new File([], 'empty.txt', { type: 'text/plain' });

    await user.upload(fileInput(), [big, empty, small]);
    expect(await screen.findByRole('form', { name: 'Describe note.txt' })).toBeTruthy();
    const refused = within(uploadItem('huge.pdf')).getByRole('alert');
    expect(refused.textContent).toBe('Not added: huge.pdf is larger than the 1000 bytes the library takes.');
    expect(within(uploadItem('empty.txt')).getByRole('alert').textContent).toBe('Not added: the file is empty.');
    expect(within(uploadItem('note.txt')).queryByRole('alert')).toBeNull();
    // The empty file is caught here with the core's own rule; it never reaches the core.
    expect(library.callsOf('documents.upload.begin').map((call) => call.fileName)).toEqual(['huge.pdf', 'note.txt']);
  });

  it('refuses a name that hides its type with a direction override, without sending it', async () => {
    const library = fakeDocuments();
    const { user } = await renderWithDocuments(library);
    await user.upload(fileInput(), [new File(['x'], 'report\u202efdp.exe', { type: '' })]);
    const alert = await within(await screen.findByRole('region', { name: 'Adding files' })).findByRole('alert');
    expect(alert.textContent).toContain('direction-changing characters');
    expect(library.callsOf('documents.upload.begin')).toEqual([]);
  });

  it('says when the same file is already in the library, and skips it or adds it anyway', async () => {
    const bytes = new TextEncoder().encode('The exact same bytes');
    const library = fakeDocuments({
      documents: [sampleDocument({ versions: [sampleVersion({ sha256: fakeDigest(bytes), fileName: 'report.txt', mediaType: 'text/plain', size: bytes.length })] })],
    });
    const { user } = await renderWithDocuments(library);

    await user.upload(fileInput(), [new File([bytes], 'copy.txt', { type: 'text/plain' })]);
    expect(await screen.findByText('This exact file is already in “Report of the 2012 meeting” (version 1).')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Skip this file' }));
    expect(within(uploadItem('copy.txt')).getByText('Not added.')).toBeTruthy();
    expect(library.callsOf('documents.upload.cancel')).toHaveLength(1);

    await user.upload(fileInput(), [new File([bytes], 'again.txt', { type: 'text/plain' })]);
    await within(uploadItem('again.txt')).findByText(/already in/);
    await user.click(within(uploadItem('again.txt')).getByRole('button', { name: 'Add it anyway as a new document' }));
    expect(await screen.findByRole('form', { name: 'Describe again.txt' })).toBeTruthy();
  });

  it('cancels a file while it is being sent, and tells the core', async () => {
    const library = fakeDocuments();
    const { user } = await renderWithDocuments(library);
    const chunks = library.holdChunks();
    await user.upload(fileInput(), [new File([patterned(1_100_000, 3)], 'long.pdf', { type: 'application/pdf' })]);
    await screen.findByRole('progressbar', { name: 'Sending long.pdf' });
    await user.click(screen.getByRole('button', { name: 'Cancel long.pdf' }));
    chunks.release();
    expect(await within(uploadItem('long.pdf')).findByText('Not added.')).toBeTruthy();
    expect(library.callsOf('documents.upload.cancel')).toHaveLength(1);
    expect(library.callsOf('documents.upload.finish')).toEqual([]);
    expect(library.callsOf('documents.upload.chunk').length).toBeLessThan(3);
  });

  it('checks the description as it is typed, and shows the core’s refusals beside their fields', async () => {
    const library = fakeDocuments();
    const { user } = await renderWithDocuments(library, {
      handlers: {
        'documents.create': async () =>
          fail('invalid-input', 'Some countries are not in the directory.', [
            { path: 'document.countryIds.0', message: 'gh is not in the directory', code: 'unknown-country' },
          ]),
      },
    });
    await user.upload(fileInput(), [new File(['text'], 'notes.md', { type: 'text/markdown' })]);
    const form = await screen.findByRole('form', { name: 'Describe notes.md' });
    const title = within(form).getByLabelText('Title');
    await user.clear(title);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Enter a title.')).toBeTruthy();
    await user.type(title, 'Notes');
    expect(title.getAttribute('aria-invalid')).toBe('false');
    const language = within(form).getByLabelText('Language');
    await user.type(language, 'english!');
    expect(within(form).getByText('Use a language tag such as en or fr.')).toBeTruthy();
    await user.clear(language);

    await user.selectOptions(within(form).getByRole('combobox', { name: 'Country to add' }), 'gh');
    await user.click(within(form).getByRole('button', { name: 'Add country' }));
    await user.click(within(form).getByRole('button', { name: 'Add to the library' }));
    expect(await within(form).findByText('This is not an ISO 3166 country code.')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toContain('Not saved: Some countries are not in the directory.');
  });
});
