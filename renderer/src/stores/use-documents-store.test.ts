import { act } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clientFromBridge, installApiClient } from '../api/client';
import { fakeBridge } from '../test/fake-bridge';
import { fakeDocuments, resetDocumentStores, sampleDocument, type FakeDocuments } from '../test/fake-documents';
import { SEARCH_DEBOUNCE_MS, useDocumentsStore } from './use-documents-store';

function install(library: FakeDocuments): void {
  const fake = fakeBridge(library.handlers);
  library.connect(fake.emit);
  installApiClient(clientFromBridge(fake.bridge));
}

function library(): FakeDocuments {
  return fakeDocuments({
    documents: [sampleDocument(), sampleDocument({ id: 'doc-two', title: 'Second paper', kind: 'statement', date: '2013-01-01' })],
    texts: { 'doc-two': 'A statement about prevention.' },
  });
}

beforeEach(() => {
  resetDocumentStores();
});

describe('the documents store', () => {
  it('runs one search once typing pauses, for the last text typed', async () => {
    vi.useFakeTimers();
    const fake = library();
    install(fake);
    const store = useDocumentsStore.getState();
    store.setQuery('p');
    store.setQuery('pr');
    store.setQuery('prevention');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    expect(fake.callsOf('documents.search')).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fake.callsOf('documents.search').map((call) => call.text)).toEqual(['prevention']);
    await vi.runAllTimersAsync();
    expect(useDocumentsStore.getState().search.hits.map((hit) => hit.document.id)).toEqual(['doc-two']);
  });

  it('shows the list again at once when the text is cleared, ignoring a search still on its way', async () => {
    const fake = library();
    install(fake);
    const store = useDocumentsStore.getState();
    store.setQuery('prevention');
    const running = store.searchNow();
    store.setQuery('');
    await running;
    expect(useDocumentsStore.getState().search).toMatchObject({ status: 'idle', hits: [] });
  });

  it('searches within the filters, and applies a new filter to a running search', async () => {
    const fake = library();
    install(fake);
    const store = useDocumentsStore.getState();
    store.setQuery('paper');
    await store.searchNow();
    await act(async () => {
      useDocumentsStore.getState().setFilter({ kinds: ['statement'] });
      await Promise.resolve();
    });
    expect(fake.callsOf('documents.search').at(-1)?.filter).toEqual({ kinds: ['statement'] });
    expect(fake.callsOf('documents.list').at(-1)?.filter).toEqual({ kinds: ['statement'] });
  });

  it('reloads the list and the storage figures on documents.changed, keeping the pages already shown', async () => {
    const fake = library();
    install(fake);
    await useDocumentsStore.getState().load();
    expect(useDocumentsStore.getState().list.total).toBe(2);
    const stop = useDocumentsStore.getState().follow();
    await act(async () => {
      await fake.handlers['documents.delete']?.({ id: 'doc-two' });
    });
    await vi.waitFor(() => {
      expect(useDocumentsStore.getState().list.total).toBe(1);
    });
    expect(fake.callsOf('documents.list').at(-1)?.limit).toBe(200);
    expect(fake.callsOf('documents.storage').length).toBeGreaterThanOrEqual(2);
    stop();
  });
});
