import { useTranslation } from 'react-i18next';
import type { DocumentVersionView } from '../../../../shared/api/documents';
import { isPdf } from './document-format';

export interface PreviewSectionProps {
  /** The version the section is about (the latest). */
  readonly version: DocumentVersionView;
  readonly onPreview: (version: DocumentVersionView) => void;
}

/** The latest version's preview: a button for a PDF held here, or why there is none (not a PDF, not on this device). */
export function PreviewSection({ version, onPreview }: PreviewSectionProps) {
  const { t } = useTranslation();
  let body;
  if (!isPdf(version.mediaType)) body = <p className="muted">{t('documents.preview.notPdf')}</p>;
  else if (!version.available) body = <p className="muted">{t('documents.preview.notOnDevice')}</p>;
  else {
    body = (
      <button
        type="button"
        className="button"
        onClick={() => {
          onPreview(version);
        }}
      >
        {t('documents.preview.show', { number: version.number })}
      </button>
    );
  }
  return (
    <section className="document-preview" aria-label={t('documents.preview.section')}>
      {body}
    </section>
  );
}
