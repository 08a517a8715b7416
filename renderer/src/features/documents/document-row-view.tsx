import { useTranslation } from 'react-i18next';
import type { DocumentRow, DocumentSearchHit } from '../../../../shared/api/documents';
import { Badge } from '../../components/badge';
import { countryDisplayName } from '../../i18n/country-names';
import { formatBytes } from '../../i18n/format';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatDay } from '../directory/format-directory';
import { AvailabilityBadge, TextStateBadge } from './document-badges';
import { fileTypeLabel } from './file-type-label';
import { SnippetText } from './snippet-text';

export interface DocumentRowViewProps {
  readonly id: string;
  readonly row: DocumentRow;
  /** Present when the row is a search hit: its excerpt and where the words matched. */
  readonly hit?: DocumentSearchHit | undefined;
  readonly index: number;
  readonly count: number;
  readonly selected: boolean;
  readonly onClick: (index: number) => void;
}

/**
 * One document of the library as an option of its listbox: title and kind, then date, countries, pillars and the
 * latest file's type and size, whether that file is on this device, its text state when not extracted, and, for a
 * search hit, the excerpt with the matching words marked. Every value is rendered as text.
 */
export function DocumentRowView({ id, row, hit, index, count, selected, onClick }: DocumentRowViewProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const countries = row.countryIds.map((code) => countryDisplayName(code, language)).join(', ');
  const meta = [
    row.date === null ? t('documents.row.noDate') : formatDay(row.date, language),
    countries,
    row.pillars.length === 0 ? '' : t('documents.row.pillars', { list: row.pillars.join(', ') }),
    `${fileTypeLabel(row.latest.mediaType, row.latest.fileName, t)}, ${formatBytes(row.latest.size, language)}`,
  ].filter((part) => part !== '');

  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={selected ? 'document-row document-row--selected' : 'document-row'}
      onClick={() => {
        onClick(index);
      }}
    >
      <div className="document-row__main">
        <span className="document-row__title">{row.title}</span>
        <span className="badges">
          <Badge label={t(`documents.kinds.${row.kind}`)} tone="role" />
          {row.visibility === 'private' ? <Badge label={t('documents.visibility.privateShort')} /> : null}
          {row.demo ? <Badge label={t('documents.row.demo')} tone="demo" /> : null}
          {row.deleted ? <Badge label={t('documents.row.deleted')} tone="deleted" /> : null}
        </span>
      </div>
      <div className="document-row__meta">{meta.join(' · ')}</div>
      <div className="badges">
        <AvailabilityBadge available={row.latest.available} />
        <TextStateBadge text={row.latest.text} />
        {row.versionCount > 1 ? <Badge label={t('documents.row.versions', { count: row.versionCount })} /> : null}
      </div>
      {hit === undefined || hit.snippet === null ? null : <SnippetText snippet={hit.snippet} />}
    </div>
  );
}
