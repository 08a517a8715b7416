import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../../shared/api/directory';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import { countryDisplayName } from '../../i18n/country-names';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatDay, languageName } from './format-directory';
import { RoleBadges } from './role-badges';

export interface ContactDetailViewProps {
  readonly contact: ContactDetail;
}

/**
 * What is known about a contact, as a description list. Every value is text rendered by React (escaped), e-mail
 * addresses are mailto: links and the country opens its country page.
 */
export function ContactDetailView({ contact }: ContactDetailViewProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const openCountry = useDirectoryViewStore((state) => state.openCountry);
  const none = t('directory.detail.none');
  const fullName = [contact.honorific, contact.givenName, contact.familyName].filter((part) => part !== '').join(' ');
  const organisation = contact.organisationPath.filter((part) => part !== '').join(' › ');
  const list = (items: readonly ReactNode[]): ReactNode =>
    items.length === 0 ? none : <ul className="plain-list">{items}</ul>;

  const rows: readonly (readonly [string, ReactNode])[] = [
    [t('directory.detail.names'), fullName === '' ? none : fullName],
    [t('directory.detail.title'), contact.title === '' ? none : contact.title],
    [t('directory.detail.organisation'), organisation === '' ? none : organisation],
    [
      t('directory.detail.country'),
      contact.countryId === '' ? (
        t('directory.row.international')
      ) : (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            openCountry(contact.countryId);
          }}
        >
          {countryDisplayName(contact.countryId, language, contact.countryName)}
        </button>
      ),
    ],
    [t('directory.detail.roles'), contact.roles.length === 0 ? none : <RoleBadges roles={contact.roles} />],
    [
      t('directory.detail.emails'),
      list(
        contact.emails.map((email, index) => (
          <li key={`${email.value}-${index}`}>
            <a href={`mailto:${email.value}`}>{email.value}</a>{' '}
            <span className="muted">({t(`directory.channelKinds.${email.kind}`)})</span>
          </li>
        )),
      ),
    ],
    [
      t('directory.detail.phones'),
      list(
        contact.phones.map((phone, index) => (
          <li key={`${phone.value}-${index}`}>
            {t('directory.detail.channel', { value: phone.value, kind: t(`directory.channelKinds.${phone.kind}`) })}
          </li>
        )),
      ),
    ],
    [
      t('directory.detail.languages'),
      contact.languages.length === 0 ? none : contact.languages.map((tag) => languageName(tag, language)).join(', '),
    ],
    [t('directory.detail.appointedOn'), contact.appointedOn === null ? none : formatDay(contact.appointedOn, language)],
    [t('directory.detail.notes'), contact.notes === '' ? none : <span className="pre-wrap">{contact.notes}</span>],
    [t('directory.detail.tags'), contact.tags.length === 0 ? none : contact.tags.join(', ')],
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
