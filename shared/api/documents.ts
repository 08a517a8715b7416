import { z } from 'zod';
import { countryIdInput, documentIdInput } from '../domain/directory-input';
import { documentChanges, documentInput, fileNameInput } from '../domain/document-input';
import type { DocumentKind, DocumentVersion, DocumentVisibility, LibraryDocument, Pillar } from '../schemas/document';
import { documentKinds, pillars } from '../schemas/document';
import { defineMethod } from './define-method';

/**
 * The documents library: papers of the network with their file versions, held offline in a content-addressed file
 * store and searchable inside their text. Files cross the boundary in chunks (`documents.upload.*`,
 * `documents.file.read`), so a 200 MB report never travels as one message. Deleting is soft, as in the directory.
 */

/** Raw bytes per upload chunk and per `documents.file.read` answer (base64 adds a third; the socket allows 1 MiB). */
export const FILE_CHUNK_BYTES = 512 * 1024;
/** Base64 characters of one full chunk. */
const CHUNK_BASE64_CHARS = Math.ceil(FILE_CHUNK_BYTES / 3) * 4;

/**
 * Where a file version's text stands for search on this device. Only a document's latest version is searched: an
 * older version whose text was never read is `superseded`.
 */
export type TextState = 'pending' | 'extracting' | 'extracted' | 'failed' | 'unsupported' | 'missing-file' | 'superseded';

export interface TextStatus {
  readonly state: TextState;
  /** Why the text was not extracted (`failed`, `unsupported`), written for a person: "the PDF is password-protected". */
  readonly reason?: string;
  /** A code for `reason` the renderer words itself: encrypted, malformed, mismatch, too-large, timeout… */
  readonly reasonCode?: string;
  /** Characters of text extracted. */
  readonly chars?: number;
}

/** A version as the detail view shows it: whether its file is on this device, and its text's state. */
export interface DocumentVersionView extends DocumentVersion {
  readonly available: boolean;
  readonly text: TextStatus;
}

/** One line of the library list. */
export interface DocumentRow {
  readonly id: string;
  readonly title: string;
  readonly kind: DocumentKind;
  readonly countryIds: readonly string[];
  readonly pillars: readonly Pillar[];
  readonly themes: readonly string[];
  readonly language: string;
  readonly date: string | null;
  readonly visibility: DocumentVisibility;
  readonly demo: boolean;
  readonly deleted: boolean;
  readonly versionCount: number;
  /** The latest version's file: name, type, size, whether it is held locally, its text's state. */
  readonly latest: {
    readonly number: number;
    readonly fileName: string;
    readonly mediaType: string;
    readonly size: number;
    readonly available: boolean;
    readonly text: TextStatus;
  };
  readonly updatedAt: string;
}

export interface DocumentDetail {
  readonly document: LibraryDocument;
  /** Newest first. */
  readonly versions: readonly DocumentVersionView[];
  /** Linked directory entries with their names resolved ('' name when the entry is gone). */
  readonly countries: readonly { readonly id: string; readonly name: string }[];
  readonly organisations: readonly { readonly id: string; readonly name: string }[];
  readonly contacts: readonly { readonly id: string; readonly displayName: string }[];
  /** Bytes of this document's distinct files held on this device. */
  readonly storedBytes: number;
}

/** A stretch of text with the words that matched the query marked; the renderer escapes and highlights it. */
export interface Snippet {
  readonly segments: readonly { readonly text: string; readonly match: boolean }[];
}

export interface DocumentSearchHit {
  readonly document: DocumentRow;
  readonly score: number;
  readonly matchedIn: readonly ('title' | 'summary' | 'text')[];
  readonly snippet: Snippet | null;
}

export interface DocumentSearchResult {
  readonly total: number;
  readonly hits: readonly DocumentSearchHit[];
  /** Time the core spent, for the status line and the bench. */
  readonly tookMs: number;
}

export interface UploadTicket {
  readonly uploadId: string;
  /** Send chunks of exactly this many bytes (the last one may be shorter). */
  readonly chunkBytes: number;
  readonly maxFileBytes: number;
}

/** A finished upload: the file is in the store (once, whatever its name) and can become a document or a version. */
export interface UploadedFile {
  readonly uploadId: string;
  readonly sha256: string;
  readonly size: number;
  readonly fileName: string;
  /** Recognised from the content: application/pdf, …wordprocessingml.document, text/plain, text/markdown, or the claimed type. */
  readonly mediaType: string;
  /** Documents that already hold this exact file (same bytes), so the UI can say so instead of adding a duplicate. */
  readonly alreadyIn: readonly { readonly documentId: string; readonly title: string; readonly version: number }[];
}

export interface StorageUsage {
  /** Distinct files held and their size on disk. */
  readonly files: number;
  readonly bytes: number;
  readonly documents: number;
  readonly maxFileBytes: number;
  /** Versions whose text is still waiting to be extracted, and those whose text could not be extracted. */
  readonly textPending: number;
  readonly textFailed: number;
}

