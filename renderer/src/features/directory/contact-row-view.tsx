import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRow } from '../../../../shared/api/directory';
import { countryDisplayName } from '../../i18n/country-names';
import { useSettingsStore } from '../../stores/use-settings-store';
import { RoleBadges } from './role-badges';

export interface ContactRowViewProps {
  /** The row's DOM id, for the list's `aria-activedescendant`. */
  readonly id: string;
  readonly index: number;
  readonly total: number;
  /** Null while the window holding this row has not arrived. */
  readonly row: ContactRow | null;
  readonly selected: boolean;
  readonly style: CSSProperties;
  readonly onClick: (index: number) => void;
}

/** One option of the contact list: name and badges, then title, organisation and country on a second line. */
export function ContactRowView({ id, index, total, row, selected, style, onClick }: ContactRowViewProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const meta =
    row === null
      ? ''
      : [row.title, row.organisationName, row.countryId === '' ? t('directory.row.international') : countryDisplayName(row.countryId, language, row.countryName)]
          .filter((part) => part !== '')
          .join(' · ');
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      aria-busy={row === null}
      className={selected ? 'contact-row contact-row--selected' : 'contact-row'}
      style={style}
      onClick={() => {
        onClick(index);
      }}
    >
      {row === null ? (
        <span className="contact-row__loading">{t('directory.list.loadingRow')}</span>
      ) : (
        <>
          <span className="contact-row__main">
            <span className="contact-row__name">{row.displayName}</span>
            <RoleBadges roles={row.roles} demo={row.demo} deleted={row.deleted} />
          </span>
          <span className="contact-row__meta">{meta}</span>
        </>
      )}
    </div>
  );
}
