import { create } from 'zustand';
import type { CsvTargetField, ImportFormat, ImportPreview, ImportReport } from '../../../shared/api/directory';
import type { ImportProgress } from '../../../shared/api/events';
import type { AppError } from '../../../shared/api/result';
import { getBridge, onCoreEvent } from '../api/client';

/** The delimiters a CSV may use; '' lets the core guess. */
export const csvDelimiters = ['', ',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];
export type ColumnTarget = CsvTargetField | 'ignore';

export type ImportStep = 'choose' | 'mapping' | 'preview' | 'report';
/** Why a chosen file cannot be previewed, before the core sees it. */
export type FileProblem = 'not-utf8' | 'too-large' | 'unknown-format' | 'empty';

export interface ImportFile {
  readonly name: string;
  readonly format: ImportFormat;
  readonly text: string;
}

export interface ImportState {
  readonly step: ImportStep;
  readonly file: ImportFile | null;
  /** Why the chosen file cannot be read; cleared by the next choice. */
  readonly fileProblem: FileProblem | null;
  /** CSV: the header row and where each column goes (the core's guess until the user changes it). */
  readonly columns: readonly string[];
  readonly mapping: Readonly<Record<string, ColumnTarget>>;
  readonly delimiter: CsvDelimiter;
  readonly preview: ImportPreview | null;
  readonly report: ImportReport | null;
  readonly busy: boolean;
  /** How far the preview or commit under way has got (the core's `directory.import.progress`); null before its first step. */
  readonly progress: ImportProgress | null;
  /** The core refused a preview or a commit. */
  readonly error: AppError | null;
  readonly reset: () => void;
  /** Previews a file read as text: a vCard goes straight to its preview, a CSV to the column mapping. */
  readonly chooseFile: (file: ImportFile) => Promise<void>;
  /** Shows why a chosen file could not be read, and forgets any earlier one. */
  readonly refuseFile: (problem: FileProblem) => void;
  readonly mapColumn: (column: string, target: ColumnTarget) => void;
  /** A new delimiter splits the header differently: the columns and their guessed mapping are asked again. */
  readonly setDelimiter: (delimiter: CsvDelimiter) => Promise<void>;
  /** Previews the CSV with the mapping chosen. */
  readonly previewMapped: () => Promise<void>;
  readonly backToMapping: () => void;
  /** Applies the preview all-or-nothing; only offered when no row is in error. */
  readonly commit: () => Promise<boolean>;
}

const initial = {
  step: 'choose',
  file: null,
  fileProblem: null,
  columns: [],
  mapping: {},
  delimiter: '',
  preview: null,
  report: null,
  busy: false,
  progress: null,
  error: null,
} as const satisfies Partial<ImportState>;

let latest = 0;

/**
 * Shows the core's progress steps while `call` runs, for as long as `ticket` is the latest request. The core sends a
 * client only its own import's steps; `belongs` also keeps out those of another kind (a commit's during a preview).
 */
async function withProgress<T>(
  ticket: number,
  belongs: (progress: ImportProgress) => boolean,
  show: (progress: ImportProgress) => void,
  call: () => Promise<T>,
): Promise<T> {
  const stop = onCoreEvent('directory.import.progress', (progress) => {
    if (ticket === latest && belongs(progress)) show(progress);
  });
  try {
    return await call();
  } finally {
    stop();
  }
}

/**
 * The import dialog's steps: choose a file → (CSV) map its columns → preview what would happen, row by row → commit →
 * report. Nothing is written before the commit, and the commit applies the whole preview or nothing.
 */
export const useImportStore = create<ImportState>()((set, get) => {
  const requestPreview = async (withMapping: boolean): Promise<ImportPreview | null> => {
    const { file, mapping, delimiter } = get();
    if (file === null) return null;
    const ticket = ++latest;
    set({ busy: true, progress: null, error: null });
    const result = await withProgress(
      ticket,
      (progress) => progress.operation === 'preview',
      (progress) => {
        set({ progress });
      },
      () =>
        getBridge()['directory.import.preview']({
          format: file.format,
          text: file.text,
          ...(withMapping && file.format === 'csv' ? { mapping: { ...mapping } } : {}),
          ...(delimiter === '' || file.format !== 'csv' ? {} : { delimiter }),
        }),
    );
    if (ticket !== latest) return null;
    if (!result.ok) {
      set({ busy: false, progress: null, error: result.error });
      return null;
    }
    set({ busy: false, progress: null });
    return result.value;
  };

  return {
    ...initial,
    reset: () => {
      latest += 1;
      set(initial);
    },
    chooseFile: async (file) => {
      latest += 1;
      set({ ...initial, file });
      const preview = await requestPreview(false);
      if (preview === null) return;
      if (file.format === 'csv') set({ step: 'mapping', columns: preview.columns, mapping: preview.mapping, preview });
      else set({ step: 'preview', preview });
    },
    refuseFile: (problem) => {
      latest += 1;
      set({ ...initial, fileProblem: problem });
    },
    mapColumn: (column, target) => {
      set({ mapping: { ...get().mapping, [column]: target } });
    },
    setDelimiter: async (delimiter) => {
      set({ delimiter });
      const preview = await requestPreview(false);
      if (preview !== null) set({ columns: preview.columns, mapping: preview.mapping, preview });
    },
    previewMapped: async () => {
      const preview = await requestPreview(true);
      if (preview !== null) set({ step: 'preview', preview });
    },
    backToMapping: () => {
      set({ step: 'mapping', error: null });
    },
    commit: async () => {
      const preview = get().preview;
      if (preview === null || preview.counts.error > 0 || get().busy) return false;
      const ticket = latest;
      set({ busy: true, progress: null, error: null });
      const result = await withProgress(
        ticket,
        (progress) => progress.operation === 'commit' && progress.previewId === preview.previewId,
        (progress) => {
          set({ progress });
        },
        () => getBridge()['directory.import.commit']({ previewId: preview.previewId }),
      );
      if (!result.ok) {
        set({ busy: false, progress: null, error: result.error });
        return false;
      }
      set({ busy: false, progress: null, step: 'report', report: result.value });
      return true;
    },
  };
});
