import { useTranslation } from 'react-i18next';
import { countryDisplayName } from '../../i18n/country-names';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useMeetingStore } from '../../stores/use-meeting-store';
import { useSettingsStore } from '../../stores/use-settings-store';

/** How the meetings screens name what a meeting refers to. */
export interface MeetingNames {
  /** In the interface language; the directory's own name, or the code, when CLDR does not know it. */
  readonly country: (id: string) => string;
  readonly organisation: (id: string) => string;
  /** The contact's name, or "Unknown contact (id)" while it is not known or when it has gone. */
  readonly contact: (id: string) => string;
  /** The name of a contact's country in the directory; '' when it has none or is not known. */
  readonly contactCountry: (id: string) => string;
  /** A contact with their country: "Karen Jensen (Denmark)". */
  readonly contactWithCountry: (id: string) => string;
  readonly paper: (id: string) => string;
}

/** Names for countries, organisations, contacts and papers, from the directory and the open meeting's lookups. */
export function useMeetingNames(): MeetingNames {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const countries = useDirectoryStore((state) => state.countries);
  const organisations = useDirectoryStore((state) => state.organisations);
  const contacts = useMeetingStore((state) => state.contacts);
  const papers = useMeetingStore((state) => state.papers);

  const country = (id: string): string => {
    const held = countries.status === 'loaded' ? countries.items.find((entry) => entry.id === id) : undefined;
    return countryDisplayName(id, language, held?.name ?? '');
  };
  const contact = (id: string): string => contacts[id]?.name ?? t('meetings.lookup.unknownContact', { id });
  const contactCountry = (id: string): string => {
    const countryId = contacts[id]?.countryId ?? '';
    return countryId === '' ? '' : country(countryId);
  };
  return {
    country,
    organisation: (id) =>
      (organisations.status === 'loaded' ? organisations.items.find((entry) => entry.id === id)?.name : undefined) ??
      t('meetings.lookup.unknownOrganisation', { id }),
    contact,
    contactCountry,
    contactWithCountry: (id) => {
      const named = contactCountry(id);
      return named === '' ? contact(id) : `${contact(id)} (${named})`;
    },
    paper: (id) => papers[id]?.title ?? t('meetings.lookup.unknownPaper', { id }),
  };
}
