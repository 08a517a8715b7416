/** What a file's content turned out to be, once sniffed; only these kinds have text that can be extracted. */
export type ExtractKind = 'pdf' | 'docx' | 'text' | 'markdown';

/**
 * Why no text came out of a file:
 * - `unsupported`: a format Focal Desk does not read (an image, an old .doc, binary data named .txt);
 * - `mismatch`: the content is not what the name or media type says (a `.pdf` that is a ZIP archive);
 * - `encrypted`: a password is needed to read it;
 * - `malformed`: the format is right but the file is damaged or truncated;
 * - `too-large`: it would expand beyond the limits (a zip bomb disguised as a Word document);
 * - `timeout` / `out-of-memory`: the reader hit the time or memory cap and was stopped;
 * - `aborted`: the caller's signal fired.
 */
export type ExtractFailureCode =
  | 'unsupported'
  | 'mismatch'
  | 'encrypted'
  | 'malformed'
  | 'too-large'
  | 'timeout'
  | 'out-of-memory'
  | 'aborted';

/** One file to read. `bytes` is copied to the reader, never modified. */
export interface ExtractInput {
  readonly bytes: Uint8Array;
  /** Used in messages and to know what the file claims to be (by its extension). */
  readonly fileName: string;
  /** The media type the file arrived with, if any (e.g. from a drop or a sync manifest); content always decides. */
  readonly mediaType?: string | undefined;
}

/** Caps for one extraction. */
export interface ExtractLimits {
  /** Wall-clock time for the whole extraction, reader start-up included; the reader is terminated past it. */
  readonly timeoutMs: number;
  /**
   * The reader thread's JavaScript heap (V8 old generation), in MiB. Memory held by ArrayBuffers is outside it, which
   * is why ZIP entries are checked against their declared and real sizes before anything inflates them.
   */
  readonly maxHeapMb: number;
  /** Text beyond this many UTF-16 code units is dropped and the result says `truncated`. */
  readonly maxChars: number;
}

/** The caps used when a caller gives none: a minute, 256 MiB of heap, five million characters. */
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { timeoutMs: 60_000, maxHeapMb: 256, maxChars: 5_000_000 };

/** How the caller follows and stops an extraction. */
export interface ExtractOptions {
  /**
   * Called with the work done so far and the total: per page for PDFs, at start and end for the other kinds.
   * `total` can grow once a PDF's page count is known; `done` never goes back.
   */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Aborting terminates the reader thread; the result is `aborted`. */
  readonly signal?: AbortSignal | undefined;
}

/** Text was read. */
export interface ExtractSuccess {
  readonly ok: true;
  readonly kind: ExtractKind;
  /**
   * Plain text for indexing. For a PDF, pages are separated by a form feed (U+000C) and no page contains one, so
   * `text.split('\f')[i]` is page i + 1 (until `truncated` cuts the tail).
   */
  readonly text: string;
  /** A PDF's page count (all pages, even when the text was truncated). */
  readonly pages?: number;
  /** True when `maxChars` cut the text short. */
  readonly truncated: boolean;
  /** Size of the input, for throughput figures. */
  readonly bytesIn: number;
  /** Time the reader thread spent parsing this file, in milliseconds (thread start-up and module loading excluded). */
  readonly parseMs: number;
}

/** No text; `reason` is a sentence for a person that names the file (shown as "text not extracted: reason"). */
export interface ExtractFailure {
  readonly ok: false;
  readonly code: ExtractFailureCode;
  readonly reason: string;
}

export type ExtractResult = ExtractSuccess | ExtractFailure;
