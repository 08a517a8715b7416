import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../shared/api/directory';
import { Badge } from '../../components/badge';
import { countryDisplayName } from '../../i18n/country-names';
import { useSettingsStore } from '../../stores/use-settings-store';

export interface OrganisationDetailViewProps {
  readonly organisation: OrganisationDetail;
  readonly busy: boolean;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  readonly onRestore: () => void;
  readonly onNewInside: () => void;
}

/** An organisation's details with Edit, Delete (or Restore) and "New organisation inside". */
export function OrganisationDetailView({ organisation, busy, onEdit, onDelete, onRestore, onNewInside }: OrganisationDetailViewProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const headingId = useId();
  const none = t('directory.detail.none');
  const deleted = organisation.deletedAt !== null;
  const parents = organisation.path.slice(0, -1).filter((part) => part !== '');
  const rows: readonly (readonly [string, ReactNode])[] = [
    [t('directory.organisations.acronym'), organisation.acronym === '' ? none : organisation.acronym],
    [t('directory.organisations.kind'), t(`directory.organisationKinds.${organisation.kind}`)],
    [t('directory.organisations.parent'), parents.length === 0 ? none : parents.join(' › ')],
    [
      t('directory.organisations.country'),
      organisation.countryId === '' ? t('directory.organisations.international') : countryDisplayName(organisation.countryId, language, organisation.countryName),
    ],
    [t('directory.organisations.notes'), organisation.notes === '' ? none : <span className="pre-wrap">{organisation.notes}</span>],
  ];
  return (
    <section className="detail" aria-labelledby={headingId}>
      <div className="detail__header">
        <h2 className="detail__title" id={headingId}>
          {organisation.name}
        </h2>
        {organisation.demo ? <Badge tone="demo" label={t('directory.row.demo')} /> : null}
        {deleted ? <Badge tone="deleted" label={t('directory.row.deleted')} /> : null}
      </div>
      {deleted ? <p className="notice notice--warning">{t('directory.organisations.deletedNotice')}</p> : null}
      <div className="detail__actions">
        {deleted ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={onRestore}>
            {t('directory.organisations.restore')}
          </button>
        ) : (
          <>
            <button type="button" className="button button--primary" aria-keyshortcuts="E" onClick={onEdit}>
              {t('directory.organisations.edit')}
            </button>
            <button type="button" className="button" aria-keyshortcuts="Delete" disabled={busy} onClick={onDelete}>
              {t('directory.organisations.delete')}
            </button>
            <button type="button" className="button" onClick={onNewInside}>
              {t('directory.organisations.newInside')}
            </button>
          </>
        )}
      </div>
      <dl className="details">
        {rows.map(([term, details]) => (
          <div className="details__row" key={term}>
            <dt>{term}</dt>
            <dd>{details}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
