import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../../stores/use-settings-store';
import { importFailureMessage } from './import-issue-message';
import { useImportStore } from '../../stores/use-import-store';
import { readImportFile } from './read-import-file';

/** Reads a chosen file (strictly as UTF-8) and hands it to the import store, which previews it. */
export async function chooseImportFile(file: File): Promise<void> {
  const read = readImportFile(file.name, await file.arrayBuffer());
  const store = useImportStore.getState();
  if (read.ok) await store.chooseFile({ name: file.name, format: read.format, text: read.text });
  else store.refuseFile(read.problem);
}

/** The first step: choose a vCard or CSV file. Why a file cannot be read is said under the field. */
export function ImportFileStep() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const inputId = useId();
  const helpId = useId();
  const problemId = useId();
  const problem = useImportStore((state) => state.fileProblem);
  const busy = useImportStore((state) => state.busy);
  const error = useImportStore((state) => state.error);
  const describedBy = [helpId, problem === null ? null : problemId].filter((id) => id !== null).join(' ');
  return (
    <div className="import-step">
      <div className="field field--wide">
        <label className="field__label" htmlFor={inputId}>
          {t('directory.import.fileLabel')}
        </label>
        <input
          id={inputId}
          className="field__control"
          type="file"
          accept=".vcf,.vcard,.csv,.tsv,.txt,text/vcard,text/csv"
          aria-describedby={describedBy}
          aria-invalid={problem !== null}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) void chooseImportFile(file);
          }}
        />
        <p className="field__help" id={helpId}>
          {t('directory.import.fileHelp')}
        </p>
        {problem === null ? null : (
          <p className="field__error" id={problemId} role="alert">
            {t(`directory.import.problems.${problem}`)}
          </p>
        )}
      </div>
      {error === null ? null : (
        <p className="field__error" role="alert">
          {t('directory.import.previewFailed', { message: importFailureMessage(error, t, language) })}
        </p>
      )}
    </div>
  );
}
