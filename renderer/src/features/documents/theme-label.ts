import type { TFunction } from 'i18next';
import { suggestedDocumentThemes, type SuggestedDocumentTheme } from '../../../../shared/domain/document-themes';

const suggested: ReadonlySet<string> = new Set(suggestedDocumentThemes);

function isSuggested(theme: string): theme is SuggestedDocumentTheme {
  return suggested.has(theme);
}

/** A theme in the interface language: the network's common themes are translated, others shown as stored. */
export function themeLabel(theme: string, t: TFunction): string {
  return isSuggested(theme) ? t(`documents.themes.${theme}`) : theme;
}
