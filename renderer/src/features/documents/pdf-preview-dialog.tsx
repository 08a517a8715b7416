import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersionView } from '../../../../shared/api/documents';
import { ModalDialog } from '../../components/modal-dialog';
import { formatBytes } from '../../i18n/format';
import { i18n } from '../../i18n/i18n';
import { useSettingsStore } from '../../stores/use-settings-store';
import type { PdfHandle } from './pdf-engine';
import { joinParts, readVersionFile } from './read-version-file';

/** Zoom steps, as fractions of the pane's width ("fit width" is 1). */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const FIT = ZOOMS.indexOf(1);
/** Room left for the scroll bar and the frame around the page. */
const FRAME_PX = 24;

type PreviewState =
  | { readonly status: 'reading'; readonly read: number; readonly total: number }
  | { readonly status: 'opening' }
  | { readonly status: 'ready'; readonly pdf: PdfHandle }
  | { readonly status: 'error'; readonly message: string };

export interface PdfPreviewDialogProps {
  readonly documentId: string;
  readonly title: string;
  readonly version: DocumentVersionView;
  readonly onClose: () => void;
}

/**
 * A PDF version drawn page by page onto a canvas by pdf.js (loaded only now, from its own chunk). The bytes come from
 * the core in chunks; nothing of the PDF runs: no scripts, no forms, no annotation layer. Page Up / Page Down (or the
 * buttons) turn pages, + and − zoom, 0 fits the width again; Escape closes.
 */
export function PdfPreviewDialog({ documentId, title, version, onClose }: PdfPreviewDialogProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const [state, setState] = useState<PreviewState>({ status: 'reading', read: 0, total: version.size });
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(FIT);
  const [width, setWidth] = useState(0);
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    // A function, not the property: the dialog may close during any await below.
    const closed = (): boolean => abort.signal.aborted;
    let opened: PdfHandle | null = null;
    const run = async (): Promise<void> => {
      const read = await readVersionFile(
        documentId,
        version.number,
        (readBytes, total) => {
          if (!closed()) setState({ status: 'reading', read: readBytes, total });
        },
        abort.signal,
      );
      if (closed()) return;
      if (!read.ok) {
        setState({ status: 'error', message: read.error.message });
        return;
      }
      setState({ status: 'opening' });
      try {
        const engine = await import('./pdf-engine');
        const pdf = await engine.openPdf(joinParts(read.value.parts, read.value.totalBytes));
        if (closed()) {
          void pdf.destroy();
          return;
        }
        opened = pdf;
        setState({ status: 'ready', pdf });
      } catch (error: unknown) {
        console.error('Focal Desk: pdf.js could not open a version', { documentId, version: version.number, error });
        if (!closed()) setState({ status: 'error', message: i18n.t('documents.preview.cannotOpen') });
      }
    };
    void run();
    return () => {
      abort.abort();
      void opened?.destroy();
    };
  }, [documentId, version.number]);

  useEffect(() => {
    const frame = frameRef.current;
    if (frame === null) return;
    const measure = (): void => {
      setWidth(Math.max(0, frame.clientWidth - FRAME_PX));
    };
    measure();
    // jsdom has no ResizeObserver; Chromium does.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    return () => {
      observer.disconnect();
    };
  }, []);

  const pdf = state.status === 'ready' ? state.pdf : null;
  const pageCount = pdf?.pageCount ?? 0;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (pdf === null || canvas === null || width <= 0) return;
    pdf.renderPage(page, canvas, width * (ZOOMS[zoom] ?? 1)).catch((error: unknown) => {
      console.error('Focal Desk: pdf.js could not draw a page', { page, error });
      setState({ status: 'error', message: i18n.t('documents.preview.cannotDraw', { page }) });
    });
  }, [pdf, page, zoom, width]);

  const turn = (to: number): void => {
    if (pageCount === 0) return;
    setPage(Math.min(Math.max(1, to), pageCount));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const actions: Readonly<Record<string, () => void>> = {
      PageDown: () => {
        turn(page + 1);
      },
      PageUp: () => {
        turn(page - 1);
      },
      '+': () => {
        setZoom(Math.min(ZOOMS.length - 1, zoom + 1));
      },
      '=': () => {
        setZoom(Math.min(ZOOMS.length - 1, zoom + 1));
      },
      '-': () => {
        setZoom(Math.max(0, zoom - 1));
      },
      '0': () => {
        setZoom(FIT);
      },
    };
    const action = actions[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  };

  let status: string;
  if (state.status === 'reading') {
    status = t('documents.preview.reading', { read: formatBytes(state.read, language), total: formatBytes(state.total, language) });
  } else if (state.status === 'opening') status = t('documents.preview.opening');
  else if (state.status === 'error') status = '';
  else status = t('documents.preview.page', { page, total: pageCount });

  return (
    <ModalDialog title={t('documents.preview.title', { title, number: version.number })} onClose={onClose} initialFocus={frameRef} wide>
      <div className="pdf-preview" onKeyDown={onKeyDown}>
        <div className="toolbar" role="toolbar" aria-label={t('documents.preview.toolbar')}>
          <button type="button" className="button" aria-keyshortcuts="PageUp" disabled={pdf === null || page <= 1} onClick={() => { turn(page - 1); }}>
            {t('documents.preview.previous')}
          </button>
          <button type="button" className="button" aria-keyshortcuts="PageDown" disabled={pdf === null || page >= pageCount} onClick={() => { turn(page + 1); }}>
            {t('documents.preview.next')}
          </button>
          <button type="button" className="button" aria-keyshortcuts="-" disabled={pdf === null || zoom === 0} onClick={() => { setZoom(Math.max(0, zoom - 1)); }}>
            {t('documents.preview.zoomOut')}
          </button>
          <button type="button" className="button" aria-keyshortcuts="0" aria-pressed={zoom === FIT} disabled={pdf === null} onClick={() => { setZoom(FIT); }}>
            {t('documents.preview.fitWidth')}
          </button>
          <button type="button" className="button" aria-keyshortcuts="+" disabled={pdf === null || zoom === ZOOMS.length - 1} onClick={() => { setZoom(Math.min(ZOOMS.length - 1, zoom + 1)); }}>
            {t('documents.preview.zoomIn')}
          </button>
          <button type="button" className="button" aria-keyshortcuts="Escape" onClick={onClose}>
            {t('documents.preview.close')}
          </button>
        </div>
        <p className="status-line" role="status">
          {status}
        </p>
        {state.status === 'error' ? (
          <p className="form-failure" role="alert">
            {state.message}
          </p>
        ) : null}
        <div ref={frameRef} className="pdf-preview__frame" tabIndex={0} aria-label={t('documents.preview.pageLabel', { page })}>
          <canvas ref={canvasRef} className="pdf-preview__canvas" role="img" aria-label={t('documents.preview.pageLabel', { page })} />
        </div>
      </div>
    </ModalDialog>
  );
}
