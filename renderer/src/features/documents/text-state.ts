import type { TFunction } from 'i18next';
import type { TextStatus } from '../../../../shared/api/documents';

/** Reason codes the core gives a failed or unsupported extraction, worded here in the interface language. */
const knownReasons = ['encrypted', 'malformed', 'mismatch', 'too-large', 'timeout'] as const;
type KnownReason = (typeof knownReasons)[number];

function isKnownReason(code: string | undefined): code is KnownReason {
  return code !== undefined && (knownReasons as readonly string[]).includes(code);
}

/** Why a file's text was not extracted: the known codes in the user's language, else the core's own sentence. */
export function textReason(text: TextStatus, t: TFunction): string | null {
  if (isKnownReason(text.reasonCode)) return t(`documents.text.reasons.${text.reasonCode}`);
  return text.reason === undefined || text.reason === '' ? null : text.reason;
}

/** A file's text state as one short sentence ("Text not extracted: the PDF is password-protected"). */
export function textStateMessage(text: TextStatus, t: TFunction): string {
  const reason = textReason(text, t);
  switch (text.state) {
    case 'failed':
      return reason === null ? t('documents.text.failed') : t('documents.text.failedBecause', { reason });
    case 'unsupported':
      return reason === null ? t('documents.text.unsupported') : t('documents.text.unsupportedBecause', { reason });
    default:
      return t(`documents.text.states.${text.state}`);
  }
}
