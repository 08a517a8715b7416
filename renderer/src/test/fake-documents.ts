import { documentRow, latestVersion } from '../../../shared/domain/document-row';
import type {
  DocumentDetail,
  DocumentFilter,
  DocumentRow,
  DocumentSearchHit,
  DocumentVersionView,
  Snippet,
  TextStatus,
  UploadedFile,
} from '../../../shared/api/documents';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { DocumentVersion, LibraryDocument } from '../../../shared/schemas/document';
import { screen } from '@testing-library/react';
import { resetDocuments } from '../stores/use-documents-store';
import { useDocumentStore } from '../stores/use-document-store';
import { resetUploads } from '../stores/use-upload-store';
import type { FakeHandlers } from './fake-bridge';
import { fakeDirectory, sampleCountry, type FakeDirectory } from './fake-directory';
import { renderApp } from './render-app';
import { fakeWiring } from './fake-wiring';

/** Text folded as the core's search folds it: no accents, lower case. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

const stamp = '2025-03-04T10:00:00.000Z';

/** A stand-in for SHA-256 (jsdom has no synchronous digest): 64 hex characters that change with every byte. */
export function fakeDigest(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const byte of bytes) {
    a = Math.imul(a ^ byte, 0x01000193) >>> 0;
    b = Math.imul(b + byte + 1, 0x85ebca6b) >>> 0;
  }
  const part = (value: number): string => value.toString(16).padStart(8, '0');
  return `${part(a)}${part(b)}${part(bytes.length)}${part(a ^ b)}`.repeat(2);
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A version of a sample document; `overrides` change any field. */
export function sampleVersion(overrides: Partial<DocumentVersion> = {}): DocumentVersion {
  return {
    number: 1,
    sha256: 'a'.repeat(64),
    fileName: 'report-2012.pdf',
    mediaType: 'application/pdf',
    size: 1_200_000,
    addedAt: stamp,
    addedBy: 'Ana',
    note: '',
    ...overrides,
  };
}

/** The 2012 meeting report as the library holds it; `overrides` make any other document. */
export function sampleDocument(overrides: Partial<LibraryDocument> = {}): LibraryDocument {
  return {
    id: 'doc-2012-report',
    title: 'Report of the 2012 meeting',
    kind: 'meeting-report',
    countryIds: ['dk', 'gh'],
    pillars: ['I', 'II'],
    themes: ['early-warning'],
    language: 'en',
    date: '2012-05-14',
    summary: 'What the focal points agreed in Copenhagen.',
    organisationIds: [],
    contactIds: [],
    meetingIds: [],
    visibility: 'network',
    versions: [sampleVersion()],
    demo: false,
    deletedAt: null,
    createdAt: stamp,
    updatedAt: stamp,
    ...overrides,
  };
}

export interface FakeDocumentsData {
  readonly documents?: readonly LibraryDocument[];
  /** The extracted text of each document (its latest version), searched and quoted in snippets. */
  readonly texts?: Readonly<Record<string, string>>;
  /** Text state per `documentId:version`; extracted when absent. */
  readonly textStates?: Readonly<Record<string, TextStatus>>;
  /** `documentId:version` of files not on this device. */
  readonly missing?: readonly string[];
  /** File bytes per sha256, for `documents.file.read`. */
  readonly files?: ReadonlyMap<string, Uint8Array>;
  readonly maxFileBytes?: number;
  readonly chunkBytes?: number;
}

interface Upload {
  readonly fileName: string;
  readonly size: number;
  readonly mediaType: string;
  readonly parts: Uint8Array[];
  received: number;
  finished: UploadedFile | null;
}

/**
 * An in-memory documents library answering every `documents.*` method the way the core does: filters and sorts,
 * a folding search with snippets, chunked uploads checked for order and size, duplicate detection by content, file
 * reads in chunks, soft delete. It records every call, pushes `documents.changed` through `connect`'s emitter, and
 * can hold chunks back (`holdChunks`) so a test sees an upload half-way.
 */
