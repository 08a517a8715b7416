import { AnnotationMode, getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask, type RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
// Emitted by Vite as a file of our own origin (assets/pdf.worker.min-<hash>.mjs): the CSP allows `worker-src 'self'`
// only, with no blob: workers and no eval.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

/*
 * The pdf.js glue, loaded only when a preview opens (see pdf-preview-dialog.tsx), so tests under jsdom and the first
 * paint of the app never load pdf.js. The legacy build is used because the modern one calls
 * Map.prototype.getOrInsertComputed, which Electron 45's Chromium 140 does not have.
 */

/** An open PDF: its page count, and drawing one page at a time onto a canvas. */
export interface PdfHandle {
  readonly pageCount: number;
  /**
   * Draws page `pageNumber` (1-based) onto `canvas`, `cssWidth` CSS pixels wide, sharp on high-density screens. A draw
   * still running on this handle is cancelled first; the promise resolves false when this draw was itself cancelled.
   */
  readonly renderPage: (pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number) => Promise<boolean>;
  /** The page's width at 100 % zoom, in CSS pixels. */
  readonly pageWidth: (pageNumber: number) => Promise<number>;
  readonly destroy: () => Promise<void>;
}

let worker: Worker | null = null;

/** One worker for every preview of the window's life, created by us from our own origin (never a blob: URL). */
function ensureWorker(): void {
  if (worker !== null) return;
  worker = new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
  GlobalWorkerOptions.workerPort = worker;
}

function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'RenderingCancelledException';
}

/**
 * Opens `data` (a whole PDF file, handed over to the worker) with the options the page's CSP and our threat model
 * need: no eval (`isEvalSupported: false`), no XFA forms, no WebAssembly (the CSP has no `wasm-unsafe-eval`; JPEG 2000
 * images then do not draw), no annotation or scripting layer (pages are drawn as pictures only).
 */
export async function openPdf(data: Uint8Array<ArrayBuffer>): Promise<PdfHandle> {
  ensureWorker();
  const task: PDFDocumentLoadingTask = getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    useWasm: false,
    useSystemFonts: true,
    stopAtErrors: false,
  });
  const pdf = await task.promise;
  let current: RenderTask | null = null;

  return {
    pageCount: pdf.numPages,
    pageWidth: async (pageNumber) => {
      const page = await pdf.getPage(pageNumber);
      return page.getViewport({ scale: 1 }).width;
    },
    renderPage: async (pageNumber, canvas, cssWidth) => {
      current?.cancel();
      const page = await pdf.getPage(pageNumber);
      const ratio = window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const render = page.render({ canvas, viewport, annotationMode: AnnotationMode.DISABLE });
      current = render;
      try {
        await render.promise;
        return true;
      } catch (error: unknown) {
        if (isCancelled(error)) return false;
        throw error;
      } finally {
        if (current === render) current = null;
      }
    },
    destroy: async () => {
      current?.cancel();
      await task.destroy();
    },
  };
}
