import { readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { ExtractError } from './extract-error';
import type { ParsedText, ProgressSink } from './extract-protocol';
import { truncateText } from './truncate-text';

type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | undefined;

/**
 * Loads pdf.js for the current thread, once. Its "fake worker" runs in this same thread: handing it the worker module
 * through `globalThis.pdfjsWorker` means pdf.js never loads a worker script from a URL (which would fail once bundled,
 * and must not happen anyway). Only called inside the reader thread.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    installRenderingStubs();
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/**
 * pdf.js constructs a DOMMatrix when its module loads, and polyfills it (with Path2D and ImageData) from the optional
 * native @napi-rs/canvas when that loads — which it does in development but not from the bundled reader. Node 20 has
 * no DOMMatrix, and text extraction never renders, so an inert stand-in lets the module load; Path2D and ImageData are
 * left alone (only rendering uses them, and pdf.js merely warns that it could not polyfill them).
 */
function installRenderingStubs(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  scope.DOMMatrix ??= class RenderingUnavailable {
    readonly unavailable = 'text extraction does not render';
  };
}

/**
 * The text of a PDF, page by page, separated by form feeds; `maxChars` stops reading further pages. `pdfjsDir` is
 * pdfjs-dist's folder (trailing separator included), where its character maps and standard fonts are.
 * @throws ExtractError `encrypted` when a password is needed, `malformed` when pdf.js cannot read the structure.
 */
export async function pdfText(
  bytes: Uint8Array,
  fileName: string,
  maxChars: number,
  progress: ProgressSink,
  pdfjsDir: string | undefined,
): Promise<ParsedText> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWasm: false,
    // Errors only: warnings about fonts and damaged objects are routine in real files and the file is still read.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Character maps are needed for CJK text in fonts that are not embedded; pdf.js reads most files without them.
    ...(pdfjsDir === undefined
      ? {}
      : { cMapUrl: `${pdfjsDir}cmaps${sep}`, cMapPacked: true, standardFontDataUrl: `${pdfjsDir}standard_fonts${sep}` }),
    BinaryDataFactory: FileBinaryDataFactory,
    useWorkerFetch: false,
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error: unknown) {
      throw classifyOpenError(error, fileName);
    }
    const total = document.numPages;
    progress(0, total);
    const pages: string[] = [];
    let length = 0;
    let truncated = false;
    const failedPages: string[] = [];
    for (let number = 1; number <= total; number += 1) {
      const separatorLength = pages.length > 0 ? 1 : 0;
      const room = maxChars - length - separatorLength;
      if (room < 0) {
        truncated = true;
        break;
      }
      let pageText = '';
      try {
        const page = await document.getPage(number);
        pageText = joinItems((await page.getTextContent()).items);
        page.cleanup();
      } catch (error: unknown) {
        // A damaged page costs its own text only; the others are still worth indexing.
        failedPages.push(`page ${number}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const cut = truncateText(pageText, room);
      pages.push(cut.text);
      length += separatorLength + cut.text.length;
      progress(number, total);
      if (cut.truncated) {
        truncated = true;
        break;
      }
    }
    if (pages.length > 0 && failedPages.length === pages.length) {
      throw new ExtractError('malformed', `${fileName} is damaged: none of its pages could be read.`, failedPages.join('; '));
    }
    return { text: pages.join('\f'), pages: total, truncated };
  } finally {
    await task.destroy();
  }
}

/**
 * Reads pdf.js's character maps and standard fonts from disk. pdf.js picks a file reader only when it believes it
 * runs in Node, and its test excludes some Electron contexts; given explicitly, this reader works in all of them.
 * pdf.js asks only for names from its own tables, and anything that could leave the folder is refused all the same.
 */
class FileBinaryDataFactory {
  readonly #folders: Readonly<Record<string, string | null | undefined>>;

  constructor(folders: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.#folders = { ...folders };
  }

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const folder = this.#folders[kind];
    if (folder === undefined || folder === null || /[\\/]|\.\./.test(filename)) {
      throw new Error(`pdf.js asked for ${kind} data ${filename}, which is not available`);
    }
    return new Uint8Array(await readFile(folder + filename));
  }
}

function classifyOpenError(error: unknown, fileName: string): ExtractError {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (name === 'PasswordException') {
    return new ExtractError('encrypted', `${fileName} is password-protected; its text cannot be read.`, detail);
  }
  return new ExtractError('malformed', `${fileName} is damaged or incomplete, so its text cannot be read.`, detail);
}

/**
 * Joins a page's text items: a line break where pdf.js marks one (`hasEOL`) or where the baseline moves, a space where
 * two runs on one line leave a gap, nothing otherwise (pdf.js already emits the spaces it can see).
 */
function joinItems(items: readonly (TextItem | TextMarkedContent)[]): string {
  let out = '';
  let previous: TextItem | undefined;
  for (const item of items) {
    if (!('str' in item)) continue;
    // A form feed separates pages in the result, so none may appear inside one.
    const text = item.str.replace(/\f/g, ' ');
    if (previous !== undefined && !previous.hasEOL && text.length > 0 && !/\s$/.test(out) && !/^\s/.test(text)) {
      out += separator(previous, item);
    }
    out += text;
    if (item.hasEOL) out += '\n';
    if (text.length > 0 || item.hasEOL) previous = item;
  }
  return out.replace(/[ \t]+\n/g, '\n').trimEnd();
}

function separator(previous: TextItem, next: TextItem): string {
  const [, , , , previousX = 0, previousY = 0] = previous.transform as number[];
  const [, , , , nextX = 0, nextY = 0] = next.transform as number[];
  const size = Math.max(previous.height, next.height, 1);
  if (Math.abs(nextY - previousY) > size * 0.5) return '\n';
  return nextX - (previousX + previous.width) > size * 0.15 ? ' ' : '';
}
