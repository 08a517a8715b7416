import { Fragment } from 'react';
import type { Snippet } from '../../../../shared/api/documents';

export interface SnippetTextProps {
  readonly snippet: Snippet;
}

/**
 * A search hit's excerpt with the matching words marked. Each segment is a React text child (escaped by React) and a
 * match is wrapped in `<mark>`: no HTML is ever built from the document's text.
 */
export function SnippetText({ snippet }: SnippetTextProps) {
  return (
    <p className="document-row__snippet">
      {snippet.segments.map((segment, index) =>
        // Segments are positional: the same text may occur twice, so the index is the identity.
        segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </p>
  );
}
