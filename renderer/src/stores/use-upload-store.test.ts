import { waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fail } from '../../../shared/api/result';
import { clientFromBridge, installApiClient } from '../api/client';
import { fakeBridge } from '../test/fake-bridge';
import { fakeDocuments, resetDocumentStores, sentBytes, type FakeDocuments } from '../test/fake-documents';
import { bytesToBase64, useUploadStore } from './use-upload-store';

function install(library: FakeDocuments, handlers: Parameters<typeof fakeBridge>[0] = {}): void {
  const fake = fakeBridge({ ...library.handlers, ...handlers });
  library.connect(fake.emit);
  installApiClient(clientFromBridge(fake.bridge));
}

function bytes(size: number, seed: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length: size }, (_unused, index) => (index * 13 + seed) & 0xff);
}

const statusOf = (name: string) => useUploadStore.getState().items.find((item) => item.fileName === name)?.status;

beforeEach(() => {
  resetDocumentStores();
});

describe('bytesToBase64', () => {
  it('encodes a whole 512 KiB chunk (too many bytes for one fromCharCode call) exactly as Node does', () => {
    const chunk = bytes(512 * 1024, 5);
    expect(bytesToBase64(chunk)).toBe(Buffer.from(chunk).toString('base64'));
  });

  it.each([0, 1, 2, 3, 0x8000, 0x8001])('encodes %i bytes, padding included', (size) => {
    const chunk = bytes(size, 1);
    expect(bytesToBase64(chunk)).toBe(Buffer.from(chunk).toString('base64'));
  });
});

describe('the upload queue', () => {
  it('sends chunks of the size the core asks for, in order, and the core gets the file byte for byte', async () => {
    const library = fakeDocuments({ chunkBytes: 1000 });
    install(library);
    const content = bytes(4_500, 9);
    useUploadStore.getState().add([new File([content], 'paper.txt', { type: 'text/plain' })]);
    await waitFor(() => {
      expect(statusOf('paper.txt')).toBe('ready');
    });
    const chunks = library.callsOf('documents.upload.chunk');
    expect(chunks.map((chunk) => chunk.offset)).toEqual([0, 1000, 2000, 3000, 4000]);
    const [sent] = [...sentBytes(library).values()];
    expect(sent !== undefined && Buffer.from(sent).equals(Buffer.from(content))).toBe(true);
    expect(useUploadStore.getState().items[0]?.sentBytes).toBe(4_500);
  });

  it('abandons a file whose chunk the core refuses, tells the core, and goes on with the next', async () => {
    const library = fakeDocuments();
    let refused = false;
    install(library, {
      'documents.upload.chunk': async (input) => {
        if (!refused) {
          refused = true;
          return fail('invalid-input', 'Not base64 data');
        }
        return (await library.handlers['documents.upload.chunk']?.(input)) ?? fail('internal', 'No fake');
      },
    });
    useUploadStore.getState().add([new File(['first'], 'one.txt'), new File(['second'], 'two.txt')]);
    await waitFor(() => {
      expect(statusOf('two.txt')).toBe('ready');
    });
    const one = useUploadStore.getState().items[0];
    expect(one?.status).toBe('failed');
    expect(one?.problem).toEqual({ kind: 'core', error: { code: 'invalid-input', message: 'Not base64 data' } });
    const [firstBegin] = library.callsOf('documents.upload.begin');
    expect(firstBegin?.fileName).toBe('one.txt');
    expect(library.callsOf('documents.upload.cancel')).toHaveLength(1);
  });

  it('releases a finished file the user skips, and forgets settled lines on request', async () => {
    const library = fakeDocuments();
    install(library);
    useUploadStore.getState().add([new File(['text'], 'skip-me.txt')]);
    await waitFor(() => {
      expect(statusOf('skip-me.txt')).toBe('ready');
    });
    const key = useUploadStore.getState().items[0]?.key ?? '';
    await useUploadStore.getState().cancel(key);
    expect(statusOf('skip-me.txt')).toBe('cancelled');
    expect(library.callsOf('documents.upload.cancel')).toHaveLength(1);
    const created = await useUploadStore.getState().create(key, { title: 'Too late' });
    expect(created.ok).toBe(false);
    expect(library.callsOf('documents.create')).toEqual([]);
    useUploadStore.getState().dismissSettled();
    expect(useUploadStore.getState().items).toEqual([]);
  });
});
