import type { TextEncodingName } from './decode-text';
import type { ExtractFailureCode, ExtractKind } from './extract-types';
import type { ZipEntry } from './zip-directory';

/** One file for the reader thread, already sniffed (and, for DOCX, its declared sizes checked) by the caller. */
export interface ExtractJob {
  readonly type: 'extract';
  readonly id: number;
  readonly kind: ExtractKind;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly maxChars: number;
  readonly encoding?: TextEncodingName | undefined;
  readonly zipEntries?: readonly ZipEntry[] | undefined;
}

/** What a parser gives back. */
export interface ParsedText {
  readonly text: string;
  readonly pages?: number | undefined;
  readonly truncated: boolean;
}

/** Messages from the reader thread, each about the job with the same `id`. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly result: ParsedText;
      readonly parseMs: number;
      /** The thread's heap after the job, so the caller can replace a thread that keeps growing. */
      readonly heapUsedBytes: number;
    }
  | {
      readonly type: 'failed';
      readonly id: number;
      readonly code: ExtractFailureCode;
      readonly reason: string;
      readonly detail?: string | undefined;
    };

/** Reports progress for the job being parsed. */
export type ProgressSink = (done: number, total: number) => void;
