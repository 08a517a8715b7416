import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../api/client';
import { useContactListStore } from '../../stores/use-contact-list-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { downloadText, exportFileName } from './download';
import { formatCount } from './format-directory';

export interface ExportButtonProps {
  /** Says how the export went, in the screen's status line. */
  readonly announce: (message: string) => void;
}

/** Exports the contacts the list's current search and filters select, as one vCard 4.0 file. */
export function ExportButton({ announce }: ExportButtonProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button"
      disabled={busy}
      onClick={() => {
        void (async () => {
          setBusy(true);
          const result = await getBridge()['directory.export.vcard']({ filter: useContactListStore.getState().filter });
          setBusy(false);
          if (!result.ok) {
            announce(`${t('directory.toolbar.exportFailed')} ${result.error.message}`);
            return;
          }
          const file = exportFileName(new Date());
          downloadText(result.value.text, file, 'text/vcard;charset=utf-8');
          announce(t('directory.toolbar.exported', { count: result.value.count, formatted: formatCount(result.value.count, language), file }));
        })();
      }}
    >
      {busy ? t('directory.toolbar.exporting') : t('directory.toolbar.exportVcard')}
    </button>
  );
}
