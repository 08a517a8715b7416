import type { TFunction } from 'i18next';
import { extensionOf, fileTypeKey } from './document-format';

/** A file's type as the interface names it ("PDF", "Word document"), or its extension for other types. */
export function fileTypeLabel(mediaType: string, fileName: string, t: TFunction): string {
  const key = fileTypeKey(mediaType);
  if (key !== 'other') return t(`documents.fileTypes.${key}`);
  const extension = extensionOf(fileName);
  return extension === '' ? t('documents.fileTypes.unknown') : t('documents.fileTypes.other', { extension });
}