/** Which documents a list or a search shows. Every field narrows. */
export const documentFilter = z
  .object({
    kinds: z.array(z.enum(documentKinds)).max(documentKinds.length).optional(),
    countryIds: z.array(countryIdInput).max(50).optional(),
    pillars: z.array(z.enum(pillars)).max(3).optional(),
    languages: z.array(z.string().trim().max(35)).max(20).optional(),
    yearFrom: z.number().int().min(1900).max(2200).optional(),
    yearTo: z.number().int().min(1900).max(2200).optional(),
    includeDeleted: z.boolean().optional(),
  })
  .strict();

export type DocumentFilter = z.input<typeof documentFilter>;

const byId = z.object({ id: documentIdInput.min(1, 'Give an id') }).strict();
const uploadId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'Not a valid upload id');
const versionRef = z.object({ documentId: documentIdInput.min(1), version: z.number().int().min(1).max(1000) }).strict();

/** Methods of the `documents` domain. */
export const documentMethods = {
  /** Documents by date (newest first) or title; a window of at most 500. */
  'documents.list': defineMethod<{ readonly total: number; readonly rows: readonly DocumentRow[] }>()(
    z
      .object({
        filter: documentFilter.default({}),
        sort: z.enum(['date', 'title', 'updated']).default('date'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    'Lists documents',
  ),
  /** Full-text search over titles, summaries and extracted text, accent-insensitive; "quoted phrases" match exactly. */
  'documents.search': defineMethod<DocumentSearchResult>()(
    z
      .object({
        text: z.string().max(300, 'At most 300 characters'),
        filter: documentFilter.default({}),
        offset: z.number().int().min(0).max(10_000).default(0),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    'Searches documents',
  ),
  'documents.get': defineMethod<DocumentDetail>()(byId, 'One document with its versions'),
  /** Creates a document whose first version is a finished upload. `invalid-input` for unknown countries, contacts… */
  'documents.create': defineMethod<DocumentDetail>()(
    z.object({ document: documentInput, uploadId, note: z.string().trim().max(1000).default('') }).strict(),
    'Adds a document',
  ),
  'documents.update': defineMethod<DocumentDetail>()(
    z.object({ id: documentIdInput.min(1), changes: documentChanges }).strict(),
    'Edits a document',
  ),
  /** Appends a finished upload as the document's next version; older versions stay retrievable. */
  'documents.addVersion': defineMethod<DocumentDetail>()(
    z.object({ id: documentIdInput.min(1), uploadId, note: z.string().trim().max(1000).default('') }).strict(),
    'Adds a version',
  ),
  'documents.delete': defineMethod<DocumentDetail>()(byId, 'Deletes a document (recoverable)'),
  'documents.restore': defineMethod<DocumentDetail>()(byId, 'Restores a deleted document'),

  /** Starts sending a file. `invalid-input` when it is empty, over the size cap, or its name is unsafe. */
  'documents.upload.begin': defineMethod<UploadTicket>()(
    z
      .object({
        fileName: fileNameInput,
        size: z.number().int().min(0),
        mediaType: z.string().max(120).default(''),
      })
      .strict(),
    'Starts a file upload',
  ),
  /** One chunk, in order: `offset` must equal the bytes received so far (a resend of the last chunk is ignored). */
  'documents.upload.chunk': defineMethod<{ readonly receivedBytes: number }>()(
    z
      .object({
        uploadId,
        offset: z.number().int().min(0),
        data: z.base64('Not base64 data').max(CHUNK_BASE64_CHARS, 'A chunk is larger than allowed'),
      })
      .strict(),
    'Sends part of a file',
  ),
  /** Checks the size, stores the file (hashed, verified, encrypted when the store is) and says where it already is. */
  'documents.upload.finish': defineMethod<UploadedFile>()(z.object({ uploadId }).strict(), 'Finishes a file upload'),
  'documents.upload.cancel': defineMethod<{ readonly cancelled: boolean }>()(z.object({ uploadId }).strict(), 'Cancels an upload'),

  /** Part of a version's file (verified against its SHA-256 as it is read), for the preview and "save a copy". */
  'documents.file.read': defineMethod<{
    readonly data: string;
    readonly offset: number;
    readonly totalBytes: number;
    readonly fileName: string;
    readonly mediaType: string;
  }>()(
    versionRef.extend({ offset: z.number().int().min(0), length: z.number().int().min(1).max(FILE_CHUNK_BYTES) }).strict(),
    'Reads part of a file',
  ),
  /** Opens a version with the operating system's application for its type (a private temporary copy). */
  'documents.file.open': defineMethod<{ readonly opened: boolean }>()(versionRef, 'Opens a file with its system application'),
  /** Extracts a version's text again (after a failure, or a newer extractor). */
  'documents.text.retry': defineMethod<TextStatus>()(versionRef, 'Extracts a file’s text again'),

  'documents.storage': defineMethod<StorageUsage>()(z.object({}).strict(), 'Storage used by files'),
} as const;
