import { create } from 'zustand';
import type { DocumentDetail, UploadedFile } from '../../../shared/api/documents';
import { FILE_CHUNK_BYTES } from '../../../shared/api/documents';
import type { AppError, Result } from '../../../shared/api/result';
import type { DocumentInput } from '../../../shared/domain/document-input';
import { fileNameProblem, type FileNameProblem } from '../../../shared/domain/file-name-rules';
import { getBridge } from '../api/client';

/** What a file becomes once sent: a new document, or the next version of an existing one. */
export type UploadTarget =
  | { readonly kind: 'new' }
  | { readonly kind: 'version'; readonly documentId: string; readonly title: string };

/**
 * Where one file stands. `queued` → `sending` → (`duplicate` →) `ready` → `saving` → `done`; any step may end in
 * `failed` or `cancelled`. Only `sending` holds the file's bytes in memory, one chunk at a time.
 */
export type UploadStatus = 'queued' | 'sending' | 'duplicate' | 'ready' | 'saving' | 'done' | 'failed' | 'cancelled';

/** Why a file could not be added: a check made here with the core's own rules, or the core's refusal. */
export type UploadProblem =
  | { readonly kind: 'name'; readonly problem: FileNameProblem }
  | { readonly kind: 'empty' }
  | { readonly kind: 'core'; readonly error: AppError };

/** One file of the queue, as the upload panel shows it. */
export interface UploadItem {
  /** Unique per file added, for React keys and actions. */
  readonly key: string;
  readonly fileName: string;
  readonly size: number;
  readonly target: UploadTarget;
  readonly status: UploadStatus;
  /** Bytes the core has acknowledged. */
  readonly sentBytes: number;
  readonly problem: UploadProblem | null;
  /** The finished upload (sha256, recognised type, where the same bytes already are), once `finish` answered. */
  readonly uploaded: UploadedFile | null;
  /** The document created or extended, once `done`. */
  readonly documentId: string | null;
}

export interface UploadState {
  readonly items: readonly UploadItem[];
  /** Queues files; they are sent one after another (never in parallel, so memory stays bounded by one chunk). */
  readonly add: (files: readonly File[], target?: UploadTarget) => void;
  /** Stops a file: a queued one never starts, one being sent is abandoned on the core, a finished one is released. */
  readonly cancel: (key: string) => Promise<void>;
  /** Answers "this exact file is already in …": add it anyway (the description comes next) or skip it. */
  readonly resolveDuplicate: (key: string, choice: 'add' | 'skip') => Promise<void>;
  /** Makes a finished upload a new document with `document`; the core's refusal is returned for the form to show. */
  readonly create: (key: string, document: DocumentInput, note?: string) => Promise<Result<DocumentDetail>>;
  /** Appends a finished upload to its target document as a new version. */
  readonly addVersion: (key: string, note: string) => Promise<Result<DocumentDetail>>;
  /** Removes a finished, failed or cancelled line from the list. */
  readonly dismiss: (key: string) => void;
  /** Removes every finished, failed or cancelled line. */
  readonly dismissSettled: () => void;
}

/** Lines that need nothing more from the user or the core. */
export const settledStatuses: ReadonlySet<UploadStatus> = new Set(['done', 'failed', 'cancelled']);

// The File objects live outside React state: they are dropped as soon as their bytes are on the core.
const files = new Map<string, File>();
const cancelRequested = new Set<string>();
const uploadIds = new Map<string, string>();
let nextKey = 1;
let pumping = false;

/** Bytes per `String.fromCharCode` call: small enough for any engine's argument limit, large enough to be quick. */
const BINARY_STRING_STEP = 0x8000;

/**
 * Base64 of `bytes`, built in steps so that a 512 KiB chunk never passes half a million arguments to one call (which
 * overflows the stack).
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += BINARY_STRING_STEP) {
    binary += String.fromCharCode(...bytes.subarray(start, start + BINARY_STRING_STEP));
  }
  return btoa(binary);
}

/** A file's local problem under the core's own rules (shared/domain/file-name-rules.ts), or null. */
function localProblem(file: File): UploadProblem | null {
  const problem = fileNameProblem(file.name);
  if (problem !== null) return { kind: 'name', problem };
  if (file.size === 0) return { kind: 'empty' };
  return null;
}

/**
 * The queue of files being added to the library. Each file is announced (`documents.upload.begin`), read in slices of
 * the size the core asked for and sent chunk by chunk in order, then finished; the core then says where the same bytes
 * already are, and the user describes the file before it becomes a document (or a new version). A failure stops only
 * its own file. Uploads carry on while the user works elsewhere in the app.
 */
