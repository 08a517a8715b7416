import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/api/documents';
import { countryDisplayName } from '../../i18n/country-names';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import { useNavigationStore } from '../../stores/use-navigation-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatDay, languageName } from '../directory/format-directory';
import { themeLabel } from './theme-label';

export interface DocumentDetailViewProps {
  readonly detail: DocumentDetail;
}

/**
 * What is known about a document, as a description list. Linked countries, organisations and contacts are buttons
 * that open them in the Directory; an entry the directory no longer has shows its id. Every value is text.
 */
export function DocumentDetailView({ detail }: DocumentDetailViewProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const go = useNavigationStore((state) => state.go);
  const openCountry = useDirectoryViewStore((state) => state.openCountry);
  const openOrganisation = useDirectoryViewStore((state) => state.openOrganisation);
  const openContact = useDirectoryViewStore((state) => state.openContact);
  const { document } = detail;
  const none = t('documents.detail.none');

  const links = (items: readonly { readonly id: string; readonly name: string }[], open: (id: string) => void): ReactNode =>
    items.length === 0 ? (
      none
    ) : (
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            {item.name === '' ? (
              <span className="muted">{t('documents.detail.missingEntry', { id: item.id })}</span>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  open(item.id);
                  go('directory');
                }}
              >
                {item.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    );

  const rows: readonly (readonly [string, ReactNode])[] = [
    [t('documents.detail.kind'), t(`documents.kinds.${document.kind}`)],
    [t('documents.detail.date'), document.date === null ? none : formatDay(document.date, language)],
    [t('documents.detail.language'), document.language === '' ? none : languageName(document.language, language)],
    [
      t('documents.detail.countries'),
      links(
        detail.countries.map((country) => ({ id: country.id, name: countryDisplayName(country.id, language, country.name) })),
        openCountry,
      ),
    ],
    [t('documents.detail.organisations'), links(detail.organisations, openOrganisation)],
    [
      t('documents.detail.contacts'),
      links(
        detail.contacts.map((contact) => ({ id: contact.id, name: contact.displayName })),
        openContact,
      ),
    ],
    [
      t('documents.detail.pillars'),
      document.pillars.length === 0 ? none : document.pillars.map((pillar) => t(`documents.pillars.${pillar}`)).join('; '),
    ],
    [t('documents.detail.themes'), document.themes.length === 0 ? none : document.themes.map((theme) => themeLabel(theme, t)).join(', ')],
    [t('documents.detail.summary'), document.summary === '' ? none : <span className="pre-wrap">{document.summary}</span>],
    [t('documents.detail.visibility'), t(`documents.visibility.${document.visibility}`)],
    [t('documents.detail.stored'), formatBytes(detail.storedBytes, language)],
    [t('documents.detail.updated'), formatDateTime(document.updatedAt, language)],
  ];

  return (
    <dl className="details">
      {rows.map(([term, details]) => (
        <div className="details__row" key={term}>
          <dt>{term}</dt>
          <dd>{details}</dd>
        </div>
      ))}
    </dl>
  );
}
