import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/modal-dialog';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import { useImportStore } from '../../stores/use-import-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatCount } from './format-directory';
import { ImportFileStep } from './import-file-step';
import { ImportMappingStep } from './import-mapping-step';
import { ImportPreviewStep } from './import-preview-step';

/**
 * How far the preview or the import under way has got: a bar and its text ("Reading the file: 4,000 of 20,000
 * records"), from the core's progress steps; a bar without a value until the first step arrives.
 */
function ImportProgressView() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const busy = useImportStore((state) => state.busy);
  const progress = useImportStore((state) => state.progress);
  const textId = useId();
  if (!busy) return null;
  const text =
    progress === null
      ? t('directory.import.reading')
      : t(`directory.import.progress.${progress.phase}`, {
          done: formatCount(progress.done, language),
          total: formatCount(progress.total, language),
        });
  const measured = progress !== null && progress.total > 0;
  return (
    <div className="import-progress">
      <progress
        aria-label={t('directory.import.progress.label')}
        aria-describedby={textId}
        {...(measured ? { max: progress.total, value: Math.min(progress.done, progress.total) } : {})}
      />
      <p className="muted" id={textId} role="status">
        {text}
      </p>
    </div>
  );
}

/**
 * Imports contacts from a vCard or CSV file in steps: choose the file, map a CSV's columns, review the preview (row by
 * row, errors included), import all-or-nothing, read the report. While the core reads, checks or writes, a progress
 * bar says how far it got. Escape or Close leaves without writing anything (unless the import was already confirmed).
 */
export function ImportDialog() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const step = useImportStore((state) => state.step);
  const report = useImportStore((state) => state.report);
  const setImporting = useDirectoryViewStore((state) => state.setImporting);

  const bodyRef = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);

  useEffect(() => {
    useImportStore.getState().reset();
  }, []);

  useEffect(() => {
    // The dialog focuses the file field on opening; each later step moves focus to its own heading (or back to the
    // file field), since the control that led there has gone.
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    bodyRef.current?.querySelector<HTMLElement>('.import-step__title, input[type="file"]')?.focus();
  }, [step]);

  const close = (): void => {
    useImportStore.getState().reset();
    setImporting(false);
  };

  let body;
  switch (step) {
    case 'choose':
      body = <ImportFileStep />;
      break;
    case 'mapping':
      body = <ImportMappingStep />;
      break;
    case 'preview':
      body = <ImportPreviewStep />;
      break;
    case 'report':
      body = (
        <div className="import-step">
          <h3 className="import-step__title" tabIndex={-1}>
            {t('directory.import.reportTitle')}
          </h3>
          <p role="status">
            {t('directory.import.report', {
              created: formatCount(report?.created ?? 0, language),
              updated: formatCount(report?.updated ?? 0, language),
              skipped: formatCount(report?.skipped ?? 0, language),
            })}
          </p>
        </div>
      );
      break;
  }

  return (
    <ModalDialog title={t('directory.import.title')} onClose={close} wide>
      <div ref={bodyRef}>{body}</div>
      <ImportProgressView />
      <div className="modal__actions modal__actions--end">
        <button type="button" className="button" onClick={close}>
          {step === 'report' ? t('directory.import.close') : t('directory.import.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
