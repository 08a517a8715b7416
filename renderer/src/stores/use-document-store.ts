import { create } from 'zustand';
import type { DocumentDetail, TextState, TextStatus } from '../../../shared/api/documents';
import type { AppError, Result } from '../../../shared/api/result';
import type { DocumentChanges } from '../../../shared/domain/document-input';
import { getBridge, onCoreEvent } from '../api/client';

/** What the pane beside the library shows. */
export type DocumentPane =
  | { readonly mode: 'none' }
  | { readonly mode: 'detail'; readonly id: string }
  | { readonly mode: 'edit'; readonly id: string };

/** The open document's loading state. */
export type DocumentLoad =
  | { readonly status: 'none' }
  | { readonly status: 'loading'; readonly id: string }
  | { readonly status: 'loaded'; readonly detail: DocumentDetail }
  | { readonly status: 'error'; readonly id: string; readonly error: AppError };

/** Text extraction under way for one version, as the core last reported it. */
export interface TextProgress {
  readonly state: TextState;
  readonly done: number;
  readonly total: number;
}

export interface DocumentState {
  readonly pane: DocumentPane;
  readonly open: DocumentLoad;
  /** A save, delete, restore or retry is running. */
  readonly busy: boolean;
  /** Extraction progress of the open document's versions, by version number. */
  readonly textProgress: Readonly<Record<number, TextProgress>>;
  readonly show: (pane: DocumentPane) => void;
  /** Loads `id` (kept on screen while a refresh of the same document runs). */
  readonly load: (id: string) => Promise<void>;
  readonly update: (id: string, changes: DocumentChanges) => Promise<Result<DocumentDetail>>;
  readonly remove: (id: string) => Promise<Result<DocumentDetail>>;
  readonly restore: (id: string) => Promise<Result<DocumentDetail>>;
  /** Asks the core to extract a version's text again; the open document reloads with the new state. */
  readonly retryText: (id: string, version: number) => Promise<Result<TextStatus>>;
  /** Opens a version with the operating system's application (the Electron shell only; the host answers `unavailable`). */
  readonly openFile: (id: string, version: number) => Promise<Result<{ readonly opened: boolean }>>;
  /** Follows `documents.changed` and `documents.text.progress` for the open document; returns the unsubscribe. */
  readonly follow: () => () => void;
}

let latest = 0;

/** One document at a time: the pane's mode, the detail it shows, and the writes made from it. */
export const useDocumentStore = create<DocumentState>()((set, get) => {
  const openId = (): string | null => {
    const open = get().open;
    if (open.status === 'none') return null;
    return open.status === 'loaded' ? open.detail.document.id : open.id;
  };
  const settle = (result: Result<DocumentDetail>): Result<DocumentDetail> => {
    latest += 1;
    if (result.ok) set({ open: { status: 'loaded', detail: result.value }, busy: false });
    else set({ busy: false });
    return result;
  };

  return {
    pane: { mode: 'none' },
    open: { status: 'none' },
    busy: false,
    textProgress: {},
    show: (pane) => {
      set({ pane });
    },
    load: async (id) => {
      const ticket = ++latest;
      if (openId() !== id) set({ open: { status: 'loading', id }, textProgress: {} });
      else if (get().open.status !== 'loaded') set({ open: { status: 'loading', id } });
      const result = await getBridge()['documents.get']({ id });
      if (ticket !== latest) return;
      if (result.ok) set({ open: { status: 'loaded', detail: result.value } });
      else set({ open: { status: 'error', id, error: result.error } });
    },
    update: async (id, changes) => {
      set({ busy: true });
      return settle(await getBridge()['documents.update']({ id, changes }));
    },
    remove: async (id) => {
      set({ busy: true });
      return settle(await getBridge()['documents.delete']({ id }));
    },
    restore: async (id) => {
      set({ busy: true });
      return settle(await getBridge()['documents.restore']({ id }));
    },
    retryText: async (id, version) => {
      set({ busy: true });
      const result = await getBridge()['documents.text.retry']({ documentId: id, version });
      set({ busy: false });
      if (result.ok && openId() === id) void get().load(id);
      return result;
    },
    openFile: (id, version) => getBridge()['documents.file.open']({ documentId: id, version }),
    follow: () => {
      const stopChanged = onCoreEvent('documents.changed', (payload) => {
        const id = openId();
        if (id !== null && payload.ids.includes(id) && !get().busy) void get().load(id);
      });
      const stopProgress = onCoreEvent('documents.text.progress', (payload) => {
        if (payload.documentId !== openId()) return;
        set({ textProgress: { ...get().textProgress, [payload.version]: { state: payload.state, done: payload.done, total: payload.total } } });
      });
      return () => {
        stopProgress();
        stopChanged();
      };
    },
  };
});
