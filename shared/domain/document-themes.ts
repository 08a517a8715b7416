/**
 * Themes the network's papers keep returning to (the 2012 meeting report's sessions): offered as suggestions when
 * tagging a document. A document may carry other themes too; these are only the common vocabulary, in the stored
 * (kebab-case) form the renderer words in the interface language.
 */
export const suggestedDocumentThemes = [
  'early-warning',
  'prevention',
  'rule-of-law',
  'security-sector-reform',
  'mediation',
  'dealing-with-the-past',
  'transitional-justice',
  'human-rights',
  'international-criminal-justice',
  'national-architecture',
  'regional-cooperation',
  'training',
] as const;

export type SuggestedDocumentTheme = (typeof suggestedDocumentThemes)[number];
