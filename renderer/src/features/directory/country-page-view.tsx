import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice';
import { Panel } from '../../components/panel';
import { countryDisplayName } from '../../i18n/country-names';
import { useCountryStore } from '../../stores/use-country-store';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { ContactLinks } from './contact-links';
import { CountryForm } from './country-form';
import { isTextEntry } from './shortcut-keys';
import { StakeholderMap } from './stakeholder-map';

export interface CountryPageViewProps {
  readonly id: string;
  /** "All countries", or Escape outside a field. */
  readonly onBack: () => void;
}

/**
 * One country: its standing in the network, its focal points, its stakeholder map (organisations and their
 * officials), other contacts and its national experience. Its heading takes focus on opening. Edit (or E, outside
 * the tree and fields) opens the form for its standing in place of the details; focus comes back to Edit after it.
 * Any ISO country has a page, held by the directory or not: its first save creates it.
 */
export function CountryPageView({ id, onBack }: CountryPageViewProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const page = useCountryStore((state) => state.page);
  const openPage = useCountryStore((state) => state.openPage);
  const openContact = useDirectoryViewStore((state) => state.openContact);
  const [editing, setEditing] = useState(false);
  // Set when the form closes, so Edit takes focus once the details are back.
  const returnFocus = useRef(false);

  useEffect(() => {
    const store = useCountryStore.getState();
    void store.openPage(id);
    const stop = store.follow();
    return () => {
      stop();
      useCountryStore.getState().closePage();
    };
  }, [id]);

  const loaded = page.status === 'loaded' && page.page.country.id === id ? page.page : null;
  const shown = loaded?.country.id;
  useEffect(() => {
    if (shown !== undefined) headingRef.current?.focus();
  }, [shown]);
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editRef.current?.focus();
    }
  }, [editing]);

  const back = (
    <button type="button" className="button" onClick={onBack} aria-keyshortcuts="Escape">
      ← {t('directory.countryPage.back')}
    </button>
  );
  if (loaded === null) {
    return (
      <div className="country-page">
        {back}
        {page.status === 'error' ? (
          <ErrorNotice
            title={t('directory.countryPage.failed')}
            message={page.error.message}
            retryLabel={t('directory.countries.retry')}
            onRetry={() => {
              void openPage(id);
            }}
          />
        ) : (
          <p className="muted" role="status">
            {t('directory.countryPage.loading')}
          </p>
        )}
      </div>
    );
  }

  const { country, focalPoints, stakeholderMap, otherContacts } = loaded;
  const name = countryDisplayName(country.code, language, country.name);
  const closeForm = (): void => {
    returnFocus.current = true;
    setEditing(false);
  };
  const yesNo = (value: boolean): string => (value ? t('directory.countryPage.yes') : t('directory.countryPage.no'));
  const facts: readonly (readonly [string, ReactNode])[] = [
    [t('directory.countryPage.region'), t(`directory.regions.${country.region}`)],
    [t('directory.countryPage.networkStatus'), t(`directory.networkStatuses.${country.networkStatus}`)],
    [t('directory.countryPage.coHost'), yesNo(country.coHost)],
    [t('directory.countryPage.yearJoined'), country.yearJoined == null ? t('directory.countryPage.notRecorded') : String(country.yearJoined)],
    [
      t('directory.countryPage.regionalOrganisations'),
      country.regionalOrganisations.length === 0 ? t('directory.countryPage.notRecorded') : country.regionalOrganisations.join(', '),
    ],
  ];
  const experience = country.nationalExperience ?? '';

  return (
    <section
      className="country-page"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        // The form's keys are the form's (Escape cancels it, Ctrl+S saves).
        if (editing || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
        const target = event.target as HTMLElement;
        // Keys inside the tree or a field belong to them.
        if (target.closest('[role="tree"]') !== null || isTextEntry(target)) return;
        if (event.key === 'Escape') onBack();
        else if (event.key === 'e' || event.key === 'E') setEditing(true);
        else return;
        event.preventDefault();
      }}
    >
      {editing ? null : back}
      <h2 className="country-page__title" id={headingId} ref={headingRef} tabIndex={-1}>
        {name}
      </h2>
      {editing ? (
        <CountryForm country={country} label={name} onSaved={closeForm} onCancel={closeForm} />
      ) : (
        <>
          <div className="detail__actions">
            <button
              type="button"
              className="button button--primary"
              ref={editRef}
              aria-keyshortcuts="E"
              onClick={() => {
                setEditing(true);
              }}
            >
              {t('directory.countryPage.edit')}
            </button>
          </div>
          <dl className="details">
            {facts.map(([term, details]) => (
              <div className="details__row" key={term}>
                <dt>{term}</dt>
                <dd>{details}</dd>
              </div>
            ))}
          </dl>
          <Panel heading={t('directory.countryPage.focalPoints')}>
            {focalPoints.length === 0 ? (
              <p className="muted">{t('directory.countryPage.noFocalPoint')}</p>
            ) : (
              <ContactLinks contacts={focalPoints} onOpen={openContact} />
            )}
          </Panel>
          <Panel heading={t('directory.countryPage.stakeholderMap')}>
            {stakeholderMap.length === 0 ? (
              <p className="muted">{t('directory.countryPage.noOrganisations')}</p>
            ) : (
              <StakeholderMap key={country.id} countryName={name} nodes={stakeholderMap} onOpenContact={openContact} />
            )}
          </Panel>
          {otherContacts.length === 0 ? null : (
            <Panel heading={t('directory.countryPage.otherContacts')}>
              <ContactLinks contacts={otherContacts} onOpen={openContact} />
            </Panel>
          )}
          <Panel heading={t('directory.countryPage.nationalExperience')}>
            <p className="pre-wrap">{experience === '' ? t('directory.countryPage.notRecorded') : experience}</p>
          </Panel>
        </>
      )}
    </section>
  );
}