export function fakeDocuments(data: FakeDocumentsData = {}) {
  const documents = new Map((data.documents ?? []).map((document) => [document.id, document]));
  const texts = new Map(Object.entries(data.texts ?? {}));
  const textStates = new Map(Object.entries(data.textStates ?? {}));
  const missing = new Set(data.missing ?? []);
  const files = new Map(data.files ?? []);
  const uploads = new Map<string, Upload>();
  const wiring = fakeWiring();
  const { calls, emit } = wiring;
  const maxFileBytes = data.maxFileBytes ?? 200_000_000;
  const chunkBytes = data.chunkBytes ?? 512 * 1024;
  let nextId = 1;
  let held: (() => void)[] | null = null;

  const record = (method: string, input: unknown): void => {
    calls.push({ method, input });
  };
  const changed = (ids: readonly string[]): void => {
    emit({ name: 'documents.changed', payload: { ids } });
  };
  const textOf = (id: string, version: number): TextStatus => textStates.get(`${id}:${version}`) ?? { state: 'extracted', chars: 100 };
  const availableOf = (id: string, version: number): boolean => !missing.has(`${id}:${version}`);

  const row = (document: LibraryDocument): DocumentRow =>
    documentRow(document, {
      available: (version) => availableOf(document.id, version.number),
      text: (version) => textOf(document.id, version.number),
    });

  const detail = (document: LibraryDocument): DocumentDetail => {
    const versions: DocumentVersionView[] = [...document.versions]
      .reverse()
      .map((version) => ({ ...version, available: availableOf(document.id, version.number), text: textOf(document.id, version.number) }));
    return {
      document,
      versions,
      countries: document.countryIds.map((id) => ({ id, name: id === 'dk' ? 'Denmark' : id === 'gh' ? 'Ghana' : '' })),
      organisations: document.organisationIds.map((id) => ({ id, name: id === 'org-dk-mfa' ? 'Ministry of Foreign Affairs' : '' })),
      contacts: document.contactIds.map((id) => ({ id, displayName: id === 'con-dk-fp' ? 'Karen Jensen' : '' })),
      storedBytes: versions.filter((version) => version.available).reduce((sum, version) => sum + version.size, 0),
    };
  };

  const matches = (document: LibraryDocument, filter: DocumentFilter): boolean => {
    if (document.deletedAt !== null && filter.includeDeleted !== true) return false;
    if (filter.kinds !== undefined && !filter.kinds.includes(document.kind)) return false;
    if (filter.countryIds !== undefined && !filter.countryIds.some((id) => document.countryIds.includes(id))) return false;
    if (filter.pillars !== undefined && !filter.pillars.some((pillar) => document.pillars.includes(pillar))) return false;
    if (filter.languages !== undefined && !filter.languages.includes(document.language)) return false;
    const year = document.date === null ? null : Number(document.date.slice(0, 4));
    if (filter.yearFrom !== undefined && (year === null || year < filter.yearFrom)) return false;
    if (filter.yearTo !== undefined && (year === null || year > filter.yearTo)) return false;
    return true;
  };

  const snippetOf = (text: string, wanted: string): Snippet | null => {
    const at = fold(text).indexOf(wanted);
    if (at < 0) return null;
    const start = Math.max(0, at - 80);
    const end = Math.min(text.length, at + wanted.length + 80);
    return {
      segments: [
        { text: text.slice(start, at), match: false },
        { text: text.slice(at, at + wanted.length), match: true },
        { text: text.slice(at + wanted.length, end), match: false },
      ].filter((segment) => segment.text !== ''),
    };
  };

  const write = (id: string, change: (document: LibraryDocument) => LibraryDocument): Result<DocumentDetail> => {
    const existing = documents.get(id);
    if (existing === undefined) return fail('not-found', 'No such document.');
    const next = { ...change(existing), updatedAt: stamp };
    documents.set(id, next);
    changed([id]);
    return ok(detail(next));
  };

  const versionOf = (documentId: string, number: number): DocumentVersion | null =>
    documents.get(documentId)?.versions.find((version) => version.number === number) ?? null;

  const handlers: FakeHandlers = {
    'documents.list': async (input) => {
      record('documents.list', input);
      const filter = input.filter ?? {};
      const sort = input.sort ?? 'date';
      const all = [...documents.values()].filter((document) => matches(document, filter));
      all.sort((a, b) => {
        if (sort === 'title') return a.title.localeCompare(b.title);
        if (sort === 'updated') return b.updatedAt.localeCompare(a.updatedAt);
        return (b.date ?? '').localeCompare(a.date ?? '');
      });
      const offset = input.offset ?? 0;
      return ok({ total: all.length, rows: all.slice(offset, offset + (input.limit ?? 200)).map(row) });
    },
    'documents.search': async (input) => {
      record('documents.search', input);
      const wanted = fold(input.text.trim());
      const hits: DocumentSearchHit[] = [];
      for (const document of documents.values()) {
        if (!matches(document, input.filter ?? {})) continue;
        const text = texts.get(document.id) ?? '';
        const matchedIn = (
          [
            ['title', document.title],
            ['summary', document.summary],
            ['text', text],
          ] as const
        )
          .filter(([, value]) => fold(value).includes(wanted))
          .map(([field]) => field);
        if (matchedIn.length === 0) continue;
        const source = matchedIn.includes('text') ? text : matchedIn.includes('summary') ? document.summary : document.title;
        hits.push({ document: row(document), score: 1, matchedIn, snippet: snippetOf(source, wanted) });
      }
      return ok({ total: hits.length, hits: hits.slice(0, input.limit ?? 20), tookMs: 1 });
    },
    'documents.get': async (input) => {
      record('documents.get', input);
      const document = documents.get(input.id);
      return document === undefined ? fail('not-found', 'No such document.') : ok(detail(document));
    },
    'documents.create': async (input) => {
      record('documents.create', input);
      const upload = uploads.get(input.uploadId);
      const finished = upload?.finished ?? null;
      if (upload === undefined || finished === null) return fail('not-found', 'No finished upload with this id.');
      const id = `doc-new-${nextId++}`;
      const document = sampleDocument({
        ...input.document,
        id,
        versions: [
          sampleVersion({
            sha256: finished.sha256,
            fileName: upload.fileName,
            mediaType: finished.mediaType,
            size: upload.size,
            note: input.note ?? '',
          }),
        ],
        demo: false,
      });
      documents.set(id, document);
      uploads.delete(input.uploadId);
      changed([id]);
      return ok(detail(document));
    },
    'documents.update': async (input) => {
      record('documents.update', input);
      return write(input.id, (document) => ({ ...document, ...(input.changes as Partial<LibraryDocument>) }));
    },
    'documents.addVersion': async (input) => {
      record('documents.addVersion', input);
      const upload = uploads.get(input.uploadId);
      const finished = upload?.finished ?? null;
      if (upload === undefined || finished === null) return fail('not-found', 'No finished upload with this id.');
      uploads.delete(input.uploadId);
      return write(input.id, (document) => ({
        ...document,
        versions: [
          ...document.versions,
          sampleVersion({
            number: document.versions.length + 1,
            sha256: finished.sha256,
            fileName: upload.fileName,
            mediaType: finished.mediaType,
            size: upload.size,
            note: input.note ?? '',
          }),
        ],
      }));
    },
    'documents.delete': async (input) => {
      record('documents.delete', input);
      return write(input.id, (document) => ({ ...document, deletedAt: stamp }));
    },
    'documents.restore': async (input) => {
      record('documents.restore', input);
      return write(input.id, (document) => ({ ...document, deletedAt: null }));
    },
    'documents.upload.begin': async (input) => {
      record('documents.upload.begin', input);
      if (input.size === 0) return fail('invalid-input', `${input.fileName} is empty.`, [{ path: 'size', message: 'The file is empty.' }]);
      if (input.size > maxFileBytes) {
        return fail('invalid-input', `${input.fileName} is larger than the ${maxFileBytes} bytes the library takes.`, [
          { path: 'size', message: 'Too large', code: 'too-large' },
        ]);
      }
      const uploadId = `upl-${nextId++}`;
      uploads.set(uploadId, { fileName: input.fileName, size: input.size, mediaType: input.mediaType ?? '', parts: [], received: 0, finished: null });
      return ok({ uploadId, chunkBytes, maxFileBytes });
    },
    'documents.upload.chunk': async (input) => {
      record('documents.upload.chunk', input);
      if (held !== null) {
        const queue = held;
        await new Promise<void>((resolve) => {
          queue.push(resolve);
        });
      }
      const upload = uploads.get(input.uploadId);
      if (upload === undefined) return fail('not-found', 'No upload with this id.');
      if (input.offset !== upload.received) return fail('conflict', `Expected the chunk at ${upload.received}, got ${input.offset}.`);
      const bytes = decodeBase64(input.data);
      if (bytes.length > chunkBytes) return fail('invalid-input', 'A chunk is larger than allowed');
      if (upload.received + bytes.length > upload.size) return fail('invalid-input', 'More bytes than announced.');
      upload.parts.push(bytes);
      upload.received += bytes.length;
      return ok({ receivedBytes: upload.received });
    },
    'documents.upload.finish': async (input) => {
      record('documents.upload.finish', input);
      const upload = uploads.get(input.uploadId);
      if (upload === undefined) return fail('not-found', 'No upload with this id.');
      if (upload.received !== upload.size) return fail('invalid-input', `${upload.fileName}: ${upload.received} of ${upload.size} bytes arrived.`);
      const whole = new Uint8Array(upload.size);
      let at = 0;
      for (const part of upload.parts) {
        whole.set(part, at);
        at += part.length;
      }
      const sha256 = fakeDigest(whole);
      files.set(sha256, whole);
      const alreadyIn = [...documents.values()].flatMap((document) =>
        document.versions
          .filter((version) => version.sha256 === sha256)
          .map((version) => ({ documentId: document.id, title: document.title, version: version.number })),
      );
      const mediaType = upload.fileName.endsWith('.pdf') ? 'application/pdf' : upload.mediaType === '' ? 'text/plain' : upload.mediaType;
      upload.finished = { uploadId: input.uploadId, sha256, size: upload.size, fileName: upload.fileName, mediaType, alreadyIn };
      return ok(upload.finished);
    },
    'documents.upload.cancel': async (input) => {
      record('documents.upload.cancel', input);
      return ok({ cancelled: uploads.delete(input.uploadId) });
    },
    'documents.file.read': async (input) => {
      record('documents.file.read', input);
      const version = versionOf(input.documentId, input.version);
      if (version === null) return fail('not-found', 'No such version.');
      const bytes = files.get(version.sha256);
      if (bytes === undefined || !availableOf(input.documentId, input.version)) return fail('not-found', 'The file is not on this device.');
      const part = bytes.subarray(input.offset, input.offset + input.length);
      return ok({ data: encodeBase64(part), offset: input.offset, totalBytes: bytes.length, fileName: version.fileName, mediaType: version.mediaType });
    },
    'documents.file.open': async (input) => {
      record('documents.file.open', input);
      return fail('unavailable', 'Files open with their application only in the Focal Desk app, not in a browser.');
    },
    'documents.text.retry': async (input) => {
      record('documents.text.retry', input);
      const status: TextStatus = { state: 'extracted', chars: 1200 };
      textStates.set(`${input.documentId}:${input.version}`, status);
      changed([input.documentId]);
      return ok(status);
    },
    'documents.storage': async (input) => {
      record('documents.storage', input);
      const hashes = new Set([...documents.values()].flatMap((document) => document.versions.map((version) => version.sha256)));
      const sizes = [...documents.values()].flatMap((document) => document.versions.map((version) => [version.sha256, version.size] as const));
      const bytes = [...new Map(sizes).values()].reduce((sum, size) => sum + size, 0);
      const states = [...documents.values()].map((document) => textOf(document.id, latestVersion(document).number).state);
      return ok({
        files: hashes.size,
        bytes,
        documents: documents.size,
        maxFileBytes,
        textPending: states.filter((state) => state === 'pending').length,
        textFailed: states.filter((state) => state === 'failed').length,
      });
    },
  };

  return {
    handlers,
    ...wiring.exposed,
    /**
     * Holds every chunk from now on until released: `step()` lets the oldest held chunk through, `release()` all of
     * them and stops holding.
     */
    holdChunks: () => {
      const queue: (() => void)[] = [];
      held = queue;
      return {
        step: () => {
          queue.shift()?.();
        },
        waiting: () => queue.length,
        release: () => {
          held = null;
          for (const resolve of queue.splice(0)) resolve();
        },
      };
    },
    document: (id: string) => documents.get(id),
    all: () => [...documents.values()],
  };
}

