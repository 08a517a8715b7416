import { useTranslation } from 'react-i18next';
import type { TextStatus } from '../../../../shared/api/documents';
import { Badge } from '../../components/badge';
import { textStateMessage } from './text-state';

export interface AvailabilityBadgeProps {
  readonly available: boolean;
}

/** Whether a file's bytes are held on this device (a synced document's file may still be on its way). */
export function AvailabilityBadge({ available }: AvailabilityBadgeProps) {
  const { t } = useTranslation();
  return <Badge label={available ? t('documents.file.onDevice') : t('documents.file.notOnDevice')} tone={available ? 'neutral' : 'demo'} />;
}

export interface TextStateBadgeProps {
  readonly text: TextStatus;
}

/** A file's text state when it is not simply "extracted", with the reason when there is one. */
export function TextStateBadge({ text }: TextStateBadgeProps) {
  const { t } = useTranslation();
  if (text.state === 'extracted') return null;
  return <Badge label={textStateMessage(text, t)} tone={text.state === 'failed' ? 'deleted' : 'neutral'} />;
}