export const useUploadStore = create<UploadState>()((set, get) => {
  const patch = (key: string, changes: Partial<UploadItem>): void => {
    set({ items: get().items.map((item) => (item.key === key ? { ...item, ...changes } : item)) });
  };
  const itemOf = (key: string): UploadItem | undefined => get().items.find((item) => item.key === key);

  const release = (key: string): void => {
    files.delete(key);
    cancelRequested.delete(key);
  };

  const abandon = async (key: string): Promise<void> => {
    const uploadId = uploadIds.get(key);
    uploadIds.delete(key);
    // Best effort: the core drops unfinished uploads on its own in time; this only frees the space sooner.
    if (uploadId !== undefined) await getBridge()['documents.upload.cancel']({ uploadId });
  };

  const send = async (key: string): Promise<void> => {
    const file = files.get(key);
    if (file === undefined) return;
    const local = localProblem(file);
    if (local !== null) {
      release(key);
      patch(key, { status: 'failed', problem: local });
      return;
    }
    patch(key, { status: 'sending', sentBytes: 0 });
    const bridge = getBridge();
    const begun = await bridge['documents.upload.begin']({ fileName: file.name, size: file.size, mediaType: file.type });
    if (!begun.ok) {
      release(key);
      patch(key, { status: 'failed', problem: { kind: 'core', error: begun.error } });
      return;
    }
    const { uploadId } = begun.value;
    uploadIds.set(key, uploadId);
    const chunkBytes = Math.min(Math.max(1, begun.value.chunkBytes), FILE_CHUNK_BYTES);
    let offset = 0;
    // Bounded: every pass moves `offset` forward by at least one byte, or the file fails.
    while (offset < file.size) {
      if (cancelRequested.has(key)) {
        release(key);
        await abandon(key);
        patch(key, { status: 'cancelled' });
        return;
      }
      const bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      const sent = await bridge['documents.upload.chunk']({ uploadId, offset, data: bytesToBase64(bytes) });
      if (!sent.ok) {
        release(key);
        await abandon(key);
        patch(key, { status: 'failed', problem: { kind: 'core', error: sent.error } });
        return;
      }
      if (sent.value.receivedBytes <= offset) {
        release(key);
        await abandon(key);
        const error: AppError = { code: 'internal', message: 'The file stopped moving: the core received no more of it.' };
        patch(key, { status: 'failed', problem: { kind: 'core', error } });
        return;
      }
      offset = sent.value.receivedBytes;
      patch(key, { sentBytes: Math.min(offset, file.size) });
    }
    if (cancelRequested.has(key)) {
      release(key);
      await abandon(key);
      patch(key, { status: 'cancelled' });
      return;
    }
    const finished = await bridge['documents.upload.finish']({ uploadId });
    release(key);
    if (!finished.ok) {
      await abandon(key);
      patch(key, { status: 'failed', problem: { kind: 'core', error: finished.error } });
      return;
    }
    patch(key, {
      status: finished.value.alreadyIn.length > 0 ? 'duplicate' : 'ready',
      sentBytes: finished.value.size,
      uploaded: finished.value,
    });
  };

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      // One file at a time, in the order they were added; bounded by the files queued.
      for (let next = get().items.find((item) => item.status === 'queued'); next !== undefined; next = get().items.find((item) => item.status === 'queued')) {
        await send(next.key);
      }
    } finally {
      pumping = false;
    }
  };

  const finishWith = async (key: string, call: (uploadId: string) => Promise<Result<DocumentDetail>>): Promise<Result<DocumentDetail>> => {
    const item = itemOf(key);
    if (item?.status !== 'ready' || item.uploaded === null) {
      return { ok: false, error: { code: 'conflict', message: 'This file is not ready to be added.' } };
    }
    patch(key, { status: 'saving' });
    const result = await call(item.uploaded.uploadId);
    if (result.ok) {
      uploadIds.delete(key);
      patch(key, { status: 'done', documentId: result.value.document.id });
    } else patch(key, { status: 'ready' });
    return result;
  };

  return {
    items: [],
    add: (added, target = { kind: 'new' }) => {
      const fresh = added.map((file): UploadItem => {
        const key = `upload-${nextKey++}`;
        files.set(key, file);
        return { key, fileName: file.name, size: file.size, target, status: 'queued', sentBytes: 0, problem: null, uploaded: null, documentId: null };
      });
      set({ items: [...get().items, ...fresh] });
      void pump();
    },
    cancel: async (key) => {
      const item = itemOf(key);
      if (item === undefined) return;
      if (item.status === 'queued') {
        release(key);
        patch(key, { status: 'cancelled' });
      } else if (item.status === 'sending') {
        // The sending loop sees this between two chunks and abandons the upload on the core.
        cancelRequested.add(key);
      } else if (item.status === 'ready' || item.status === 'duplicate') {
        patch(key, { status: 'cancelled' });
        await abandon(key);
      }
    },
    resolveDuplicate: async (key, choice) => {
      if (itemOf(key)?.status !== 'duplicate') return;
      if (choice === 'add') {
        patch(key, { status: 'ready' });
        return;
      }
      patch(key, { status: 'cancelled' });
      await abandon(key);
    },
    create: (key, document, note = '') =>
      finishWith(key, (uploadId) => getBridge()['documents.create']({ document, uploadId, note })),
    addVersion: (key, note) => {
      const target = itemOf(key)?.target;
      if (target?.kind !== 'version') {
        return Promise.resolve({ ok: false, error: { code: 'conflict', message: 'This file is not a new version of a document.' } });
      }
      return finishWith(key, (uploadId) => getBridge()['documents.addVersion']({ id: target.documentId, uploadId, note }));
    },
    dismiss: (key) => {
      const item = itemOf(key);
      if (item === undefined || !settledStatuses.has(item.status)) return;
      set({ items: get().items.filter((candidate) => candidate.key !== key) });
    },
    dismissSettled: () => {
      set({ items: get().items.filter((item) => !settledStatuses.has(item.status)) });
    },
  };
});

/** Forgets every queued file; for tests, which reset the store between cases. */
export function resetUploads(): void {
  files.clear();
  cancelRequested.clear();
  uploadIds.clear();
  pumping = false;
  useUploadStore.setState(useUploadStore.getInitialState());
}