export type FakeDocuments = ReturnType<typeof fakeDocuments>;

/**
 * The bytes the renderer sent for each upload, in the order it sent them, reassembled from the recorded
 * `documents.upload.chunk` calls (decoded from base64).
 */
export function sentBytes(library: FakeDocuments): Map<string, Uint8Array> {
  const byUpload = new Map<string, Uint8Array[]>();
  for (const chunk of library.callsOf('documents.upload.chunk')) {
    const parts = byUpload.get(chunk.uploadId) ?? [];
    parts.push(decodeBase64(chunk.data));
    byUpload.set(chunk.uploadId, parts);
  }
  return new Map(
    [...byUpload].map(([uploadId, parts]) => {
      const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let at = 0;
      for (const part of parts) {
        whole.set(part, at);
        at += part.length;
      }
      return [uploadId, whole] as const;
    }),
  );
}

/** Puts the documents stores back as a fresh window has them; the shared setup does not know them. */
export function resetDocumentStores(): void {
  resetDocuments();
  resetUploads();
  useDocumentStore.setState(useDocumentStore.getInitialState());
}

/** Denmark and Ghana, with Denmark's foreign ministry: the directory the documents tests link to. */
export function documentsDirectory(): FakeDirectory {
  return fakeDirectory({
    countries: [sampleCountry(), sampleCountry({ id: 'gh', code: 'GH', name: 'Ghana', region: 'africa', coHost: false })],
  });
}

/**
 * Renders the whole app over `library` (and a small directory), wired so their changes push events as the core's do,
 * and opens the Documents section the way a user does, from the navigation. `handlers` replace any method.
 */
export async function renderWithDocuments(
  library: FakeDocuments,
  options: { readonly directory?: FakeDirectory; readonly handlers?: FakeHandlers } = {},
) {
  const directory = options.directory ?? documentsDirectory();
  const rendered = await renderApp({ ...directory.handlers, ...library.handlers, ...options.handlers });
  directory.connect(rendered.fake.emit);
  library.connect(rendered.fake.emit);
  await rendered.user.click(screen.getByRole('button', { name: 'Documents' }));
  await screen.findByRole('heading', { level: 1, name: 'Documents' });
  return { library, directory, ...rendered };
}
